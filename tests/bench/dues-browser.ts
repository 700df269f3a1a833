import { fileURLToPath } from 'node:url';
import { withAppPage } from './browser';
import type { BrowserDuesTimes } from './dues-browser-run';

/**
 * 登记本月会费 for 5,000 members in Debian's Chromium (real IndexedDB), the way the button runs it,
 * beside a raw bulkAdd of as many prebuilt payment + outbox rows; rounds alternate between the two.
 */
export async function measureDuesInChromium(
  members: number,
  rounds: number,
): Promise<BrowserDuesTimes & { medians: Record<string, number>; browser: string }> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  return withAppPage(async (page, browser) => {
    const modulePath = `/@fs${root}tests/bench/dues-browser-run.ts`;
    const times = await page.evaluate(
      async ({ modulePath, members, rounds }) => {
        const mod = (await import(/* @vite-ignore */ modulePath)) as typeof import('./dues-browser-run');
        return mod.runDuesBench(members, rounds);
      },
      { modulePath, members, rounds },
    );
    return { ...times, browser: browser.version() };
  });
}
