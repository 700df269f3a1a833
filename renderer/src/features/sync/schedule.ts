/**
 * When the next automatic sync runs. Every desktop of every union follows the same rules, so
 * without a random spread they would all retry at the same instant after the upper union's
 * server comes back (or the network does): each delay is stretched or shortened by up to a half.
 */
export const PERIOD_MS = 60_000;
export const FIRST_RETRY_MS = 5_000;
export const MAX_RETRY_MS = 5 * 60_000;
export const AFTER_WRITE_MS = 3_000;
/** When the network comes back: somewhere in the next few seconds, not all at once. */
export const BACK_ONLINE_MS = 5_000;

export function spread(ms: number, random: () => number = Math.random): number {
  return Math.round(ms * (0.5 + random()));
}

/** After a failure: the next wait doubles, up to MAX_RETRY_MS. */
export function nextRetry(current: number): number {
  return Math.min(current * 2, MAX_RETRY_MS);
}

export function someTimeWithin(ms: number, random: () => number = Math.random): number {
  return Math.floor(random() * ms);
}
