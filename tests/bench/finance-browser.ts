import { withAppPage } from './browser';

export interface BrowserFinanceTimes {
  firstScreenMs: number;
  statementMs: number;
  rawReadMs: number;
  yearReadMs: number;
  transactions: number;
}

/**
 * Times the 收支 page's reads in Debian's Chromium (real IndexedDB): a Vite server serves the
 * same modules the app runs, the page generates the large demo book, stores it, then times the
 * first-screen read + journal, the year statement and the raw reads in turns, median of 5.
 */
export async function measureInChromium(): Promise<BrowserFinanceTimes> {
  return withAppPage(async (page) => {
    const root = process.cwd();
    // A string, not a function: the bench runs under tsx, whose helpers would not exist in the page.
    const script = `(async () => {
      const imp = (p) => import(p);
      const { generateDemoBook, LARGE_DEMO } = await imp(\`/@fs${root}/shared/demo/generator.ts\`);
      const { computeStatement } = await imp(\`/@fs${root}/shared/finance/statement.ts\`);
      const { journalOfYear } = await imp(\`/@fs${root}/shared/finance/journal.ts\`);
      const { UnionBooksDB } = await imp('/src/db/database.ts');
      const { openMutator } = await imp('/src/db/mutations.ts');
      const { loadFinanceBook } = await imp('/src/features/finance/load.ts');
      const book = generateDemoBook({ ...LARGE_DEMO, endMonth: '2025-12' });
      const db = new UnionBooksDB('finance-bench');
      await db.open();
      await (await openMutator(db)).replaceBook(book);
      // Taken in turns, five rounds, so a passing load weighs on each figure alike; medians.
      const fns = {
        yearRead: () => db.transactions.where('date').between('2025-01-01', '2025-12-31', true, true).toArray(),
        firstScreen: async () => {
          const fb = await loadFinanceBook(db, 2025);
          await db.monthCloses.toArray();
          return journalOfYear(fb, 2025);
        },
        statement: async () => computeStatement(await loadFinanceBook(db, 2025), { year: 2025 }),
        rawRead: () => db.transactions.toArray(),
      };
      const times = { yearRead: [], firstScreen: [], statement: [], rawRead: [] };
      for (let i = 0; i < 5; i++)
        for (const [name, fn] of Object.entries(fns)) {
          const t0 = performance.now();
          await fn();
          times[name].push(performance.now() - t0);
        }
      const median = (list) => list.sort((a, b) => a - b)[2] ?? 0;
      const firstScreenMs = median(times.firstScreen);
      const statementMs = median(times.statement);
      const rawReadMs = median(times.rawRead);
      const yearReadMs = median(times.yearRead);
      db.close();
      await db.delete();
      return { firstScreenMs, statementMs, rawReadMs, yearReadMs, transactions: book.transactions.length };
    })()`;
    return (await page.evaluate(script)) as BrowserFinanceTimes;
  });
}
