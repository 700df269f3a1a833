import type { HybridLogicalClock } from '../../../shared/clock/hlc';
import { uuidv7 } from '../../../shared/ids/uuid7';
import { keepDeclaredFields } from '../../../shared/sync/change-fields';
import { OwnRanges } from '../../../shared/sync/own-ranges';
import { writeEnrolmentFile } from '../../../shared/sync/package/enrolment-file';
import { newPackageKey } from '../../../shared/sync/package/frame';
import type { PackageHeader, PushPackageBody, ReplyAttachment, ReplyPackageBody } from '../../../shared/sync/package/format';
import { PackageError } from '../../../shared/sync/package/package-error';
import { peekPushPackage, readPushPackage } from '../../../shared/sync/package/push-package';
import { writeReplyPackage } from '../../../shared/sync/package/reply-package';
import {
  LIMITS,
  NOTICE_ATTACHMENT_MAX_BYTES,
  PROTOCOL_VERSION,
  type RemoteRow,
  type SubmissionReceipt,
  type WireChange,
} from '../../../shared/sync/protocol';
import { randomEnrolmentCode, randomToken, sha256 } from '../crypto';
import type { Database, Queryable } from '../db';
import { getRows } from './rows';
import { currentSubmissions, submitYear } from './submissions';
import { syncRound, type SyncCaller } from './sync';
import { ClientError, num } from './util';

/** What a device enrolled by file receives (sealed into the enrolment file by the caller). */
export interface OfflineEnrolment {
  enrolmentId: string;
  token: string;
  packageKey: string;
}

/** Enrols a device without it being present: a token like a network enrolment's, and a package key both ends keep. */
export async function enrolOffline(db: Queryable, unionId: string): Promise<OfflineEnrolment> {
  const enrolment = { enrolmentId: uuidv7(), token: randomToken(), packageKey: newPackageKey() };
  await db.query('INSERT INTO devices (id, union_id, device_id, name, token_hash, package_key) VALUES ($1, $2, $3, $4, $5, $6)', [
    enrolment.enrolmentId,
    unionId,
    `file-${enrolment.enrolmentId}`,
    '离线注册设备',
    sha256(enrolment.token),
    enrolment.packageKey,
  ]);
  return enrolment;
}

/** An enrolment file ready to hand over, and the one-time passcode that opens it (shown once, never stored). */
export interface EnrolmentFile {
  fileName: string;
  bytes: Uint8Array;
  passcode: string;
}

/** Enrols a device of `union` by file (the CLI's `server enrolment-file` and the dashboard's 下载注册文件). */
export async function issueEnrolmentFile(db: Queryable, union: { id: string; code: string; name: string }): Promise<EnrolmentFile> {
  const passcode = randomEnrolmentCode();
  const enrolment = await enrolOffline(db, union.id);
  const bytes = await writeEnrolmentFile({ unionCode: union.code, unionName: union.name, ...enrolment }, passcode);
  return { fileName: `${union.code}-注册文件.ubenrol`, bytes, passcode };
}

/**
 * The package key of the device a token opened, for a device enrolled before keys were handed out
 * at enrolment. Only the caller's own device row is read: a token never reaches another device's key.
 * A device without one (revoked when migration 13 ran, then never) gets one now.
 */
export async function devicePackageKey(db: Queryable, deviceRowId: string): Promise<{ enrolmentId: string; packageKey: string }> {
  const rows = await db.query<{ package_key: string }>(
    'UPDATE devices SET package_key = coalesce(package_key, $2) WHERE id = $1 AND revoked_at IS NULL RETURNING package_key',
    [deviceRowId, newPackageKey()],
  );
  const key = rows[0]?.package_key;
  if (!key) throw new ClientError(401, 'unauthorised', '设备未注册或凭证已失效，请在同步页重新注册');
  return { enrolmentId: deviceRowId, packageKey: key };
}

export interface ImportReport {
  unionCode: string;
  unionName: string;
  seq: number;
  applied: number;
  duplicates: number;
  submission: { year: number; receiptNumber: string; status: string } | null;
  submissionMessage: string;
}

