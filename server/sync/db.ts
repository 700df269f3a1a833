import pg from 'pg';
import { DEFAULT_STATEMENT_TIMEOUT_MS, openPgliteThread, type PgliteThreadOptions } from './pglite-thread';
import { makePrivate } from './private-files';

/**
 * The one thing the store needs from a database, so the same SQL runs on PGlite (embedded, a data
 * folder) and on a real PostgreSQL (`DATABASE_URL`, shared by stateless app servers).
 */
export interface Queryable {
  /**
   * With `prepared` (a name for this one fixed text), the database keeps the statement parsed and,
   * after its first few runs, planned (a named prepared statement of each session): for the
   * statements every request runs, whose planning costs more than the few rows they write.
   */
  query<T = Record<string, unknown>>(text: string, params?: unknown[], prepared?: string): Promise<T[]>;
}

export interface TxOptions {
  /** Time limit of each statement in the transaction, 0 = none (migrations, which may copy every row). */
  statementTimeoutMs?: number;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
  tx<R>(fn: (q: Queryable) => Promise<R>, options?: TxOptions): Promise<R>;
  close(): Promise<void>;
}

/**
 * `dataDir` undefined = in memory (tests). The database runs on a thread of its own
 * (pglite-thread.ts). Its folder and files are private to the account running the server.
 */
export async function openPglite(dataDir?: string, options?: PgliteThreadOptions): Promise<Database> {
  if (!dataDir) return openPgliteThread(undefined, options);
  makePrivate(dataDir);
  const db = await openPgliteThread(dataDir, options);
  // Where the umask could not be set (a worker thread), files PGlite made meanwhile are swept at close.
  return { ...db, close: () => db.close().then(() => makePrivate(dataDir)) };
}

export async function openPostgres(
  connectionString: string,
  max = 10,
  statementTimeoutMs = DEFAULT_STATEMENT_TIMEOUT_MS,
): Promise<Database> {
  // Every statement has a time limit, and a session idle inside a transaction is ended, so no
  // request holds a lock another one waits for without end.
  const pool = new pg.Pool({
    connectionString,
    max,
    statement_timeout: statementTimeoutMs,
    idle_in_transaction_session_timeout: Math.max(2 * statementTimeoutMs, 10_000),
  });
  // Fail at start, not at the first request, when the address or password is wrong.
  await pool.query('SELECT 1');
  return {
    kind: 'postgres',
    async query<T>(text: string, params?: unknown[], prepared?: string) {
      // pg keeps a named statement per connection of the pool, parsed once on each.
      return (await pool.query(prepared ? { name: prepared, text, values: params } : { text, values: params })).rows as T[];
    },
    async exec(text) {
      await pool.query(text);
    },
    async tx(fn, options = {}) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        if (options.statementTimeoutMs !== undefined)
          await client.query(`SET LOCAL statement_timeout = ${Math.floor(options.statementTimeoutMs)}`);
        const result = await fn({ query: async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[] });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

/** DATABASE_URL wins; otherwise PGlite in `dataDir`. */
export function openDatabase(options: { databaseUrl?: string; dataDir?: string }): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}
