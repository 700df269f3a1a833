import type { ChangeEntry } from '../../../../shared/book/changes';
import { readEnrolmentFile } from '../../../../shared/sync/package/enrolment-file';
import type { PackageCredentials, ReplyPackageBody } from '../../../../shared/sync/package/format';
import { PackageError } from '../../../../shared/sync/package/package-error';
import { writePushPackage } from '../../../../shared/sync/package/push-package';
import { readReplyPackage } from '../../../../shared/sync/package/reply-package';
import { PROTOCOL_VERSION, type WireChange } from '../../../../shared/sync/protocol';
import type { UnionBooksDB } from '../../db/database';
import type { Mutator } from '../../db/mutations';
import { applyPublished, applyPulledRows } from './apply';
import { forgetServerProgress, yearSubmissionRequest } from './mutations';
import { carriedAttachments, heldAttachments, keepAttachments, keepNotices } from './notices';
import { countAllRows, markSynced, nextBootstrapBatch, toWire } from './outgoing';
import { getValue, IDLE, KEYS, setValue, type BootstrapProgress, type SyncConfig } from './state';

/**
 * The 同步 page's offline path (docs/offline-packages.md): enrol from a file, export what the server
 * has not acknowledged as a package, apply the reply through the same code a network pull uses.
 * The file formats and their checks are shared (shared/sync/package/); this keeps the device's side.
 */

/** Enrols this device from the upper union's file; like a network enrolment, the whole book goes with the first package. */
export async function enrolFromFile(db: UnionBooksDB, bytes: Uint8Array, passcode: string): Promise<SyncConfig> {
  const enrolment = await readEnrolmentFile(bytes, passcode);
  if (await getValue<SyncConfig>(db, KEYS.config))
    throw new PackageError('invalid', '本设备已注册到上级工会，请先解除注册再导入注册文件，未做任何更改。');
  const config: SyncConfig = {
    serverUrl: '',
    unionCode: enrolment.unionCode,
    unionName: enrolment.unionName,
    token: enrolment.token,
    enrolledAt: new Date().toISOString(),
    packages: { enrolmentId: enrolment.enrolmentId, packageKey: enrolment.packageKey },
  };
  await db.transaction('rw', db.$sync, async () => {
    await forgetServerProgress(db);
    await setValue(db, KEYS.config, config);
    await setValue(db, KEYS.status, IDLE);
  });
  return config;
}

async function credentialsOf(db: UnionBooksDB): Promise<PackageCredentials> {
  const config = await getValue<SyncConfig>(db, KEYS.config);
  if (!config?.packages)
    throw new PackageError('invalid', '本设备还没有报送包密钥：请先联网同步一次（服务器会发给本设备密钥），或向上级工会索取注册文件。');
  return { unionCode: config.unionCode, ...config.packages };
}

/** Every change the server has not acknowledged: the whole book until a reply has confirmed it, then the outbox. */
async function unacknowledged(db: UnionBooksDB, deviceId: string): Promise<{ changes: WireChange[]; book: boolean }> {
  const changes: WireChange[] = [];
  let boot = (await getValue<BootstrapProgress>(db, KEYS.bootstrap)) ?? null;
  const book = !boot?.done;
  if (book) {
    boot = { done: false, tableIndex: 0, lastId: '', sent: 0, total: await countAllRows(db) };
    while (!boot.done) {
      const { changes: batch, next } = await nextBootstrapBatch(db, deviceId, boot);
      changes.push(...batch);
      boot = next;
    }
  }
  // A record the server refused over the network (synced 2) stays held back, as the network push holds it.
  const held = new Set<string>();
  await db.$changes
    .where('synced')
    .equals(2)
    .each((c) => void held.add(`${c.table}/${c.rowId}`));
  const waiting = (await db.$changes.where('synced').equals(0).toArray()) as ChangeEntry[];
  waiting.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
  for (const c of waiting) if (!held.has(`${c.table}/${c.rowId}`)) changes.push(toWire(c));
  return { changes, book };
}

export interface ExportedPackage {
  fileName: string;
  bytes: Uint8Array;
  seq: number;
  changes: number;
  year: number | null;
}

/** The next package of this device, with the year's report when `year` is given. Its number is taken only once the file is written. */
export async function exportPackage(db: UnionBooksDB, mutator: Mutator, year: number | null): Promise<ExportedPackage> {
  const credentials = await credentialsOf(db);
  const seq = ((await getValue<number>(db, KEYS.packageSeq)) ?? 0) + 1;
  const { changes, book } = await unacknowledged(db, mutator.deviceId);
  const submission = year === null ? null : { v: PROTOCOL_VERSION, ...(await yearSubmissionRequest(db, year)) };
  const cursor = (await getValue<number>(db, KEYS.cursor)) ?? 0;
  const bytes = await writePushPackage({ credentials, seq, changes, cursor, submission, heldAttachments: await heldAttachments(db) });
  await db.transaction('rw', db.$sync, async () => {
    await setValue(db, KEYS.packageSeq, seq);
    if (book) await setValue(db, KEYS.packageBook, seq);
  });
  return { fileName: `${credentials.unionCode}-报送包-${String(seq).padStart(3, '0')}.ubpkg`, bytes, seq, changes: changes.length, year };
}

export interface ImportedReply {
  seq: number;
  rows: number;
  acked: number;
  receipt: ReplyPackageBody['receipt'];
  submissionMessage: string;
  /** Notice attachments the reply brought. */
  attachments: number;
}

/** Applies the server's reply as a network round's answer is applied: acknowledgements, pulled rows with the cursor, publications. */
export async function importReply(db: UnionBooksDB, mutator: Mutator, bytes: Uint8Array): Promise<ImportedReply> {
  const credentials = await credentialsOf(db);
  const lastReply = (await getValue<number>(db, KEYS.replySeq)) ?? 0;
  const { header, body } = await readReplyPackage(bytes, credentials, lastReply);
  const exported = (await getValue<number>(db, KEYS.packageSeq)) ?? 0;
  if (header.seq > exported)
    throw new PackageError('stale', `这个回执包答复的是第 ${header.seq} 号报送包，本设备只导出过 ${exported} 个报送包，未做任何更改。`);

  const attachments = carriedAttachments(body.notices, body.attachments);

  await markSynced(db, body.acked);
  const rows = body.receipt ? [...body.rows, body.receipt.row] : body.rows;
  mutator.observeClock(await applyPulledRows(db, rows, body.cursor));
  await applyPublished(db, body.published);
  await keepNotices(db, body.notices);
  await keepAttachments(db, attachments);
  const bookSeq = await getValue<number>(db, KEYS.packageBook);
  const total = await countAllRows(db);
  await db.transaction('rw', db.$sync, async () => {
    if (bookSeq !== undefined && header.seq >= bookSeq) {
      await setValue(db, KEYS.bootstrap, { done: true, tableIndex: 0, lastId: '', sent: total, total } satisfies BootstrapProgress);
    }
    await setValue(db, KEYS.replySeq, header.seq);
    await setValue(db, KEYS.status, { ...IDLE, lastSyncAt: body.serverTime });
  });
  return {
    seq: header.seq,
    rows: body.rows.length,
    acked: body.acked.length,
    receipt: body.receipt,
    submissionMessage: body.submissionMessage,
    attachments: attachments.length,
  };
}
