import { generateDemoBook, LARGE_DEMO } from '../../shared/demo/generator';
import { buildDuesIndex } from '../../shared/dues/data';
import { handoverFacts } from '../../shared/handover/handover-facts';
import { timeMedian, type BenchResult } from './types';

/**
 * 交接's checks and list counted from the large demo book (the office worker's work when 换届交接
 * opens), beside the one pass it cannot avoid: the dues index its arrears are read from.
 */
export async function run(): Promise<BenchResult[]> {
  const book = generateDemoBook({ ...LARGE_DEMO, endMonth: '2025-12' });
  const date = '2025-12-20';
  const dues = { members: book.members, memberships: book.memberships, wageBases: book.wageBases, duesPayments: book.duesPayments };
  const runs = 5;
  const ms = await timeMedian(runs, () => handoverFacts(book, date));
  const index = await timeMedian(runs, () => buildDuesIndex(dues));
  return [
    {
      name: 'handover facts of the large book',
      ms,
      runs,
      baseline: { name: 'the dues index alone', ms: index },
      environment: `Node; demo book of ${book.members.length} members, ${book.duesPayments.length} dues payments, ${book.transactions.length} entries`,
    },
  ];
}