interface PackageDevice {
  id: string;
  union_id: string;
  code: string;
  name: string;
  org_id: string;
  package_key: string | null;
  package_seq: unknown;
  revoked_at: unknown;
}

async function deviceOf(db: Queryable, header: PackageHeader): Promise<PackageDevice> {
  const rows = await db.query<PackageDevice>(
    `SELECT d.id, d.union_id, u.code, u.name, u.org_id, d.package_key, d.package_seq, d.revoked_at
     FROM devices d JOIN unions u ON u.id = d.union_id WHERE d.id = $1`,
    [header.enrolmentId],
  );
  const device = rows[0];
  if (!device?.package_key) {
    throw new PackageError(
      'other-device',
      `本服务器没有生成这个报送包的设备（工会 ${header.unionCode}），它可能来自另一台服务器，未做任何更改。`,
    );
  }
  if (device.revoked_at) throw new PackageError('other-device', `生成这个报送包的设备已被撤销，未做任何更改。`);
  return device;
}

/**
 * The attachments of notices the reply lists (the sync round chose them for the device's
 * organisation), each within the attachment cap: the reply is the only way they reach a device
 * without a network.
 */
async function noticeAttachments(db: Queryable, ids: readonly string[]): Promise<ReplyAttachment[]> {
  if (!ids.length) return [];
  const rows = await db.query<{ id: string; attachment_base64: string }>(
    `SELECT id, attachment_base64 FROM published
     WHERE kind = 'notice' AND attachment_base64 IS NOT NULL AND id IN (SELECT jsonb_array_elements_text($1::jsonb)) ORDER BY id`,
    [JSON.stringify(ids)],
  );
  return rows
    .filter((r) => Buffer.from(r.attachment_base64, 'base64').length <= NOTICE_ATTACHMENT_MAX_BYTES)
    .map((r) => ({ noticeId: r.id, base64: r.attachment_base64 }));
}

/** Changes whose every field the server already holds at the same or a later clock: sent before. */
async function countHeld(db: Queryable, unionId: string, changes: readonly WireChange[]): Promise<number> {
  const stored = new Map<string, RemoteRow>();
  for (let at = 0; at < changes.length; at += LIMITS.maxChangesPerPush) {
    const keys = changes.slice(at, at + LIMITS.maxChangesPerPush).map((c) => ({ table: c.table, rowId: c.rowId }));
    for (const row of await getRows(db, unionId, keys)) stored.set(`${row.table}/${row.rowId}`, row);
  }
  return changes.filter((c) => {
    const row = stored.get(`${c.table}/${c.rowId}`);
    return !!row && Object.keys(c.fields).every((f) => f === 'id' || (row.clocks[f] ?? '') >= c.hlc);
  }).length;
}

/** The package's submission, received once: importing it again finds the receipt it got the first time. */
async function receive(
  db: Database,
  clock: HybridLogicalClock,
  device: PackageDevice,
  body: PushPackageBody,
): Promise<{ receipt: SubmissionReceipt | null; message: string }> {
  const req = body.submission;
  if (!req) return { receipt: null, message: '' };
  try {
    return { receipt: await submitYear(db, clock, { id: device.union_id, code: device.code }, req), message: '' };
  } catch (error) {
    if (!(error instanceof ClientError)) throw error;
    const [current] = await currentSubmissions(db, req.year, { unionId: device.union_id });
    const [row] = current ? await getRows(db, device.union_id, [{ table: 'submissions', rowId: current.recordId }]) : [];
    if (current && row && current.recordId === req.recordId) {
      const { receiptNumber, submittedAt, status, returnReason } = current;
      return { receipt: { v: PROTOCOL_VERSION, year: req.year, receiptNumber, submittedAt, status, returnReason, row }, message: '' };
    }
    return { receipt: null, message: error.message };
  }
}

/**
 * Imports a device's package exactly as its network sync would have arrived: the changes go through
 * the same sync round (push in batches, then pull since the package's cursor), the submission
 * through the same receipt. Everything that can refuse the file — its frame, the tag, the union it
 * is imported as, its number — is checked before anything is written. `asUnion` is the union code
 * the person importing expects (the dashboard's row); the CLI leaves it to the package.
 */
