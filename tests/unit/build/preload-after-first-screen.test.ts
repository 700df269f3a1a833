import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type FirstScreen = typeof import('../../../renderer/src/app/first-screen');
type IdlePreload = typeof import('../../../renderer/src/app/idle-preload');

/** The frames the page would paint: each holds the callbacks asked for before it; `paint` runs them as a browser does before painting. */
let frame: (() => void)[] = [];
function paint(): void {
  const callbacks = frame;
  frame = [];
  for (const callback of callbacks) callback();
}

let firstScreen: FirstScreen;
let idlePreload: IdlePreload;

beforeEach(async () => {
  vi.useFakeTimers();
  frame = [];
  vi.stubGlobal('document', { visibilityState: 'visible' });
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frame.push(callback));
  // Idle at once when asked (the browser's own timing is not what is tested here).
  vi.stubGlobal('requestIdleCallback', (callback: () => void) => setTimeout(callback, 0));
  vi.stubGlobal('cancelIdleCallback', (handle: ReturnType<typeof setTimeout>) => clearTimeout(handle));
  // Each test starts a page anew: the first screen has not been shown yet.
  vi.resetModules();
  firstScreen = await import('../../../renderer/src/app/first-screen');
  idlePreload = await import('../../../renderer/src/app/idle-preload');
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/**
 * Code preloaded while the user is idle (the restore flow and the book reader on the first run, the
 * pages and the search on 概览) must not start before the first screen has been painted: fetched
 * and run earlier, it takes the CPU from the screen the user is waiting for (on a slow PC the browser
 * is idle between the first screen's chunks, so an idle callback alone does not wait for it).
 */
describe('preloading while idle', () => {
  it('starts nothing before the first screen is shown, however long the page is idle', async () => {
    const load = vi.fn(() => Promise.resolve());
    idlePreload.preloadWhenIdle([load]);
    await vi.advanceTimersByTimeAsync(60_000);
    paint();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(load).not.toHaveBeenCalled();
  });

  it('starts nothing between the first screen being shown and its frame being painted', async () => {
    const load = vi.fn(() => Promise.resolve());
    idlePreload.preloadWhenIdle([load]);
    firstScreen.markFirstScreenShown();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(load).not.toHaveBeenCalled();
    paint();
    // Not in the frame itself either: only in a task after it.
    expect(load).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(10);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('starts after the first screen has been painted, one loader after the other, `afterMs` later', async () => {
    const order: string[] = [];
    const loader = (name: string) => () => {
      order.push(name);
      return name === 'broken' ? Promise.reject(new Error('offline')) : Promise.resolve();
    };
    firstScreen.markFirstScreenShown();
    paint();
    await vi.advanceTimersByTimeAsync(0);
    idlePreload.preloadWhenIdle([loader('pages'), loader('broken'), loader('search')], 3_000);
    await vi.advanceTimersByTimeAsync(2_999);
    expect(order).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(order).toEqual(['pages', 'broken', 'search']);
  });

  it('starts nothing once stopped, even when the first screen is painted after', async () => {
    const load = vi.fn(() => Promise.resolve());
    const stop = idlePreload.preloadWhenIdle([load]);
    stop();
    firstScreen.markFirstScreenShown();
    paint();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(load).not.toHaveBeenCalled();
  });

  it('waits for no frame in a hidden page, which paints none', async () => {
    vi.stubGlobal('document', { visibilityState: 'hidden' });
    const load = vi.fn(() => Promise.resolve());
    idlePreload.preloadWhenIdle([load]);
    firstScreen.markFirstScreenShown();
    await vi.advanceTimersByTimeAsync(10);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
