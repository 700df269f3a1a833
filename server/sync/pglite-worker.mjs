// The embedded database's own thread (see pglite-thread.ts). PGlite is PostgreSQL compiled to
// WebAssembly: every statement runs on the thread that calls it. Here it has a thread to itself,
// so the server's thread parses, checks and encodes the next request while a statement runs.
// Plain JavaScript on purpose: a worker thread does not inherit the TypeScript loader the server
// runs under, and this file holds no logic beyond passing messages.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const port = parentPort;
if (!port) throw new Error('pglite-worker.mjs runs only as a worker thread');

/** Thrown inside a transaction's callback to make PGlite roll it back. */
const ROLLBACK = Symbol('rollback');

/** Only plain fields cross the thread boundary; the error's code (23505, …) is what callers test. */
function plainError(error) {
  const e = error instanceof Error ? error : new Error(String(error));
  return { message: e.message, code: e.code, detail: e.detail, constraint: e.constraint, severity: e.severity };
}

const reply = (id, value) => port.postMessage({ id, ok: true, value });
const fail = (id, error) => port.postMessage({ id, ok: false, error: plainError(error) });

let db;
try {
  db = workerData.dataDir ? new PGlite(workerData.dataDir) : new PGlite();
  await db.waitReady;
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ ready: false, error: plainError(error) });
  process.exit(1);
}

/** Open transactions by number: the queries the server sends for each, and how to end it. */
const open = new Map();
let lastTx = 0;

function begin(id) {
  const tx = ++lastTx;
  let end;
  const ended = new Promise((resolve) => (end = resolve));
  const entry = { t: null, finishId: 0, end };
  open.set(tx, entry);
  db.transaction(async (t) => {
    entry.t = t;
    reply(id, tx);
    if (!(await ended)) throw ROLLBACK;
  }).then(
    () => {
      open.delete(tx);
      reply(entry.finishId, null);
    },
    (error) => {
      open.delete(tx);
      // A transaction that never began (the BEGIN itself failed) answers the begin message.
      if (error === ROLLBACK) reply(entry.finishId, null);
      else fail(entry.t ? entry.finishId : id, error);
    },
  );
}

port.on('message', async (message) => {
  const { id, kind } = message;
  try {
    if (kind === 'begin') return begin(id);
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
    const target = message.tx ? open.get(message.tx)?.t : db;
    if (!target) throw new Error(`no open transaction ${message.tx}`);
    if (kind === 'exec') {
      await target.exec(message.text);
      return reply(id, null);
    }
    const result = await target.query(message.text, message.params);
    reply(id, result.rows);
  } catch (error) {
    fail(id, error);
  }
});
