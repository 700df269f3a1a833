import 'fake-indexeddb/auto';
import { loadavg } from 'node:os';
import { UnionBooksDB } from '../../renderer/src/db/database';
import { openMutator } from '../../renderer/src/db/mutations';
import { loadFinanceBook } from '../../renderer/src/features/finance/load';
import { generateDemoBook, LARGE_DEMO } from '../../shared/demo/generator';
import { journalOfYear } from '../../shared/finance/journal';
import { computeStatement } from '../../shared/finance/statement';
import { measureInChromium } from './finance-browser';
import { timeMedian, type BenchResult } from './types';

/**
 * 收支 with the large demo book (20,000 entries over 10 years, the nine earlier years closed): the year
 * 收入支出表 computed from the whole book, and the 收支 page's first screen — reading the entries the
 * year depends on from IndexedDB (fake-indexeddb in Node) and building the journal with running
 * balances. The first screen is set beside a raw read of the open year's rows in the same run: with
 * 上年结余 carried by closing December, it reads that year and nothing before it.
 */
export async function run(): Promise<BenchResult[]> {
  const book = generateDemoBook({ ...LARGE_DEMO, endMonth: '2025-12' });
  const statement = await timeMedian(7, () => computeStatement(book, { year: 2025 }));
  const monthStatement = await timeMedian(7, () => computeStatement(book, { year: 2025, month: 12 }));

  const db = new UnionBooksDB('finance-bench');
  await db.open();
  const mutator = await openMutator(db);
  await mutator.replaceBook(book);
  // The first screen and the raw read of the year in turns, so a passing load weighs on both alike.
  const screenTimes: number[] = [];
  const yearTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    yearTimes.push(await timeMedian(1, () => db.transactions.where('date').between('2025-01-01', '2025-12-31', true, true).toArray()));
    screenTimes.push(
      await timeMedian(1, async () => {
        const fb = await loadFinanceBook(db, 2025);
        const closes = await db.monthCloses.toArray();
        return [journalOfYear(fb, 2025), closes];
      }),
    );
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[2] ?? 0;
  const firstScreen = median(screenTimes);
  const yearRead = median(yearTimes);
  const rawRead = await timeMedian(5, () => db.transactions.toArray());
  db.close();
  await db.delete();

  const chromium = await measureInChromium();
  const notes = `${book.transactions.length} transactions, ${book.transactions.filter((t) => t.date.startsWith('2025')).length} in 2025`;
  return [
    { name: 'finance: year statement 2025 (收入支出表)', ms: statement, runs: 7, targetMs: 300, environment: 'Node, in memory', notes },
    { name: 'finance: month statement 2025-12 with 本年累计', ms: monthStatement, runs: 7, environment: 'Node, in memory', notes },
    {
      name: 'finance: 收支 page first screen (load + journal with balances)',
      ms: firstScreen,
      runs: 5,
      targetMs: 300,
      environment: 'Node + fake-indexeddb (slower than Chromium IndexedDB)',
      notes,
      baseline: { name: 'raw read of the 2025 rows (date index)', ms: yearRead },
      figures: { 'whole table read ms': rawRead, 'ratio to year read': firstScreen / yearRead, 'load average (1 min)': loadavg()[0]! },
    },
    {
      name: 'finance: 收支 page first screen in Chromium (load + journal with balances)',
      ms: chromium.firstScreenMs,
      runs: 5,
      targetMs: 300,
      environment: 'Debian Chromium, real IndexedDB (headless)',
      notes,
      baseline: { name: 'raw read of the 2025 rows (date index)', ms: chromium.yearReadMs },
      figures: {
        'whole table read ms': chromium.rawReadMs,
        'ratio to year read': chromium.firstScreenMs / chromium.yearReadMs,
        'load average (1 min)': loadavg()[0]!,
      },
    },
    {
      name: 'finance: year statement 2025 in Chromium (read from IndexedDB + compute)',
      ms: chromium.statementMs,
      runs: 5,
      targetMs: 300,
      environment: 'Debian Chromium, real IndexedDB (headless)',
      notes,
      baseline: { name: 'raw read of the 2025 rows (date index)', ms: chromium.yearReadMs },
      figures: { 'ratio to year read': chromium.statementMs / chromium.yearReadMs },
    },
  ];
}
