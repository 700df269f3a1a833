import { ARREARS_WARNING_MONTHS, duesStartMonth, memberDuesPosition } from '../dues/arrears';
import { baseIndex } from '../dues/data';
import { buildTimelines } from '../dues/eligibility';
import { owedWindow, type DuesDeadline } from '../dues/overdue';
import { DEFAULT_DUES_RULE, monthlyDues } from '../dues/rule';
import { accountTotals } from '../finance/balances';
import { booksStartMonth, booksStartRow } from '../finance/books-start';
import { live, type BookTables } from '../model/book';
import type { Fen, IsoDate, IsoMonth } from '../model/records';
import { ratio } from './members';
import type { DuesFacts } from './types';

type DuesBook = Pick<BookTables, 'members' | 'memberships' | 'wageBases' | 'duesPayments' | 'union' | 'openingBalances' | 'transactions'>;

/**
 * The year's dues as the books show them on the document date, by the same rules as the 会费 page:
 * a month is owed once it is overdue (shared/dues/overdue: December is not arrears in December),
 * only from the start of books, and only where the member's dues come to more than 0. Money received
 * is counted by the day it came in, as the 401 account counts it, so the summary and the finance
 * report agree; what was paid for other years' months is stated apart. Payments are grouped per
 * member here, only those of the owed months, rather than through buildDuesIndex: a ten-year book
 * has 600,000 rows and one year's figures need only that year's.
 */
export function duesFacts(book: DuesBook, year: number, date: IsoDate, asOf: IsoDate, deadline?: DuesDeadline): DuesFacts {
  const rule = live(book.union)[0]?.duesRule ?? DEFAULT_DUES_RULE;
  // a book with neither a start of books nor any dues record has not begun collecting: nothing is owed yet
  const start = duesStartMonth(booksStartMonth(book.openingBalances), book);
  const window = start ? owedWindow(year, date, start, deadline) : null;
  const facts: DuesFacts = {
    payingMembers: 0,
    dueFen: 0,
    paidDueFen: 0,
    collectionRate: 0,
    owedFrom: window?.from ?? '',
    owedThrough: window?.through ?? '',
    arrearsFen: 0,
    arrearsMembers: 0,
    warnedMembers: 0,
    collectedFen: 0,
    receivedFen: 0,
    beforeBooksFen: 0,
    earlierYearsFen: 0,
    laterYearsFen: 0,
    notYetDueFen: 0,
    notYetDueFrom: '',
    notYetDueThrough: '',
    ledgerFen: 0,
    unreconciledFen: 0,
  };
  if (window) {
    const paid = new Map<string, Map<IsoMonth, Fen>>();
    for (const p of book.duesPayments) {
      if (p.deleted !== 0 || p.month < window.from || p.month > window.through || p.paidDate > date) continue;
      let byMonth = paid.get(p.memberId);
      if (!byMonth) paid.set(p.memberId, (byMonth = new Map()));
      byMonth.set(p.month, (byMonth.get(p.month) ?? 0) + p.amountFen);
    }
    const bases = baseIndex(book.wageBases.filter((w) => w.year >= Number(window.from.slice(0, 4)) && w.year <= year));
    const none = new Map<IsoMonth, Fen>();
    for (const timeline of buildTimelines(book.members, book.memberships)) {
      const monthlyFor = (y: number) => {
        const base = bases.get(`${timeline.member.id}:${y}`);
        return base ? monthlyDues(base.baseFen, rule) : 0;
      };
      const p = memberDuesPosition({ timeline, paid: paid.get(timeline.member.id) ?? none, monthlyFor }, window);
      for (const o of p.owed) facts.dueFen += o.fen;
      facts.paidDueFen += p.paidOwedFen;
      if (p.unpaidFen > 0) {
        facts.arrearsFen += p.unpaidFen;
        facts.arrearsMembers++;
        if (p.consecutive >= ARREARS_WARNING_MONTHS) facts.warnedMembers++;
      }
    }
  }
  facts.collectionRate = ratio(facts.paidDueFen, facts.dueFen);

  const from = `${year}-01-01`;
  const byMember = new Map<string, number>();
  for (const p of book.duesPayments) {
    if (p.deleted !== 0 || p.paidDate < from || p.paidDate > asOf) continue;
    facts.receivedFen += p.amountFen;
    if (p.month < `${year}-01`) facts.earlierYearsFen += p.amountFen;
    else if (p.month > `${year}-12`) facts.laterYearsFen += p.amountFen;
    else if (p.month > (window?.through ?? `${year - 1}-12`)) {
      facts.notYetDueFen += p.amountFen;
      if (facts.notYetDueFrom === '' || p.month < facts.notYetDueFrom) facts.notYetDueFrom = p.month;
      if (p.month > facts.notYetDueThrough) facts.notYetDueThrough = p.month;
    }
    byMember.set(p.memberId, (byMember.get(p.memberId) ?? 0) + p.amountFen);
  }
  for (const net of byMember.values()) if (net > 0) facts.payingMembers++;
  const startRow = booksStartRow(book.openingBalances);
  facts.beforeBooksFen = startRow && startRow.year === year ? startRow.duesBeforeFen : 0;
  facts.collectedFen = facts.receivedFen + facts.beforeBooksFen;
  facts.ledgerFen = accountTotals(book.transactions, from, asOf).get('401') ?? 0;
  facts.unreconciledFen = facts.ledgerFen - facts.receivedFen;
  return facts;
}
