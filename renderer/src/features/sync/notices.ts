import { useLiveQuery } from 'dexie-react-hooks';
import { NOTICE_ATTACHMENT_MAX_BYTES, type Notice } from '../../../../shared/sync/protocol';
import { base64ToBytes } from '../../../../shared/sync/wire';
import { useServices } from '../../app/services';
import type { UnionBooksDB } from '../../db/database';
import { getValue, KEYS, setValue } from './state';

/**
 * Notice attachments a reply package brought (a device without a network cannot fetch them), one
 * `$sync` entry each under this prefix: `{ bytes }`, the name and type being the notice's.
 */
export const NOTICE_ATTACHMENT_PREFIX = 'sync.noticeAttachment:';
const attachmentKey = (noticeId: string) => `${NOTICE_ATTACHMENT_PREFIX}${noticeId}`;

/**
 * The upper unions' notices, as the last pull listed them: a notice the server no longer sends
 * (its sender removed it, or the union moved to another organisation) leaves this device too,
 * with its attachment.
 */
export async function keepNotices(db: UnionBooksDB, notices: readonly Notice[]): Promise<void> {
  const known = await getValue<Notice[]>(db, KEYS.notices);
  if (JSON.stringify(known ?? []) === JSON.stringify(notices)) return;
  const listed = new Set(notices.filter((n) => n.attachment).map((n) => attachmentKey(n.id)));
  await db.transaction('rw', db.$sync, async () => {
    await setValue(db, KEYS.notices, notices);
    const kept = await db.$sync.where('key').startsWith(NOTICE_ATTACHMENT_PREFIX).primaryKeys();
    await db.$sync.bulkDelete(kept.filter((k) => !listed.has(k)));
  });
}

/** The notices whose attachment this device holds. */
export async function heldAttachments(db: UnionBooksDB): Promise<string[]> {
  const keys = await db.$sync.where('key').startsWith(NOTICE_ATTACHMENT_PREFIX).primaryKeys();
  return keys.map((k) => k.slice(NOTICE_ATTACHMENT_PREFIX.length));
}

/**
 * The attachments a reply carried that match a notice it lists with an attachment of exactly that
 * size; anything else is left out (the reply authenticated, so only a faulty server sends it).
 */
export function carriedAttachments(
  notices: readonly Notice[],
  attachments: readonly { noticeId: string; base64: string }[],
): { noticeId: string; bytes: Uint8Array }[] {
  const byId = new Map(notices.map((n) => [n.id, n]));
  const out: { noticeId: string; bytes: Uint8Array }[] = [];
  for (const a of attachments) {
    const size = byId.get(a.noticeId)?.attachment?.size;
    if (size === undefined || size > NOTICE_ATTACHMENT_MAX_BYTES) continue;
    let bytes: Uint8Array;
    try {
      bytes = base64ToBytes(a.base64);
    } catch {
      continue;
    }
    if (bytes.length === size) out.push({ noticeId: a.noticeId, bytes });
  }
  return out;
}

export async function keepAttachments(db: UnionBooksDB, carried: readonly { noticeId: string; bytes: Uint8Array }[]): Promise<void> {
  if (carried.length) await db.$sync.bulkPut(carried.map((a) => ({ key: attachmentKey(a.noticeId), value: { bytes: a.bytes } })));
}

/** A notice's attachment as a reply package brought it, or null when it was not (the server is then asked). */
export async function localAttachment(db: UnionBooksDB, noticeId: string): Promise<Uint8Array | null> {
  return (await getValue<{ bytes: Uint8Array }>(db, attachmentKey(noticeId)))?.bytes ?? null;
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
