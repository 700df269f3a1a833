import { Worker } from 'node:worker_threads';
import type { Database, Queryable, TxOptions } from './db';
import { TimeoutError } from './db-errors';

/**
 * The embedded database on a thread of its own (`pglite-worker.mjs`). PGlite runs each statement
 * on the thread that calls it, so in the server's thread a first sync alternated between reading
 * a request and writing it; on its own thread the two overlap. Messages carry a statement and its
 * parameters one way and flat rows (json columns as text, parsed on this side) or the error's
 * code and message back.
 *
 * No caller waits forever: every call has a time limit, and a message that cannot be read, an
 * error or the thread's exit rejects every waiting call. A transaction is always ended from this
 * side, and the thread rolls back one left idle (TX_IDLE_MS in the worker), so a lost message
 * never leaves PGlite's transaction lock held.
 */

type Request =
  | { kind: 'query'; text: string; params: unknown[] | undefined; tx: number; name?: string }
  | { kind: 'exec'; text: string; tx: number }
  | { kind: 'begin'; tx: number }
  | { kind: 'finish'; tx: number; commit: boolean }
  | { kind: 'close' };

interface PlainError {
  message: string;
  code?: string;
  detail?: string;
  constraint?: string;
  severity?: string;
}

type Answer = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: PlainError; lost?: boolean };

/** The error as callers of pg and PGlite see it: a message, and the SQLSTATE in `code`. */
function toError(plain: PlainError): Error {
  return Object.assign(new Error(plain.message), plain);
}

export interface PgliteThreadOptions {
  /** A statement (or the wait for the thread to reach it) taking longer than this is answered with a TimeoutError. 0 = none. */
  statementTimeoutMs?: number;
}

/** Long enough for the largest push of a first sync on a slow machine; migrations run without a limit. */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;
const CLOSE_TIMEOUT_MS = 30_000;

export async function openPgliteThread(dataDir: string | undefined, options: PgliteThreadOptions = {}): Promise<Database> {
  const statementTimeoutMs = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
    workerData: { dataDir, txIdleMs: Math.max(2 * statementTimeoutMs, 10_000) },
    // The worker is plain JavaScript: no loader from the parent is needed, or wanted, in it.
    execArgv: [],
  });
  type Call = { resolve: (value: unknown) => void; reject: (error: Error) => void; timer?: NodeJS.Timeout };
  const pending = new Map<number, Call>();
  let lastId = 0;
  let lastTx = 0;
  let gone: Error | null = null;

  await new Promise<void>((resolve, reject) => {
    const started = (m: { ready: boolean; error?: PlainError }) => {
      worker.off('error', reject).off('exit', stopped);
      if (m.ready) resolve();
      else reject(toError(m.error!));
    };
    const stopped = (code: number) => reject(new Error(`内置数据库线程启动失败（退出码 ${code}）`));
    worker.once('message', started).once('error', reject).once('exit', stopped);
  });

  // The thread holds the process open only while a statement is under way, as a socket would.
  worker.unref();
  const settle = () => {
    if (pending.size === 0) worker.unref();
  };
  const take = (id: number): Call | undefined => {
    const call = pending.get(id);
    if (!call) return undefined;
    pending.delete(id);
    clearTimeout(call.timer);
    settle();
    return call;
  };
  const failAll = (error: Error) => {
    for (const id of [...pending.keys()]) take(id)!.reject(error);
  };
  worker.on('message', (answer: Answer) => {
    if (!answer.ok && answer.lost) return failAll(new Error(`内置数据库线程收到无法读取的消息：${answer.error.message}`));
    const call = take(answer.id);
    if (!call) return;
    if (answer.ok) call.resolve(answer.value);
    else call.reject(toError(answer.error));
  });
  // An answer that cannot be read here: which call it belonged to is unknown, so none is left waiting.
  worker.on('messageerror', (error) => failAll(new Error(`内置数据库的回答无法读取：${error.message}`)));
  const stop = (error: Error) => {
    gone = error;
    failAll(error);
  };
  worker.on('error', (error) => stop(new Error(`内置数据库线程出错：${error.message}`)));
  worker.on('exit', (code) => stop(new Error(`内置数据库线程已退出（退出码 ${code}）`)));

  function call<T>(request: Request, timeoutMs = statementTimeoutMs): Promise<T> {
    if (gone) return Promise.reject(gone);
    const id = ++lastId;
    if (pending.size === 0) worker.ref();
    return new Promise<T>((resolve, reject) => {
      const entry: Call = { resolve: resolve as (value: unknown) => void, reject };
      pending.set(id, entry);
      if (timeoutMs > 0) {
        entry.timer = setTimeout(() => take(id)?.reject(new TimeoutError(timeoutMs)), timeoutMs);
        entry.timer.unref();
      }
      try {
        worker.postMessage({ id, ...request });
      } catch (error) {
        take(id);
        reject(error as Error);
      }
    });
  }

  // A prepared statement is kept on PGlite's one session; inside a transaction the statement runs as it is.
  const inTx = (tx: number, timeoutMs?: number): Queryable => ({
    query: <T>(text: string, params?: unknown[], prepared?: string) =>
      call<T[]>({ kind: 'query', text, params, tx, ...(prepared && tx === 0 ? { name: prepared } : {}) }, timeoutMs),
  });
  const rollback = (tx: number) => call({ kind: 'finish', tx, commit: false }).catch(() => undefined);

  return {
    kind: 'pglite',
    query: inTx(0).query,
    exec: (text) => call<void>({ kind: 'exec', text, tx: 0 }, 0),
    async tx<R>(fn: (q: Queryable) => Promise<R>, txOptions: TxOptions = {}): Promise<R> {
      const timeoutMs = txOptions.statementTimeoutMs ?? statementTimeoutMs;
      // Numbered here, so a transaction whose begin timed out can still be ended: the thread
      // handles messages in order, and rolls back a transaction ended before it started.
      const tx = ++lastTx;
      try {
        await call<number>({ kind: 'begin', tx }, timeoutMs);
      } catch (error) {
        void rollback(tx);
        throw error;
      }
      let result: R;
      try {
        result = await fn(inTx(tx, timeoutMs));
      } catch (error) {
        await rollback(tx);
        throw error;
      }
      await call({ kind: 'finish', tx, commit: true }, timeoutMs);
      return result;
    },
    async close() {
      if (gone) return;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      // A thread stuck in a statement would hold the server's shutdown forever: it is stopped instead.
      await call({ kind: 'close' }, CLOSE_TIMEOUT_MS).catch(() => worker.terminate());
      worker.ref();
      await exited;
    },
  };
}