export async function importPackage(
  db: Database,
  clock: HybridLogicalClock,
  bytes: Uint8Array,
  asUnion: { code: string } | null = null,
  now = Date.now(),
): Promise<{ report: ImportReport; reply: Uint8Array }> {
  const peeked = peekPushPackage(bytes);
  const device = await deviceOf(db, peeked);
  const expected = asUnion?.code ?? device.code;
  if (device.code !== expected || peeked.unionCode !== expected) {
    throw new PackageError('other-union', `这个报送包属于工会 ${peeked.unionCode}，不能作为工会 ${expected} 导入，未做任何更改。`);
  }
  const { header, body } = await readPushPackage(bytes, device.package_key!, expected);
  const { changes } = keepDeclaredFields(body.changes);
  const caller: SyncCaller = { unionId: device.union_id, deviceRowId: device.id, orgId: device.org_id };

  const stale = (last: number) =>
    new PackageError(
      'stale',
      `这是较早的报送包（第 ${header.seq} 号），该设备的第 ${last} 号报送包已经导入，较早的包不再导入，未做任何更改。`,
    );
  if (header.seq < num(device.package_seq)) throw stale(num(device.package_seq));
  const duplicates = await countHeld(db, device.union_id, changes);
  // Taken before the changes are written: of two imports of one device at once, the older refuses here.
  const taken = await db.query('UPDATE devices SET package_seq = $2 WHERE id = $1 AND package_seq <= $2 RETURNING id', [
    device.id,
    header.seq,
  ]);
  if (!taken.length) throw stale(header.seq + 1);

  // Pushed as the app's first sync pushes: the device holds the rows its own batches wrote where their
  // ranges join up from its cursor, so the reply does not carry its book back, only where a field lost.
  const own = new OwnRanges(body.cursor);
  const overruled = new Map<string, RemoteRow>();
  let acked: string[] = [];
  for (let at = 0; at < changes.length; at += LIMITS.maxChangesPerPush) {
    const batch = changes.slice(at, at + LIMITS.maxChangesPerPush);
    const res = await syncRound(db, caller, { v: PROTOCOL_VERSION, changes: batch, cursor: body.cursor, pullLimit: 0 }, now);
    acked = acked.concat(res.acked);
    own.add(res.pushed);
    for (const row of res.rows) overruled.set(`${row.table}/${row.rowId}`, row);
  }
  const { receipt, message } = await receive(db, clock, device, body);

  const pulled: RemoteRow[] = [];
  let cursor = own.cursor;
  let published: ReplyPackageBody['published'] = [];
  let notices: ReplyPackageBody['notices'] = [];
  for (let more = true; more;) {
    const res = await syncRound(db, caller, { v: PROTOCOL_VERSION, changes: [], cursor, pullLimit: LIMITS.maxPullLimit }, now);
    pulled.push(...res.rows);
    cursor = res.cursor;
    published = res.published;
    notices = res.notices ?? [];
    more = res.more;
  }
  for (const row of pulled) overruled.delete(`${row.table}/${row.rowId}`);
  const held = new Set(body.heldAttachments ?? []);
  const attachments = await noticeAttachments(
    db,
    notices.filter((n) => n.attachment && !held.has(n.id)).map((n) => n.id),
  );
  const rows = [...overruled.values(), ...pulled];
  const reply: ReplyPackageBody = {
    v: PROTOCOL_VERSION,
    acked: [...new Set([...acked, ...body.changes.map((c) => c.changeId)])],
    rows,
    cursor,
    published,
    notices,
    attachments,
    receipt,
    submissionMessage: message,
    applied: changes.length - duplicates,
    duplicates,
    serverTime: new Date(now).toISOString(),
  };
  const credentials = { unionCode: device.code, enrolmentId: device.id, packageKey: device.package_key! };
  return {
    report: {
      unionCode: device.code,
      unionName: device.name,
      seq: header.seq,
      applied: reply.applied,
      duplicates,
      submission: receipt ? { year: receipt.year, receiptNumber: receipt.receiptNumber, status: receipt.status } : null,
      submissionMessage: message,
    },
    reply: await writeReplyPackage(credentials, header.seq, reply, new Date(now)),
  };
}
