// The embedded database's own thread (see pglite-thread.ts). PGlite is PostgreSQL compiled to
// WebAssembly: every statement runs on the thread that calls it. Here it has a thread to itself,
// so the server's thread parses, checks and encodes the next request while a statement runs.
// Plain JavaScript on purpose: a worker thread does not inherit the TypeScript loader the server
// runs under, and this file holds no logic beyond passing messages and keeping the few statements
// the server names prepared (namedQuery).
import { clearTimeout, setTimeout } from 'node:timers';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, parse, protocol } from '@electric-sql/pglite';

const port = parentPort;
if (!port) throw new Error('pglite-worker.mjs runs only as a worker thread');

/** Thrown inside a transaction's callback to make PGlite roll it back. */
const ROLLBACK = Symbol('rollback');

/**
 * json and jsonb columns come back as their text. A value parsed here would cross to the server's
 * thread as a tree of objects, and a tree nested a few thousand deep cannot be rebuilt there
 * (the message is lost, and the statement's caller would wait forever). Text always crosses; the
 * server's thread parses it.
 */
const asText = (text) => text;
const JSON_AS_TEXT = { 114: asText, 3802: asText };

/** A transaction left waiting this long for its next statement is rolled back, so its locks never outlive a lost message. */
const TX_IDLE_MS = workerData.txIdleMs ?? 60_000;

/** Only plain fields cross the thread boundary; the error's code (23505, …) is what callers test. */
function plainError(error) {
  const e = error instanceof Error ? error : new Error(String(error));
  const text = (v) => (typeof v === 'string' ? v : undefined);
  return {
    message: String(e.message),
    code: text(e.code),
    detail: text(e.detail),
    constraint: text(e.constraint),
    severity: text(e.severity),
  };
}

const fail = (id, error) => port.postMessage({ id, ok: false, error: plainError(error) });
function reply(id, value) {
  try {
    port.postMessage({ id, ok: true, value });
  } catch (error) {
    // A value that cannot be copied to the server's thread: its caller gets the error, not silence.
    fail(id, error);
  }
}

let db;
try {
  db = new PGlite({ dataDir: workerData.dataDir, parsers: JSON_AS_TEXT });
  await db.waitReady;
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ ready: false, error: plainError(error) });
  process.exit(1);
}

/** Open transactions by the number the server's thread gave them: their queries, and how to end them. */
const open = new Map();

function idleTimer(entry) {
  clearTimeout(entry.idle);
  entry.idle = setTimeout(() => {
    entry.expired = true;
    entry.end(false);
  }, TX_IDLE_MS);
}

function begin(id, tx) {
  let end;
  const ended = new Promise((resolve) => (end = resolve));
  const entry = { t: null, finishId: 0, end, idle: undefined, busy: 0, expired: false };
  open.set(tx, entry);
  db.transaction(async (t) => {
    entry.t = t;
    idleTimer(entry);
    reply(id, tx);
    if (!(await ended)) throw ROLLBACK;
  }).then(
    () => {
      clearTimeout(entry.idle);
      open.delete(tx);
      reply(entry.finishId, null);
    },
    (error) => {
      clearTimeout(entry.idle);
      open.delete(tx);
      // A transaction that never began (the BEGIN itself failed) answers the begin message.
      if (error === ROLLBACK) reply(entry.finishId, null);
      else fail(entry.t ? entry.finishId : id, error);
    },
  );
}

/** The texts of the statements prepared on the database's one session, by name. */
const prepared = new Map();

/** A parameter as the protocol's text (the server sends strings, numbers and nulls). */
const asParam = (v) =>
  v === null || v === undefined
    ? null
    : typeof v === 'string'
      ? v
      : v instanceof Date
        ? v.toISOString()
        : typeof v === 'object'
          ? JSON.stringify(v)
          : String(v);

/**
 * A statement run as a named prepared statement of the session: parsed once, then after its first
 * few runs planned once (PostgreSQL's plan cache), where `query` parses and plans every time. For
 * the few statements every request runs, whose planning costs more than a small push's rows.
 * An error still ends the exchange with Sync, so the session is ready for the next statement.
 */
function namedQuery(name, text, params = []) {
  // Waits for an open transaction to end and holds the session's query lock, as `query` does.
  return db._runExclusiveTransaction(() =>
    db._runExclusiveQuery(async () => {
      const messages = [];
      const send = async (message) => messages.push(...(await db.execProtocol(message, { syncToFs: false })).messages);
      try {
        if (!prepared.has(name)) {
          await send(protocol.serialize.parse({ name, text }));
          prepared.set(name, text);
        } else if (prepared.get(name) !== text) {
          throw new Error(`prepared statement ${name} was prepared with another text`);
        }
        await send(protocol.serialize.bind({ statement: name, values: params.map(asParam) }));
        await send(protocol.serialize.describe({ type: 'P' }));
        await send(protocol.serialize.execute({}));
      } finally {
        messages.push(...(await db.execProtocol(protocol.serialize.sync(), { syncToFs: false })).messages);
      }
      await db.syncToFs();
      return parse.parseResults(messages, db.parsers)[0];
    }),
  );
}

async function inTransaction(entry, run) {
  if (entry.expired) throw new Error('事务等待超时，已回滚');
  entry.busy++;
  clearTimeout(entry.idle);
  try {
    return await run(entry.t);
  } finally {
    if (--entry.busy === 0 && !entry.expired) idleTimer(entry);
  }
}

port.on('message', async (message) => {
  const { id, kind } = message;
  try {
    if (kind === 'begin') return begin(id, message.tx);
    if (kind === 'finish') {
      const entry = open.get(message.tx);
      if (!entry) throw new Error(`no open transaction ${message.tx}`);
      entry.finishId = id;
      return entry.end(message.commit);
    }
    if (kind === 'close') {
      await db.close();
      reply(id, null);
      return port.close();
    }
    const run = (target) =>
      kind === 'exec'
        ? target.exec(message.text).then(() => null)
        : message.name && target === db
          ? namedQuery(message.name, message.text, message.params)
          : target.query(message.text, message.params);
    let result;
    if (message.tx) {
      const entry = open.get(message.tx);
      if (!entry?.t) throw new Error(`no open transaction ${message.tx}`);
      result = await inTransaction(entry, run);
    } else {
      result = await run(db);
    }
    reply(id, result && result.rows);
  } catch (error) {
    fail(id, error);
  }
});

// A message from the server's thread that could not be read: its caller is unknown, so every
// waiting call is told (the server's thread only ever sends plain values, so this is a backstop).
port.on('messageerror', (error) => port.postMessage({ id: 0, ok: false, lost: true, error: plainError(error) }));
