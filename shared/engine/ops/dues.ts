import { buildTimelines } from '../../dues/eligibility';
import type { DuesData } from '../../dues/data';
import { planSinglePayment, planReversal, type ReversalInput, type SinglePaymentInput } from '../../dues/payments';
import { planMonthPosting, type DuesBatch, type MonthPostingOptions, type MonthPostingPlan } from '../../dues/posting';
import { planBaseWrites, planCarryForward, type BaseWrite } from '../../dues/wage-bases';
import { isYearLockedBy } from '../../finance/year-lock';
import { uuidv7 } from '../../ids/uuid7';
import type { DuesPayment, Fen } from '../../model/records';
import { BookError } from '../errors';
import { wageBaseProblem } from '../rules/amounts';
import { duesMonthProblem, moneyDateProblem } from '../rules/dates';
import type { BookStore } from '../store';
import { bookEntry } from './entries';
import { PERIOD_TABLES, periodState } from './state';

const DUES_TABLES = ['members', 'memberships', 'wageBases', 'duesPayments', 'transactions', ...PERIOD_TABLES] as const;

async function duesData(store: BookStore, month?: string): Promise<DuesData> {
  const [members, memberships, wageBases, duesPayments] = await Promise.all([
    store.all('members'),
    store.all('memberships'),
    month ? store.where('wageBases', 'year', Number(month.slice(0, 4))) : store.all('wageBases'),
    // Posting a month needs only that month's payments: far less to read on a big book.
    month ? store.where('duesPayments', 'month', month) : store.all('duesPayments'),
  ]);
  return { members, memberships, wageBases, duesPayments };
}

async function checkDates(store: BookStore, paidDate: string, months: readonly string[]): Promise<void> {
  const state = await periodState(store);
  const date = moneyDateProblem(paidDate, state, '缴费日期');
  if (date) throw new BookError(date, 'paidDate');
  for (const month of months) {
    const problem = duesMonthProblem(month, state);
    if (problem) throw new BookError(problem, 'months');
  }
}

/** Writes a batch: its payments and the one 401 entry that carries their sum — both or neither. */
async function writeBatch(store: BookStore, batch: DuesBatch, negative = false): Promise<DuesPayment[]> {
  if (batch.payments.length === 0) return [];
  const payments = await store.insert('duesPayments', batch.payments);
  if (batch.transaction) await bookEntry(store, batch.transaction, { confirmLarge: true, negative });
  return payments;
}

/** 登记本月会费（工资代扣）. Idempotent: months already paid are skipped and counted. */
export function postDuesMonth(store: BookStore, options: Omit<MonthPostingOptions, 'batchId' | 'monthCloses'>): Promise<MonthPostingPlan> {
  return store.transaction(DUES_TABLES, async () => {
    // The date rules and the plan's reads go to the database together: one wait instead of two.
    const [, data] = await Promise.all([checkDates(store, options.paidDate, [options.month]), duesData(store, options.month)]);
    const plan = planMonthPosting(data, { ...options, batchId: uuidv7() });
    await writeBatch(store, plan);
    return plan;
  });
}

/** A member pays one or several months in cash or by transfer, against one receipt. */
export function paySingle(store: BookStore, input: Omit<SinglePaymentInput, 'batchId' | 'monthCloses'>): Promise<DuesPayment[]> {
  return store.transaction(DUES_TABLES, async () => {
    await checkDates(store, input.paidDate, input.months);
    const batch = planSinglePayment(await duesData(store), { ...input, batchId: uuidv7() });
    return writeBatch(store, batch);
  });
}

/** 红字冲销 of one member-month: a negative payment and a negative 401 entry; the original stays. */
export function reverseDuesPayment(store: BookStore, input: Omit<ReversalInput, 'batchId' | 'monthCloses'>): Promise<DuesPayment[]> {
  return store.transaction(DUES_TABLES, async () => {
    await checkDates(store, input.date, []);
    const batch = planReversal(await duesData(store), { ...input, batchId: uuidv7() });
    return writeBatch(store, batch, true);
  });
}

async function assertBaseYearOpen(store: BookStore, years: Iterable<number>): Promise<void> {
  const submissions = await store.all('submissions');
  for (const year of new Set(years)) {
    if (isYearLockedBy(submissions, year))
      throw new BookError(`${year}年度报告已报送上级工会，该年的工资基数已锁定；如需更正，请待上级工会退回后再改。`, 'baseFen');
  }
}

/** Sets bases (inserts new ones, updates changed ones), all in one transaction; each is bounded. */
export async function saveWageBases(
  store: BookStore,
  wanted: readonly { memberId: string; year: number; baseFen: Fen }[],
): Promise<number> {
  for (const w of wanted) {
    const problem = wageBaseProblem(w.baseFen);
    if (problem) throw new BookError(problem, 'baseFen');
  }
  return store.transaction(['wageBases', 'submissions'], async () => {
    await assertBaseYearOpen(
      store,
      wanted.map((w) => w.year),
    );
    return writeBases(store, planBaseWrites(await store.all('wageBases'), wanted));
  });
}

async function writeBases(store: BookStore, writes: readonly BaseWrite[]): Promise<number> {
  const inserts = writes.filter((w) => !w.existingId).map((w) => ({ memberId: w.memberId, year: w.year, baseFen: w.baseFen }));
  const updates = writes.filter((w) => w.existingId).map((w) => ({ id: w.existingId, patch: { baseFen: w.baseFen } }));
  if (inserts.length > 0) await store.insert('wageBases', inserts);
  if (updates.length > 0) await store.update('wageBases', updates);
  return writes.length;
}

/** 从上年结转: copies last year's bases to members who have none for `year`. */
export function carryForwardBases(store: BookStore, year: number): Promise<number> {
  return store.transaction(['wageBases', 'members', 'memberships', 'submissions'], async () => {
    await assertBaseYearOpen(store, [year]);
    const [members, memberships, wageBases] = await Promise.all([store.all('members'), store.all('memberships'), store.all('wageBases')]);
    return writeBases(store, planCarryForward(buildTimelines(members, memberships), wageBases, year));
  });
}
