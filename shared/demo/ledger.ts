import { findAccount, topLevelCode, TRANSFER_ACCOUNT } from '../accounts/chart';
import { closingGrants } from '../finance/grant-carry';
import type { BookBuilder } from '../book/builder';
import { addMonths, lastDayOfMonth } from '../dues/months';
import { balancesAt } from '../finance/balances';
import { entryEffect } from '../finance/effect';
import { payableAt } from '../finance/payable';
import type { BookTables } from '../model/book';
import type { IsoDate } from '../model/records';
import type { Money } from './money';
import type { SeededRandom } from './random';

/**
 * The year's budget as the 会员大会 approved it: close to what the year turned out to be, a little
 * above it on most lines, and one line (503 职工服务支出) a few percent over, as happens.
 */
export function balanceBudgets(builder: BookBuilder, rnd: SeededRandom, startYear: number, endYear: number): void {
  for (let year = startYear; year <= endYear; year++) {
    const totals = new Map<string, number>();
    for (const t of builder.book.transactions) {
      if (!t.date.startsWith(`${year}-`) || findAccount(t.accountCode)?.kind === 'asset') continue;
      const top = topLevelCode(t.accountCode);
      totals.set(top, (totals.get(top) ?? 0) + t.amountFen);
    }
    for (const [code, actual] of [...totals].sort((a, b) => a[0].localeCompare(b[0]))) {
      if (code === '408') continue;
      const factor = code === '503' ? 0.97 : code.startsWith('4') ? 1 + rnd.int(0, 2) / 100 : 1 + rnd.int(2, 9) / 100;
      builder.insert('budgets', { year, accountCode: code, amountFen: Math.round((actual * factor) / 10_000) * 10_000 });
    }
  }
}

/** Cash never falls below this at the end of a day. */
const CASH_FLOOR_FEN = 50_000;

/**
 * 提取备用金: on the first day each month that cash is paid out, the treasurer draws from the bank
 * what the month will pay in cash (in whole hundreds of yuan), so 库存现金 never goes negative.
 * The transfer is an entry on 101 from the bank: neither income nor spending.
 */
export function withdrawPettyCash(money: Money, book: BookTables, openingCashFen: number): void {
  const byMonth = new Map<string, { first: IsoDate; out: number; net: number }>();
  for (const t of book.transactions) {
    if (t.deleted !== 0) continue;
    const cash = entryEffect(t).cashFen;
    if (cash === 0) continue;
    const month = t.date.slice(0, 7);
    const m = byMonth.get(month) ?? { first: '', out: 0, net: 0 };
    if (cash < 0) {
      m.out -= cash;
      if (m.first === '' || t.date < m.first) m.first = t.date;
    }
    m.net += cash;
    byMonth.set(month, m);
  }
  let cash = openingCashFen;
  for (const month of [...byMonth.keys()].sort()) {
    const m = byMonth.get(month)!;
    if (m.first !== '' && cash - m.out < CASH_FLOOR_FEN) {
      const draw = Math.ceil((m.out + CASH_FLOOR_FEN - cash) / 10_000) * 10_000;
      money.entry(m.first, 'bank', TRANSFER_ACCOUNT.cash, draw, '提取备用金');
      cash += draw;
    }
    cash += m.net;
  }
}

/**
 * The years before today's are closed month by month (结账), as a treasurer closes a year at its end;
 * the current year's months are left open, to be closed in the app. A closed December carries the
 * year's closing balances into the next year's opening row, as the engine's close does, so the open
 * year's figures are read from that year alone.
 */
export function closeEndedMonths(builder: BookBuilder, startYear: number, today: IsoDate): void {
  for (let month = `${startYear}-01`; month < `${today.slice(0, 4)}-01` && lastDayOfMonth(month) < today; month = addMonths(month, 1)) {
    const next = addMonths(month, 1);
    const day = `${next}-01` < today ? `${next}-01` : today;
    builder.insert('monthCloses', { month, closed: true, reopenReason: '', closedAt: `${day}T01:00:00.000Z` });
    if (month.endsWith('-12')) carryYear(builder, Number(month.slice(0, 4)));
  }
}

function carryYear(builder: BookBuilder, year: number): void {
  const yearEnd = `${year}-12-31`;
  const money = balancesAt(builder.book, yearEnd);
  builder.insert('openingBalances', {
    year: year + 1,
    month: `${year + 1}-01`,
    booksStart: false,
    duesBeforeFen: 0,
    carried: true,
    cashFen: money.cashFen,
    bankFen: money.bankFen,
    payableFen: payableAt(builder.book, yearEnd),
    grants: closingGrants(builder.book, year),
  });
}

/** 记-001, 记-002 … per year in date order, as a treasurer numbers vouchers. */
export function numberVouchers(book: BookTables): void {
  const sorted = [...book.transactions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const counters = new Map<string, number>();
  for (const t of sorted) {
    const year = t.date.slice(0, 4);
    const n = (counters.get(year) ?? 0) + 1;
    counters.set(year, n);
    t.voucherNumber = `记-${String(n).padStart(3, '0')}`;
  }
}
