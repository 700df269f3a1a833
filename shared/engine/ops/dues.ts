import { buildTimelines, memberTimeline, type DuesEvent, type DuesMember, type MemberTimeline } from '../../dues/eligibility';
import { duesLookups, type DuesData } from '../../dues/data';
import { rowBase, type DuesMemberRow } from '../../dues/dues-members';
import { planSinglePayment, planReversal, type ReversalInput, type SinglePaymentInput } from '../../dues/payments';
import { startMonthPosting, type DuesBatch, type MonthPostingOptions, type MonthPostingPlan } from '../../dues/posting';
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

/** Members read, planned and written per step of a posting: the roster is never read whole before the first write. */
export const POSTING_PAGE = 1000;

/**
 * 登记本月会费（工资代扣）. Idempotent: months already paid are skipped and counted. The members'
 * dues rows (each with its events and bases) are read a page at a time: while one page's payments
 * are written, the next page is read and planned, so the reads and the planning hide behind the writes. All in one transaction: a
 * failure at any page, or at the 401 entry, leaves nothing written.
 */
export function postDuesMonth(store: BookStore, options: Omit<MonthPostingOptions, 'batchId' | 'monthCloses'>): Promise<MonthPostingPlan> {
  return store.transaction(DUES_TABLES, async () => {
    const post = () => postPages(store, options);
    // The derived rows (the month's $duesMonths row, the counts) once per posting, not once per chunk of payments.
    return store.derivingOnce ? await store.derivingOnce(post) : await post();
  });
}

/**
 * What 登记本月会费 would post, by the posting's own reading and planning, writing nothing: the
 * dialog's preview, so it says what the posting then does (and refuses what it would refuse) from the
 * members' dues rows and the month's payments, not from the union's years of payments.
 */
export function previewDuesMonth(
  store: BookStore,
  options: Omit<MonthPostingOptions, 'batchId' | 'monthCloses'>,
): Promise<MonthPostingPlan> {
  return postPages(store, options, false);
}

/**
 * The posting itself, inside its transaction: pages of members' dues rows read, planned and written
 * in turn, then the 401 entry. With `write` false, only read and planned (the preview).
 */
async function postPages(
  store: BookStore,
  options: Omit<MonthPostingOptions, 'batchId' | 'monthCloses'>,
  write = true,
): Promise<MonthPostingPlan> {
  const { month } = options;
  const year = Number(month.slice(0, 4));
  // The first page is asked for with the rest, so every read before the first write goes to the database at once.
  let next: Promise<DuesMemberRow[]> | null = settledLater(store.duesMemberRows('', POSTING_PAGE));
  // Only the month's payments: far less to read on a big book. Each page's rows bring their members' events and bases.
  const [, duesPayments] = await Promise.all([checkDates(store, options.paidDate, [month]), store.where('duesPayments', 'month', month)]);
  const lookups = duesLookups({ wageBases: [], duesPayments });
  const posting = startMonthPosting(lookups, { ...options, batchId: uuidv7() });
  let writing: Promise<unknown> | null = null;
  while (next) {
    const rows: DuesMemberRow[] = await next;
    const last = rows[rows.length - 1];
    // The next page is asked for before this one's payments, so the database reads it while they are planned.
    next = rows.length === POSTING_PAGE && last ? settledLater(store.duesMemberRows(last.id, POSTING_PAGE)) : null;
    // Each member is on one page only: the page's bases for the year join the lookups before it is planned.
    for (const row of rows) {
      const base = rowBase(row, year);
      if (base) lookups.bases.set(`${row.id}:${year}`, base);
    }
    const payments = posting.plan(timelinesOf(rows));
    if (!write || payments.length === 0) continue;
    if (writing) await writing;
    writing = settledLater(store.insert('duesPayments', payments));
  }
  if (writing) await writing;
  const plan = posting.finish();
  if (write && plan.transaction) await bookEntry(store, plan.transaction, { confirmLarge: true });
  return plan;
}

/** A promise awaited later than it may fail: its failure is thrown where it is awaited, never reported as unhandled before. */
function settledLater<T>(work: Promise<T>): Promise<T> {
  work.catch(() => undefined);
  return work;
}

function* timelinesOf(rows: readonly DuesMemberRow[]): Iterable<MemberTimeline<DuesMember, DuesEvent>> {
  for (const row of rows) if (row.member) yield memberTimeline(row.member, row.events);
}

/**
 * What a single payment is planned from: the member, the member's events, bases and payments, and
 * every payment that carries the same receipt number (a receipt is used once). Nothing else of the
 * book bears on it: a large union's years of payments are not read to take one member's cash.
 */
async function payerData(store: BookStore, memberId: string, receiptNumber: string): Promise<DuesData> {
  const [member, memberships, wageBases, own, sameReceipt] = await Promise.all([
    store.get('members', memberId),
    store.where('memberships', 'memberId', memberId),
    store.where('wageBases', 'memberId', memberId),
    store.where('duesPayments', 'memberId', memberId),
    receiptNumber ? store.where('duesPayments', 'receiptNumber', receiptNumber) : Promise.resolve([]),
  ]);
  const payments = new Map([...own, ...sameReceipt].map((p) => [p.id, p]));
  return { members: member ? [member] : [], memberships, wageBases, duesPayments: [...payments.values()] };
}

/** What a reversal is planned from: the payment, the reversals already made of it, and its member's name. */
async function reversalData(store: BookStore, paymentId: string): Promise<DuesData> {
  const original = await store.get('duesPayments', paymentId);
  if (!original) return { members: [], memberships: [], wageBases: [], duesPayments: [] };
  const [member, reversals] = await Promise.all([
    store.get('members', original.memberId),
    store.where('duesPayments', 'reversalOf', original.id),
  ]);
  return { members: member ? [member] : [], memberships: [], wageBases: [], duesPayments: [original, ...reversals] };
}

/** A member pays one or several months in cash or by transfer, against one receipt. */
export function paySingle(store: BookStore, input: Omit<SinglePaymentInput, 'batchId' | 'monthCloses'>): Promise<DuesPayment[]> {
  return store.transaction(DUES_TABLES, async () => {
    await checkDates(store, input.paidDate, input.months);
    const batch = planSinglePayment(await payerData(store, input.memberId, input.receiptNumber.trim()), { ...input, batchId: uuidv7() });
    return writeBatch(store, batch);
  });
}

/** 红字冲销 of one member-month: a negative payment and a negative 401 entry; the original stays. */
export function reverseDuesPayment(store: BookStore, input: Omit<ReversalInput, 'batchId' | 'monthCloses'>): Promise<DuesPayment[]> {
  return store.transaction(DUES_TABLES, async () => {
    await checkDates(store, input.date, []);
    const batch = planReversal(await reversalData(store, input.paymentId), { ...input, batchId: uuidv7() });
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
