import { bankCheckOf } from '../finance/close-checklist';
import { balancesAt } from '../finance/balances';
import { booksStartMonth } from '../finance/books-start';
import { heldOn } from '../finance/fixed-assets';
import { heldAt, openAdvances } from '../finance/held';
import { arrearsToday } from '../dues/arrears-today';
import { buildDuesIndex } from '../dues/data';
import { addMonths, monthsBetween } from '../dues/months';
import { DEFAULT_DUES_RULE } from '../dues/rule';
import { negativeCashTodo, unclosedTodo } from '../desk/todos';
import { isMemberOn } from '../facts/membership';
import { indexMembers } from '../facts/members';
import { formatYuan } from '../money/fen';
import type { BookTables } from '../model/book';
import type { Fen, IsoDate } from '../model/records';

/** One check before the books change hands; `ok` false means the new chair would inherit an open question. */
export interface HandoverCheck {
  key: 'months' | 'bank' | 'cash' | 'arrears' | 'assets' | 'advances';
  label: string;
  ok: boolean;
  detail: string;
}

export interface VoucherRange {
  year: number;
  first: string;
  last: string;
  count: number;
}

/** What a 交接清单 states, counted from the book on the handover day. */
export interface HandoverFacts {
  unionName: string;
  date: IsoDate;
  cashFen: Fen;
  bankFen: Fen;
  vouchers: VoucherRange[];
  members: number;
  arrears: { name: string; department: string; months: number; fen: Fen }[];
  arrearsFen: Fen;
  assets: { name: string; acquiredDate: IsoDate; valueFen: Fen; location: string; keeper: string }[];
  assetsFen: Fen;
  /** Advances (借出/预付, 135 其他应收款) not yet settled on the day: the new treasurer collects the receipts. */
  advances: { voucherNumber: string; date: IsoDate; summary: string; openFen: Fen }[];
  advancesFen: Fen;
  /** 代管经费 held for others on the day (part of the money handed over, not the union's own). */
  custodyFen: Fen;
  attachments: number;
  checks: HandoverCheck[];
}

/**
 * The facts of a handover on `date`, with the checks 概览 and 结账 already make (unclosed months,
 * negative cash, bank reconciliation) so the outgoing chair sees the same questions in both places.
 * Arrears and fixed assets are never blockers: they are listed, so the new chair takes them over
 * knowingly.
 */
export function handoverFacts(book: BookTables, date: IsoDate): HandoverFacts {
  const live = <T extends { deleted: 0 | 1 }>(rows: readonly T[]) => rows.filter((r) => r.deleted === 0);
  const union = live(book.union)[0];
  const finance = { transactions: book.transactions, openingBalances: book.openingBalances };
  const booksStart = booksStartMonth(book.openingBalances);
  const { cashFen, bankFen } = balancesAt(finance, date);

  const byYear = new Map<number, string[]>();
  for (const t of live(book.transactions)) {
    if (!t.voucherNumber || t.date > date) continue;
    const year = Number(t.date.slice(0, 4));
    const numbers = byYear.get(year);
    if (numbers) numbers.push(t.voucherNumber);
    else byYear.set(year, [t.voucherNumber]);
  }
  const vouchers = [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, numbers]) => {
      const sorted = [...new Set(numbers)].sort();
      return { year, first: sorted[0] ?? '', last: sorted[sorted.length - 1] ?? '', count: sorted.length };
    });

  const dues = { members: book.members, memberships: book.memberships, wageBases: book.wageBases, duesPayments: book.duesPayments };
  const owed = arrearsToday({ data: dues, index: buildDuesIndex(dues) }, { rule: union?.duesRule ?? DEFAULT_DUES_RULE, booksStart }, date);
  const arrears = owed.rows
    .filter((r) => r.unpaidFen > 0)
    .map((r) => ({ name: r.name, department: r.department, months: r.unpaidMonths.length, fen: r.unpaidFen }));
  const arrearsFen = arrears.reduce((s, r) => s + r.fen, 0);

  const assets = live(book.fixedAssets)
    .filter((a) => heldOn(a, date))
    .sort((a, b) => a.acquiredDate.localeCompare(b.acquiredDate))
    .map((a) => ({ name: a.name, acquiredDate: a.acquiredDate, valueFen: a.valueFen, location: a.location, keeper: a.keeper }));
  const assetsFen = assets.reduce((s, a) => s + a.valueFen, 0);

  const advances = openAdvances(live(book.transactions), date).map((a) => ({
    voucherNumber: a.advance.voucherNumber,
    date: a.advance.date,
    summary: a.advance.summary,
    openFen: a.openFen,
  }));
  const advancesFen = advances.reduce((s, a) => s + a.openFen, 0);

  const unclosed = unclosedTodo({ today: date, booksStart, finance, monthCloses: book.monthCloses });
  const negative = negativeCashTodo(finance);
  const lastEnded = addMonths(date.slice(0, 7), -1);
  const firstMonth =
    booksStart ?? live(book.transactions).reduce<string | null>((m, t) => (m && m < t.date ? m : t.date.slice(0, 7)), null);
  const bank = firstMonth && firstMonth <= lastEnded ? bankCheckOf(book, monthsBetween(firstMonth, lastEnded)) : null;

  const checks: HandoverCheck[] = [
    { key: 'months', label: '已结束的月份都已结账', ok: !unclosed, detail: unclosed ? unclosed.reason : '各月均已结账' },
    {
      key: 'bank',
      label: '银行存款已对账（或已说明原因）',
      ok: bank ? bank.reconciled : true,
      detail: bank ? bank.detail : '还没有已结束的月份',
    },
    { key: 'cash', label: '库存现金没有负数', ok: !negative, detail: negative ? negative.reason : '库存现金每天都不为负' },
    {
      key: 'arrears',
      label: '欠缴会费已列出',
      ok: true,
      detail: arrears.length > 0 ? `${arrears.length} 名会员欠缴 ${formatYuan(arrearsFen)} 元，逐人列入交接清单` : '没有欠缴会费',
    },
    {
      key: 'assets',
      label: '固定资产已列出',
      ok: true,
      detail: assets.length > 0 ? `${assets.length} 项，原值 ${formatYuan(assetsFen)} 元，逐项列入交接清单` : '没有在用的固定资产',
    },
    {
      key: 'advances',
      label: '未结借款已列出',
      ok: true,
      detail:
        advances.length > 0
          ? `${advances.length} 笔借款尚未报销结清，共 ${formatYuan(advancesFen)} 元，逐笔列入交接清单`
          : '没有未结的借款',
    },
  ];

  // Each member's standing from events grouped once: filtered per member, a large book's count took seconds.
  const { standings } = indexMembers(book);

  return {
    unionName: union?.name ?? '',
    date,
    cashFen,
    bankFen,
    vouchers,
    members: [...standings.values()].filter((standing) => isMemberOn(standing, date)).length,
    arrears,
    arrearsFen,
    assets,
    assetsFen,
    advances,
    advancesFen,
    custodyFen: heldAt(finance, date).custodyFen,
    attachments: live(book.attachments).length,
    checks,
  };
}
