import { packDuesYearView, unpackDuesYearView } from '../../shared/dues/grid-wire';
import { generateDemoBook, LARGE_DEMO } from '../../shared/demo/generator';
import { checkDuesAgreement } from '../../shared/dues/agreement';
import { arrearsToday } from '../../shared/dues/arrears-today';
import { buildDuesIndex, type DuesData } from '../../shared/dues/data';
import { isReversed } from '../../shared/dues/payments';
import { packPaymentLines, paymentLines, unpackPaymentLines } from '../../shared/dues/payment-list';
import type { DuesPayment } from '../../shared/model/records';
import { buildYearGrid } from '../../shared/dues/grid';
import { dueThrough } from '../../shared/dues/overdue';
import { DEFAULT_DUES_RULE } from '../../shared/dues/rule';
import { duesYearView } from '../../shared/dues/year-view';
import { timeMedian, type BenchResult } from './types';

/**
 * What the 会费 page computed on the window from the large demo book after each read (opening the
 * page, and again after every posting or payment): the dues index of the year shown and the one
 * before it, the year's grid, today's arrears, and the dues ↔ books agreement over every payment.
 * Each beside the index alone, the pass the others build on. The office worker now counts all of it
 * (duesYearView), the agreement over the payments paid in the year only; the last figure is what the
 * window pays instead: taking the answer over (a structured clone of the view, its grid packed into
 * typed arrays, then the cells made), beside the clone of the view as one object per cell.
 */
export async function run(): Promise<BenchResult[]> {
  const book = generateDemoBook({ ...LARGE_DEMO, endMonth: '2025-12' });
  const year = 2025;
  const today = '2025-12-20';
  const data = {
    members: book.members,
    memberships: book.memberships,
    wageBases: book.wageBases,
    duesPayments: book.duesPayments.filter((p) => p.month >= `${year - 1}-01`),
  };
  const rule = book.union[0]?.duesRule ?? DEFAULT_DUES_RULE;
  const runs = 5;
  const index = await timeMedian(runs, () => buildDuesIndex(data));
  const built = buildDuesIndex(data);
  const grid = await timeMedian(runs, () => buildYearGrid(built, year, rule, dueThrough(year, today), null));
  const arrears = await timeMedian(runs, () => arrearsToday({ data, index: built }, { rule, booksStart: null }, today));
  const entries = book.transactions.filter((t) => t.date.startsWith(`${year}-`) && t.accountCode === '401');
  const agreement = await timeMedian(runs, () => checkDuesAgreement(book.duesPayments, entries, year));
  const paidInYear = book.duesPayments.filter((p) => p.paidDate.startsWith(`${year}-`));
  const input = { data, context: { rule, booksStart: null }, paidInYear, entries401: entries, paymentMonths: [] };
  const view = duesYearView(input, year, today);
  const counted = await timeMedian(runs, () => duesYearView(input, year, today));
  const objects = await timeMedian(runs, () => structuredClone(view));
  const packed = packDuesYearView(view);
  const answer = await timeMedian(runs, () => unpackDuesYearView(structuredClone(packed)));
  // 缴费记录: what the window did (the year's payments into the dues index, a line per payment with a
  // reversal look-up, sorted by a collator made per comparison) beside the list built in the worker
  // and what the window now pays to take it over.
  const ofYear = book.duesPayments.filter((p) => p.month.startsWith(`${year}-`));
  const listedOnWindow = await timeMedian(runs, () => windowPaymentRows({ ...data, duesPayments: ofYear }, year));
  const listed = await timeMedian(runs, () => paymentLines(book.members, ofYear, year));
  const packedLines = packPaymentLines(paymentLines(book.members, ofYear, year));
  const linesTaken = await timeMedian(runs, () => unpackPaymentLines(structuredClone(packedLines)));
  const environment = `Node; demo book of ${book.members.length} members, ${data.duesPayments.length} of its ${book.duesPayments.length} dues payments from ${year - 1} on`;
  const baseline = { name: 'the dues index alone', ms: index };
  return [
    { name: '会费 page: the year grid of the large book', ms: grid, runs, baseline, environment },
    { name: '会费 page: today’s arrears of the large book', ms: arrears, runs, baseline, environment },
    { name: '会费 page: dues ↔ books agreement over every payment', ms: agreement, runs, baseline, environment },
    {
      name: '会费 page: the year counted in the office worker (index, grid, arrears, agreement over the year’s payments)',
      ms: counted,
      runs,
      baseline: { name: 'the answer taken over by the window', ms: answer },
      environment,
    },
    {
      name: `缴费记录 of the large book (${ofYear.length} payments of ${year}): listed in the office worker`,
      ms: listed,
      runs,
      baseline: { name: 'the same list as the window built it (dues index, lines, sort)', ms: listedOnWindow },
      environment,
    },
    {
      name: `缴费记录 of the large book: the list taken over by the window (packed lines copied, lines made)`,
      ms: linesTaken,
      runs,
      baseline: { name: 'the same list as the window built it (dues index, lines, sort)', ms: listedOnWindow },
      environment,
    },
    {
      name: '会费 page: the year’s answer taken over by the window (packed grid copied, cells made)',
      ms: answer,
      runs,
      baseline: { name: 'the same answer copied as an object per cell', ms: objects },
      environment,
    },
  ];
}

/** 缴费记录 as the page built it on the window before the list moved to the office worker. */
function windowPaymentRows(data: DuesData, year: number) {
  const index = buildDuesIndex(data);
  const out: { payment: DuesPayment; name: string; department: string; reversed: boolean }[] = [];
  for (const [memberId, list] of index.paymentsOf) {
    const member = index.timelineOf.get(memberId)?.member;
    for (const payment of list) {
      if (!payment.month.startsWith(`${year}-`)) continue;
      out.push({ payment, name: member?.name ?? '', department: member?.department ?? '', reversed: isReversed(index, payment) });
    }
  }
  return out.sort(
    (a, b) =>
      b.payment.paidDate.localeCompare(a.payment.paidDate) ||
      b.payment.month.localeCompare(a.payment.month) ||
      a.name.localeCompare(b.name, 'zh-Hans-CN'),
  );
}
