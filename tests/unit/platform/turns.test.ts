import { afterEach, describe, expect, it } from 'vitest';
import { nextTurn, turnEvery } from '../../../renderer/src/platform/turns';

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('turns for the window during long work', () => {
  const had = Object.getOwnPropertyDescriptor(globalThis, 'document');
  const showWindow = (visibilityState: 'visible' | 'hidden') =>
    Object.defineProperty(globalThis, 'document', { value: { visibilityState }, configurable: true });
  afterEach(() => {
    if (had) Object.defineProperty(globalThis, 'document', had);
    else delete (globalThis as { document?: unknown }).document;
  });

  it('gives the window its turn only once the budget of work has passed', async () => {
    showWindow('visible');
    let turns = 0;
    const pause = turnEvery(20, async () => {
      turns++;
    });
    await pause();
    expect(turns).toBe(0);
    busy(25);
    await pause();
    expect(turns).toBe(1);
    await pause();
    expect(turns).toBe(1);
  });

  it('does not pause a hidden window, or work with no window at all', async () => {
    let turns = 0;
    const count = async () => {
      turns++;
    };
    showWindow('hidden');
    const hiddenPause = turnEvery(0, count);
    busy(2);
    await hiddenPause();
    delete (globalThis as { document?: unknown }).document;
    const headless = turnEvery(0, count);
    busy(2);
    await headless();
    expect(turns).toBe(0);
  });

  it('yields to a task queued before it, without a timer', async () => {
    const order: string[] = [];
    const queued = new Promise<void>((resolve) => {
      const { port1, port2 } = new MessageChannel();
      port1.onmessage = () => {
        order.push('queued task');
        port1.close();
        resolve();
      };
      port2.postMessage(null);
    });
    await nextTurn();
    order.push('after the turn');
    await queued;
    expect(order).toEqual(['queued task', 'after the turn']);
  });
});
