import type { DuesData } from '../../../../shared/dues/data';
import { planSinglePayment, planReversal, type SinglePaymentInput, type ReversalInput } from '../../../../shared/dues/payments';
import { planMonthPosting, type DuesBatch, type MonthPostingOptions, type MonthPostingPlan } from '../../../../shared/dues/posting';
import { planCarryForward, type BaseWrite } from '../../../../shared/dues/wage-bases';
import { buildTimelines } from '../../../../shared/dues/eligibility';
import type { DuesPayment } from '../../../../shared/model/records';
import { uuidv7 } from '../../../../shared/ids/uuid7';
import type { UnionBooksDB } from '../../db/database';
import type { Mutator } from '../../db/mutations';
import { postTransaction } from '../finance/mutations';

const DUES_TABLES = ['members', 'memberships', 'wageBases', 'duesPayments', 'transactions', 'monthCloses'] as const;

/** Reads what a plan needs inside the write transaction, so two clicks cannot both post the same month. */
async function loadDuesData(db: UnionBooksDB): Promise<DuesData> {
  const [members, memberships, wageBases, duesPayments] = await Promise.all([
    db.members.toArray(),
    db.memberships.toArray(),
    db.wageBases.toArray(),
    db.duesPayments.toArray(),
  ]);
  return { members, memberships, wageBases, duesPayments };
}

/** Writes a batch: its payments and the one 401 entry, in one transaction — both or neither. */
async function writeBatch(db: UnionBooksDB, mutator: Mutator, batch: DuesBatch): Promise<DuesPayment[]> {
  if (batch.payments.length === 0) return [];
  const payments = await mutator.insertMany('duesPayments', batch.payments);
  if (batch.transaction) await postTransaction(db, mutator, batch.transaction);
  return payments;
}

/** 登记本月会费（工资代扣）. Idempotent: months already paid are skipped and counted. */
export function postDuesMonth(
  db: UnionBooksDB,
  mutator: Mutator,
  options: Omit<MonthPostingOptions, 'batchId' | 'monthCloses'>,
): Promise<MonthPostingPlan> {
  return mutator.transaction(DUES_TABLES, async () => {
    // Posting a month needs only that month's payments and that year's bases: far less to read on a big book.
    const [members, memberships, wageBases, duesPayments] = await Promise.all([
      db.members.toArray(),
      db.memberships.toArray(),
      db.wageBases
        .where('year')
        .equals(Number(options.month.slice(0, 4)))
        .toArray(),
      db.duesPayments.where('month').equals(options.month).toArray(),
    ]);
    const data = { members, memberships, wageBases, duesPayments };
    const plan = planMonthPosting(data, { ...options, batchId: uuidv7(), monthCloses: await db.monthCloses.toArray() });
    await writeBatch(db, mutator, plan);
    return plan;
  });
}

export function paySingle(
  db: UnionBooksDB,
  mutator: Mutator,
  input: Omit<SinglePaymentInput, 'batchId' | 'monthCloses'>,
): Promise<DuesPayment[]> {
  return mutator.transaction(DUES_TABLES, async () => {
    const data = await loadDuesData(db);
    const batch = planSinglePayment(data, { ...input, batchId: uuidv7(), monthCloses: await db.monthCloses.toArray() });
    return writeBatch(db, mutator, batch);
  });
}

export function reverseDuesPayment(
  db: UnionBooksDB,
  mutator: Mutator,
  input: Omit<ReversalInput, 'batchId' | 'monthCloses'>,
): Promise<DuesPayment[]> {
  return mutator.transaction(DUES_TABLES, async () => {
    const data = await loadDuesData(db);
    const batch = planReversal(data, { ...input, batchId: uuidv7(), monthCloses: await db.monthCloses.toArray() });
    return writeBatch(db, mutator, batch);
  });
}

/** Inserts new bases and updates changed ones, all in one transaction. */
export async function saveWageBases(mutator: Mutator, writes: readonly BaseWrite[]): Promise<number> {
  if (writes.length === 0) return 0;
  await mutator.transaction(['wageBases'], async () => {
    const inserts = writes.filter((w) => !w.existingId).map((w) => ({ memberId: w.memberId, year: w.year, baseFen: w.baseFen }));
    const updates = writes.filter((w) => w.existingId).map((w) => ({ id: w.existingId, patch: { baseFen: w.baseFen } }));
    if (inserts.length > 0) await mutator.insertMany('wageBases', inserts);
    if (updates.length > 0) await mutator.updateMany('wageBases', updates);
  });
  return writes.length;
}

/** 从上年结转: copies last year's bases to members who have none for `year`. */
export async function carryForwardBases(db: UnionBooksDB, mutator: Mutator, year: number): Promise<number> {
  return mutator.transaction(['wageBases', 'members', 'memberships'], async () => {
    const [members, memberships, wageBases] = await Promise.all([db.members.toArray(), db.memberships.toArray(), db.wageBases.toArray()]);
    const writes = planCarryForward(buildTimelines(members, memberships), wageBases, year);
    return saveWageBases(mutator, writes);
  });
}
