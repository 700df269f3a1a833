import { generateDemoBook, LARGE_DEMO } from '../../shared/demo/generator';
import { computeAnnualFacts } from '../../shared/facts/annual';
import { timeMedian, type BenchResult } from './types';

/**
 * 文档's figures of a year from the large demo book: what the page counted itself at every change of
 * 成文日期 and every save before the office worker did it, beside what the page pays now — taking
 * the answer over from the worker (a structured clone of the facts).
 */
export async function run(): Promise<BenchResult[]> {
  const book = generateDemoBook({ ...LARGE_DEMO, endMonth: '2025-12' });
  const runs = 5;
  const count = () => computeAnnualFacts(book, 2025, { date: '2025-06-30' });
  const facts = count();
  const ms = await timeMedian(runs, count);
  const answer = await timeMedian(runs, () => structuredClone(facts));
  return [
    {
      name: '文档 facts of a year of the large book',
      ms,
      runs,
      baseline: { name: 'the answer taken over from the worker', ms: answer },
      environment: `Node; demo book of ${book.members.length} members, ${book.duesPayments.length} dues payments, ${book.transactions.length} entries`,
    },
  ];
}
