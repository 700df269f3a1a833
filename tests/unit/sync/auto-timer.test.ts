import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutoSyncTimer } from '../../../renderer/src/features/sync/auto-timer';
import { AFTER_WRITE_MS, PERIOD_MS } from '../../../renderer/src/features/sync/schedule';

/** Rounds the timer starts, each settled by the test: `finish(ok)` ends the one under way. */
function rounds() {
  const started: number[] = [];
  let settle: ((ok: boolean) => void) | null = null;
  const syncNow = () =>
    new Promise<boolean>((resolve) => {
      started.push(Date.now());
      settle = resolve;
    });
  const finish = async (ok: boolean) => {
    settle!(ok);
    settle = null;
    // The timer's `.then` runs on the microtask queue.
    await vi.advanceTimersByTimeAsync(0);
  };
  return { started, syncNow, finish };
}

describe('when the app syncs on its own', () => {
  let auto: AutoSyncTimer | null = null;
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    auto?.stop();
    vi.useRealTimers();
  });

  // The middle of every spread: each wait is exactly its length.
  const random = () => 0.5;

  it('syncs soon after start, then about every minute', async () => {
    const r = rounds();
    auto = new AutoSyncTimer({ syncNow: r.syncNow, random });
    auto.start();
    await vi.advanceTimersByTimeAsync(500);
    expect(r.started).toEqual([500]);
    await r.finish(true);
    await vi.advanceTimersByTimeAsync(PERIOD_MS);
    expect(r.started).toEqual([500, 500 + PERIOD_MS]);
  });

  it('sends a write made while a round runs soon after that round, not a minute later', async () => {
    const r = rounds();
    auto = new AutoSyncTimer({ syncNow: r.syncNow, random });
    auto.start();
    await vi.advanceTimersByTimeAsync(500);
    auto.wrote();
    await vi.advanceTimersByTimeAsync(10_000);
    await r.finish(true);
    await vi.advanceTimersByTimeAsync(AFTER_WRITE_MS);
    expect(r.started).toEqual([500, 10_500 + AFTER_WRITE_MS]);
    // That round sends it; the next waits the minute.
    await r.finish(true);
    await vi.advanceTimersByTimeAsync(PERIOD_MS);
    expect(r.started).toHaveLength(3);
  });

  it('gathers a burst of writes between rounds into one round', async () => {
    const r = rounds();
    auto = new AutoSyncTimer({ syncNow: r.syncNow, random });
    auto.start();
    await vi.advanceTimersByTimeAsync(500);
    await r.finish(true);
    for (let i = 0; i < 5; i++) {
      auto.wrote();
      await vi.advanceTimersByTimeAsync(1_000);
    }
    await vi.advanceTimersByTimeAsync(AFTER_WRITE_MS);
    expect(r.started).toEqual([500, 500 + 4_000 + AFTER_WRITE_MS]);
  });

  it('waits twice as long after each failure and starts over after a success', async () => {
    const r = rounds();
    auto = new AutoSyncTimer({ syncNow: r.syncNow, random });
    auto.start(0);
    await vi.advanceTimersByTimeAsync(0);
    for (const wait of [5_000, 10_000, 20_000]) {
      const before = r.started.length;
      await r.finish(false);
      await vi.advanceTimersByTimeAsync(wait - 1);
      expect(r.started).toHaveLength(before);
      await vi.advanceTimersByTimeAsync(1);
      expect(r.started).toHaveLength(before + 1);
    }
    await r.finish(true);
    await vi.advanceTimersByTimeAsync(PERIOD_MS);
    await r.finish(false);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(r.started).toHaveLength(6);
  });

  it('does not try while the browser says it is offline, and tries within seconds of coming back', async () => {
    const r = rounds();
    let online = false;
    auto = new AutoSyncTimer({ syncNow: r.syncNow, random, isOnline: () => online });
    auto.start();
    await vi.advanceTimersByTimeAsync(500 + 3 * PERIOD_MS);
    expect(r.started).toEqual([]);
    online = true;
    auto.backOnline();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(r.started).toHaveLength(1);
  });

  it('stops: no round after the page has gone', async () => {
    const r = rounds();
    auto = new AutoSyncTimer({ syncNow: r.syncNow, random });
    auto.start();
    auto.stop();
    auto.wrote();
    await vi.advanceTimersByTimeAsync(10 * PERIOD_MS);
    expect(r.started).toEqual([]);
  });
});
