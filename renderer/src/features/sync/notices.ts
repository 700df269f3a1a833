import { useLiveQuery } from 'dexie-react-hooks';
import type { Notice } from '../../../../shared/sync/protocol';
import { useServices } from '../../app/services';
import type { UnionBooksDB } from '../../db/database';
import { getValue, KEYS, setValue } from './state';

/**
 * The upper unions' notices, as the last pull listed them: a notice the server no longer sends
 * (its sender removed it, or the union moved to another organisation) leaves this device too.
 */
export async function keepNotices(db: UnionBooksDB, notices: readonly Notice[]): Promise<void> {
  const known = await getValue<Notice[]>(db, KEYS.notices);
  if (JSON.stringify(known ?? []) !== JSON.stringify(notices)) await setValue(db, KEYS.notices, notices);
}

export async function heldNotices(db: UnionBooksDB): Promise<Notice[]> {
  return (await getValue<Notice[]>(db, KEYS.notices)) ?? [];
}

/** What a sync request lists, so the answer carries only the notices this device lacks. */
export async function heldNoticeIds(db: UnionBooksDB): Promise<string[]> {
  return (await heldNotices(db)).map((n) => n.id);
}

/** Whether a notice was opened on this device: read marks are the device's own, never synced. */
export async function markNoticeRead(db: UnionBooksDB, id: string): Promise<void> {
  await db.transaction('rw', db.$sync, async () => {
    const read = (await getValue<string[]>(db, KEYS.noticesRead)) ?? [];
    if (!read.includes(id)) await setValue(db, KEYS.noticesRead, [...read, id]);
  });
}

export interface NoticeView extends Notice {
  read: boolean;
}

/** Newest first. */
export function useNotices(): NoticeView[] | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    const notices = (await getValue<Notice[]>(db, KEYS.notices)) ?? [];
    const read = new Set((await getValue<string[]>(db, KEYS.noticesRead)) ?? []);
    return notices
      .map((n) => ({ ...n, read: read.has(n.id) }))
      .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || b.id.localeCompare(a.id));
  }, [db]);
}
