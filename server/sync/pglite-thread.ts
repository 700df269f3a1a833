import { Worker } from 'node:worker_threads';
import type { Database, Queryable } from './db';

/**
 * The embedded database on a thread of its own (`pglite-worker.mjs`). PGlite runs each statement
 * on the thread that calls it, so in the server's thread a first sync alternated between reading
 * a request and writing it; on its own thread the two overlap. Messages carry a statement and its
 * parameters one way and plain rows (or the error's code and message) back.
 */

type Request =
  | { kind: 'query'; text: string; params: unknown[] | undefined; tx: number }
  | { kind: 'exec'; text: string; tx: number }
  | { kind: 'begin' }
  | { kind: 'finish'; tx: number; commit: boolean }
  | { kind: 'close' };

interface PlainError {
  message: string;
  code?: string;
  detail?: string;
  constraint?: string;
  severity?: string;
}

type Answer = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: PlainError };

/** The error as callers of pg and PGlite see it: a message, and the SQLSTATE in `code`. */
function toError(plain: PlainError): Error {
  return Object.assign(new Error(plain.message), plain);
}

export async function openPgliteThread(dataDir: string | undefined): Promise<Database> {
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
    workerData: { dataDir },
    // The worker is plain JavaScript: no loader from the parent is needed, or wanted, in it.
    execArgv: [],
  });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let lastId = 0;
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
  worker.on('message', (answer: Answer) => {
    const call = pending.get(answer.id);
    if (!call) return;
    pending.delete(answer.id);
    settle();
    if (answer.ok) call.resolve(answer.value);
    else call.reject(toError(answer.error));
  });
  const failAll = (error: Error) => {
    gone = error;
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  };
  worker.on('error', (error) => failAll(new Error(`内置数据库线程出错：${error.message}`)));
  worker.on('exit', (code) => failAll(new Error(`内置数据库线程已退出（退出码 ${code}）`)));

  function call<T>(request: Request): Promise<T> {
    if (gone) return Promise.reject(gone);
    const id = ++lastId;
    if (pending.size === 0) worker.ref();
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, ...request });
    });
  }

  const inTx = (tx: number): Queryable => ({
    query: <T>(text: string, params?: unknown[]) => call<T[]>({ kind: 'query', text, params, tx }),
  });

  return {
    kind: 'pglite',
    query: inTx(0).query,
    exec: (text) => call<void>({ kind: 'exec', text, tx: 0 }),
    async tx(fn) {
      const tx = await call<number>({ kind: 'begin' });
      let result;
      try {
        result = await fn(inTx(tx));
      } catch (error) {
        await call({ kind: 'finish', tx, commit: false }).catch(() => undefined);
        throw error;
      }
      await call({ kind: 'finish', tx, commit: true });
      return result;
    },
    async close() {
      if (gone) return;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      await call({ kind: 'close' });
      worker.ref();
      await exited;
    },
  };
}
