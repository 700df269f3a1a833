import { noLinks } from '../../model/entry';
import type { Activity, MoneyPlace } from '../../model/records';
import { BookError, throwIfAny } from '../errors';
import type { AmountOptions } from '../rules/amounts';
import { formatDate, futureDateProblem } from '../rules/dates';
import type { BookStore } from '../store';
import { bookEntry, ENTRY_TABLES } from './entries';

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

/** An activity held is in the past; only a planned one may lie ahead. */
export function activityProblems(input: ActivityInput, today: string): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  if (input.title.trim() === '') out.push({ field: 'title', message: '活动名称：请填写' });
  if (input.endDate < input.startDate) out.push({ field: 'dates', message: '活动日期：结束日期早于开始日期' });
  if (!input.planned) {
    const future = futureDateProblem('活动日期', input.startDate, today);
    if (future)
      out.push({
        field: 'dates',
        message: future.includes('还没有到') ? `活动日期：${formatDate(input.startDate)}还没有到；尚未举办的活动请标为“计划中”` : future,
      });
  }
  if (!Number.isSafeInteger(input.headCount) || input.headCount < 0)
    out.push({ field: 'headCount', message: '参加人数：请填写不小于 0 的整数' });
  return out;
}

/** Saves an activity with its newly added photos (as Attachment rows) in one transaction. */
export async function saveActivity(
  store: BookStore,
  id: string | null,
  input: ActivityInput,
  photos: readonly NewPhoto[] = [],
): Promise<Activity> {
  throwIfAny(activityProblems(input, store.today()));
  return store.transaction(['activities', 'attachments'], async () => {
    const added = await store.insert(
      'attachments',
      photos.map((p) => ({ ...p, size: p.data.length })),
    );
    const photoIds = [...input.photoIds, ...added.map((a) => a.id)];
    if (id) {
      const current = await store.get('activities', id);
      if (!current || current.deleted) throw new BookError('要修改的活动不存在');
      return (await store.update('activities', [{ id, patch: { ...input, photoIds } }]))[0]!;
    }
    return (await store.insert('activities', [{ ...input, photoIds, transactionIds: [] }]))[0]!;
  });
}

/** Tombstones the activity and its photos. Its expenses stay in 收支: money is corrected by reversal there. */
export async function removeActivity(store: BookStore, id: string): Promise<void> {
  await store.transaction(['activities', 'attachments'], async () => {
    const activity = await store.get('activities', id);
    if (!activity) return;
    for (const photoId of activity.photoIds) await store.remove('attachments', photoId);
    await store.remove('activities', id);
  });
}

export async function removePhoto(store: BookStore, activityId: string, photoId: string): Promise<void> {
  await store.transaction(['activities', 'attachments'], async () => {
    const activity = await store.get('activities', activityId);
    if (activity)
      await store.update('activities', [{ id: activityId, patch: { photoIds: activity.photoIds.filter((p) => p !== photoId) } }]);
    await store.remove('attachments', photoId);
  });
}

/** Books an expense for the activity in 收支 (every money rule applies) and links it both ways. */
export async function addActivityExpense(
  store: BookStore,
  activityId: string,
  expense: ExpenseInput,
  options: AmountOptions = {},
): Promise<void> {
  await store.transaction(ENTRY_TABLES, async () => {
    const activity = await store.get('activities', activityId);
    if (!activity || activity.deleted) throw new BookError('活动不存在，请先保存活动');
    const tx = await bookEntry(store, { ...expense, summary: expense.summary.trim(), ...noLinks(), activityId }, options);
    await store.update('activities', [{ id: activityId, patch: { transactionIds: [...activity.transactionIds, tx.id] } }]);
  });
}
