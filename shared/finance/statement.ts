import { ACCOUNTS, findAccount, topLevelCode, type AccountKind } from '../accounts/chart';
import type { Fen } from '../model/records';
import { accountTotals, netEffect, openingBalance, totalOf, type FinanceBook, type PlaceBalances } from './balances';
import { openingPayable, payableChange } from './payable';
import { heldChange, openingHeld, type HeldBalances } from './held';
import { periodLabel, periodRange, yearToDateRange, type Period } from './period';
import { grantBalances, type GrantBalance } from './special-grants';
import { openingGrants } from './grant-carry';

export interface StatementLine {
  code: string;
  name: string;
  /** 0 = top-level account (the rolled-up figure), 1 = a sub-account listed under it. */
  level: 0 | 1;
  /** Amount in the period (本期数). */
  amountFen: Fen;
  /** From 1 January to the end of the period (本年累计数); equals amountFen for a year. */
  yearToDateFen: Fen;
}

export interface StatementSection {
  kind: AccountKind;
  lines: StatementLine[];
  totalFen: Fen;
  yearToDateFen: Fen;
}

/** 收入支出表 of a period: income and spending by account, surplus, and the money at both ends. */
export interface Statement {
  period: Period;
  label: string;
  income: StatementSection;
  expense: StatementSection;
  surplusFen: Fen;
  yearToDateSurplusFen: Fen;
  /** Balance at the start of the period. */
  opening: PlaceBalances;
  /** 上年结余: balance on 1 January of the period's year. */
  yearOpening: PlaceBalances;
  closing: PlaceBalances;
  /** 应付上级经费 held in the money at the start and at the end of the period (not the union's own). */
  openingPayableFen: Fen;
  closingPayableFen: Fen;
  /** 代管经费 held in the money, and 其他应收款 advanced out of it, at the start and at the end of the period. */
  openingHeld: HeldBalances;
  closingHeld: HeldBalances;
  /** 专项补助 at the end of the period, for the statement's notes (from the entries the book holds). */
  specialGrants: GrantBalance[];
}

function section(kind: AccountKind, period: Map<string, Fen>, ytd: Map<string, Fen>): StatementSection {
  const lines: StatementLine[] = [];
  let totalFen = 0;
  let yearToDateFen = 0;
  for (const top of ACCOUNTS.filter((a) => a.kind === kind && a.parent === '')) {
    const sumFor = (m: Map<string, Fen>) => [...m].reduce((s, [code, v]) => (topLevelCode(code) === top.code ? s + v : s), 0);
    const topLine: StatementLine = { code: top.code, name: top.name, level: 0, amountFen: sumFor(period), yearToDateFen: sumFor(ytd) };
    lines.push(topLine);
    totalFen += topLine.amountFen;
    yearToDateFen += topLine.yearToDateFen;
    // Sub-accounts are listed only when used this year, so an unused chart does not bury the figures.
    for (const child of ACCOUNTS.filter((a) => a.parent === top.code)) {
      const amountFen = period.get(child.code) ?? 0;
      const childYtd = ytd.get(child.code) ?? 0;
      if (amountFen !== 0 || childYtd !== 0)
        lines.push({ code: child.code, name: child.name, level: 1, amountFen, yearToDateFen: childYtd });
    }
  }
  return { kind, lines, totalFen, yearToDateFen };
}

export function computeStatement(book: FinanceBook, period: Period): Statement {
  const range = periodRange(period);
  const ytdRange = yearToDateRange(period);
  const inPeriod = accountTotals(book.transactions, range.from, range.to);
  const ytd = accountTotals(book.transactions, ytdRange.from, ytdRange.to);
  for (const code of [...inPeriod.keys(), ...ytd.keys()]) {
    if (!findAccount(code)) throw new Error(`收支记录使用了未知的会计科目：${code}`);
  }
  const split = (kind: AccountKind, m: Map<string, Fen>) => new Map([...m].filter(([code]) => findAccount(code)?.kind === kind));
  const income = section('income', split('income', inPeriod), split('income', ytd));
  const expense = section('expense', split('expense', inPeriod), split('expense', ytd));
  const yearOpening = openingBalance(book, period.year);
  const before = netEffect(book.transactions, `${period.year}-01-01`, dayBefore(range.from));
  const opening = { cashFen: yearOpening.cashFen + before.cashFen, bankFen: yearOpening.bankFen + before.bankFen };
  const during = netEffect(book.transactions, range.from, range.to);
  const closing = { cashFen: opening.cashFen + during.cashFen, bankFen: opening.bankFen + during.bankFen };
  const openingPayableFen =
    openingPayable(book, period.year) + payableChange(book.transactions, `${period.year}-01-01`, dayBefore(range.from));
  const yearHeld = openingHeld(book, period.year);
  const heldBefore = heldChange(book.transactions, `${period.year}-01-01`, dayBefore(range.from));
  const openHeld = {
    custodyFen: yearHeld.custodyFen + heldBefore.custodyFen,
    receivableFen: yearHeld.receivableFen + heldBefore.receivableFen,
  };
  const heldDuring = heldChange(book.transactions, range.from, range.to);
  return {
    period,
    label: periodLabel(period),
    income,
    expense,
    surplusFen: income.totalFen - expense.totalFen,
    yearToDateSurplusFen: income.yearToDateFen - expense.yearToDateFen,
    opening,
    yearOpening,
    closing,
    openingPayableFen,
    closingPayableFen: openingPayableFen + payableChange(book.transactions, range.from, range.to),
    openingHeld: openHeld,
    closingHeld: {
      custodyFen: openHeld.custodyFen + heldDuring.custodyFen,
      receivableFen: openHeld.receivableFen + heldDuring.receivableFen,
    },
    // The year's 专项 (the statement may be given the open year only: see loadFinanceBook).
    specialGrants: grantBalances(book.transactions, range.to, `${period.year}-01-01`, openingGrants(book, period.year)),
  };
}

/**
 * Opening + surplus + the change in what is owed upward and held for others − the change in what is
 * advanced out = closing holds for every statement; a book where it fails has an entry outside the chart.
 */
export function statementBalances(s: Statement): boolean {
  return totalOf(s.opening) + s.surplusFen + nonFundChange(s) === totalOf(s.closing);
}

/** What moved the money without being income or spending: 应付上级经费 and 代管经费 up, 其他应收款 down. */
export function nonFundChange(s: Statement): Fen {
  return (
    s.closingPayableFen -
    s.openingPayableFen +
    s.closingHeld.custodyFen -
    s.openingHeld.custodyFen -
    (s.closingHeld.receivableFen - s.openingHeld.receivableFen)
  );
}

function dayBefore(date: string): string {
  // Only the comparison matters: 'YYYY-MM-00' sorts just before the first of the month.
  return `${date.slice(0, 8)}00`;
}
