import { afterEach, describe, expect, it, vi } from 'vitest';
import { FEED_INTERVAL_MS, ProgressFeed, type ProgressView } from '../../../renderer/src/features/backup/progress-feed';

afterEach(() => {
  vi.useRealTimers();
});

/** A feed whose card is a list of what it was told. */
function watched(): { feed: ProgressFeed; seen: ProgressView[] } {
  const feed = new ProgressFeed();
  const seen: ProgressView[] = [];
  feed.subscribe((view) => seen.push(view));
  seen.length = 0;
  return { feed, seen };
}

describe('the progress of a backup or restore', () => {
  it('tells the card once for a burst of reports, with the latest figures', () => {
    vi.useFakeTimers();
    const { feed, seen } = watched();
    for (let done = 250; done <= 25_000; done += 250) feed.report({ step: 'members', done, total: 25_000 });
    feed.report({ step: 'memberships', done: 0, total: 7 });
    // Nothing re-renders in the task that reports: the card hears of it in a task of its own.
    expect(seen).toEqual([]);
    vi.runAllTimers();
    expect(seen).toEqual([
      {
        current: 'memberships',
        steps: { members: { done: 25_000, total: 25_000 }, memberships: { done: 0, total: 7 } },
      },
    ]);
  });

  it('tells the card at most once per interval however often the work reports', () => {
    vi.useFakeTimers();
    const { feed, seen } = watched();
    // A report every 2 ms for 2 seconds: 1,000 reports.
    for (let i = 1; i <= 1000; i++) {
      feed.report({ step: 'transactions', done: i, total: 1000 });
      vi.advanceTimersByTime(2);
    }
    vi.runAllTimers();
    expect(seen.length).toBeLessThanOrEqual(2000 / FEED_INTERVAL_MS + 1);
    expect(seen.length).toBeGreaterThanOrEqual(2000 / FEED_INTERVAL_MS - 1);
    expect(seen.at(-1)?.steps.transactions).toEqual({ done: 1000, total: 1000 });
  });

  it('a new run starts from nothing, and the card hears of it at once', () => {
    vi.useFakeTimers();
    const { feed, seen } = watched();
    feed.report({ step: 'members', done: 5, total: 10 });
    vi.runAllTimers();
    feed.reset();
    expect(seen.at(-1)).toEqual({ steps: {}, current: null });
  });
});
