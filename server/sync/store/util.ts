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
