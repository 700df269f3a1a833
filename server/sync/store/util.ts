import type { Database, Queryable } from '../db';

/**
 * Runs `fn` in a transaction with PostgreSQL's JIT compilation off. The 统计年报 roll-up over a city's
 * kept sums is planned above the JIT cost threshold, and compiling its expressions took about a
 * second, longer than the rest of the statement. PGlite has no JIT, and inside a caller's transaction
 * (a Queryable without `tx`) the caller's settings stand: both run `fn` as it is.
 */
export function withoutJit<R>(db: Queryable, fn: (q: Queryable) => Promise<R>): Promise<R> {
  if (!('tx' in db) || (db as Database).kind !== 'postgres') return fn(db);
  return (db as Database).tx(async (q) => {
    await q.query('SET LOCAL jit = off');
    return fn(q);
  });
}

/** Both drivers return bigint columns as strings or numbers and timestamps as Date; the store hands out plain numbers and ISO strings. */
export function iso(value: unknown): string {
  if (value === null || value === undefined) return '';
  return new Date(value as string | Date).toISOString();
}

export function isoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : iso(value);
}

export function num(value: unknown): number {
  return Number(value);
}

/** jsonb comes back parsed from both drivers; this guards against a driver handing back text. */
export function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** A refusal the routes turn into a 4xx with this Chinese message. */
export class ClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The union's row key, for statements whose $1 is the union's id (rows are keyed by number, see migrations.ts). */
export const UNION_KEY = '(SELECT key FROM unions WHERE id = $1)';
