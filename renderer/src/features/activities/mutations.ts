import type { Activity, MoneyPlace } from '../../../../shared/model/records';
import type { UnionBooksDB } from '../../db/database';
import type { Mutator } from '../../db/mutations';
import { postTransaction } from '../finance/mutations';

export type ActivityInput = Omit<Activity, 'id' | 'updatedAt' | 'deviceId' | 'deleted' | 'transactionIds'>;

export interface NewPhoto {
  name: string;
  mimeType: string;
  data: Uint8Array;
  caption: string;
}

export interface ExpenseInput {
  date: string;
  place: MoneyPlace;
  accountCode: string;
  amountFen: number;
  summary: string;
}

/** Saves an activity with its newly added photos (as Attachment rows) in one transaction. */
export async function saveActivity(
  mutator: Mutator,
  id: string | null,
  input: ActivityInput,
  photos: readonly NewPhoto[],
): Promise<Activity> {
  return mutator.transaction(['activities', 'attachments'], async () => {
    const added = await mutator.insertMany(
      'attachments',
      photos.map((p) => ({ ...p, size: p.data.length })),
    );
    const photoIds = [...input.photoIds, ...added.map((a) => a.id)];
    if (id) return mutator.update('activities', id, { ...input, photoIds });
    return mutator.insert('activities', { ...input, photoIds, transactionIds: [] });
  });
}

/** Tombstones the activity and its photos. Its expenses stay in 收支: money is corrected by reversal there. */
export async function removeActivity(db: UnionBooksDB, mutator: Mutator, id: string): Promise<void> {
  await mutator.transaction(['activities', 'attachments'], async () => {
    const activity = await db.activities.get(id);
    if (!activity) return;
    for (const photoId of activity.photoIds) await mutator.remove('attachments', photoId);
    await mutator.remove('activities', id);
  });
}

export async function removePhoto(db: UnionBooksDB, mutator: Mutator, activityId: string, photoId: string): Promise<void> {
  await mutator.transaction(['activities', 'attachments'], async () => {
    const activity = await db.activities.get(activityId);
    if (activity) await mutator.update('activities', activityId, { photoIds: activity.photoIds.filter((p) => p !== photoId) });
    await mutator.remove('attachments', photoId);
  });
}

/** Books an expense for the activity in 收支 (refused in a closed month) and links it both ways. */
export async function addActivityExpense(db: UnionBooksDB, mutator: Mutator, activityId: string, expense: ExpenseInput): Promise<void> {
  await mutator.transaction(['activities', 'transactions', 'monthCloses'], async () => {
    const activity = await db.activities.get(activityId);
    if (!activity || activity.deleted) throw new Error('活动不存在，请先保存活动');
    const tx = await postTransaction(db, mutator, { ...expense, activityId });
    await mutator.update('activities', activityId, { transactionIds: [...activity.transactionIds, tx.id] });
  });
}
