/** A statement that took longer than its time limit; the routes answer 503 (try again later). */
export class TimeoutError extends Error {
  readonly code = 'UB_TIMEOUT';

  constructor(ms: number) {
    super(`数据库在 ${ms / 1000} 秒内没有回答`);
  }
}

/** SQLSTATE 57014: PostgreSQL cancelled the statement at its statement_timeout. */
export const QUERY_CANCELED = '57014';

export function isTimeout(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof TimeoutError || code === QUERY_CANCELED;
}
