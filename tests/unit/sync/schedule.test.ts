import { describe, expect, it } from 'vitest';
import { FIRST_RETRY_MS, MAX_RETRY_MS, nextRetry, someTimeWithin, spread } from '../../../renderer/src/features/sync/schedule';

describe('when the next automatic sync runs', () => {
  it('spreads a wait between half and one and a half times its length', () => {
    expect(spread(60_000, () => 0)).toBe(30_000);
    expect(spread(60_000, () => 0.5)).toBe(60_000);
    expect(spread(60_000, () => 0.999999)).toBe(90_000);
    expect(someTimeWithin(5_000, () => 0)).toBe(0);
    expect(someTimeWithin(5_000, () => 0.999)).toBe(4_995);
  });

  it('doubles the wait after each failure up to five minutes', () => {
    const waits = [FIRST_RETRY_MS];
    for (let i = 0; i < 8; i++) waits.push(nextRetry(waits[waits.length - 1]!));
    expect(waits).toEqual([5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]);
    expect(Math.max(...waits)).toBe(MAX_RETRY_MS);
  });

  it('gives 500 devices retrying together different moments', () => {
    const moments = new Set(Array.from({ length: 500 }, () => spread(FIRST_RETRY_MS)));
    // Rounded to the millisecond over a 5-second window, nearly all differ; together they would be one.
    expect(moments.size).toBeGreaterThan(400);
  });
});
