import { uuidv7 } from '../../../../shared/ids/uuid7';
import type { SubmissionReceipt, SubmissionRequest } from '../../../../shared/sync/protocol';
import type { UnionBooksDB } from '../../db/database';
import type { Mutator } from '../../db/mutations';
import { SUBMITTED } from '../documents/bundled';
import { readWholeBook } from '../../db/read-whole-book';
import { normaliseServerUrl } from './address';
import { enrol, submit, SyncError } from './api';
import { applyPulledRows } from './apply';
import { syncEngineFor } from './engine';
import { NOTICE_ATTACHMENT_PREFIX } from './notices';
import { yearSubmission } from './queries';
import { office } from '../../workers/office';
import { configFromEnrolment, getValue, IDLE, KEYS, setValue, type SyncConfig } from './state';

/** What a device learnt from the server it was enrolled with: forgotten when it enrols anew or leaves. */
export async function forgetServerProgress(db: UnionBooksDB): Promise<void> {
  await db.$sync.where('key').startsWith(NOTICE_ATTACHMENT_PREFIX).delete();
  await db.$sync.bulkDelete([
    KEYS.cursor,
    KEYS.bootstrap,
    KEYS.published,
    KEYS.notices,
    KEYS.noticesRead,
    KEYS.packageSeq,
    KEYS.replySeq,
    KEYS.packageBook,
  ]);
}

/** Trades the one-time code for a device token and starts over: a newly enrolled device sends its whole book. */
export async function enrolDevice(
  db: UnionBooksDB,
  mutator: Mutator,
  input: { serverUrl: string; unionCode: string; enrolmentCode: string },
): Promise<SyncConfig> {
  const serverUrl = normaliseServerUrl(input.serverUrl);
  const res = await enrol(serverUrl, {
    unionCode: input.unionCode.trim(),
    enrolmentCode: input.enrolmentCode.trim(),
    deviceId: mutator.deviceId,
    deviceName: typeof navigator !== 'undefined' ? navigator.userAgent.slice(0, 100) : '',
  }).catch((error: unknown) => {
    // An address typed without a scheme now means https; a server without TLS is then unreachable.
    if (error instanceof SyncError && error.offline && serverUrl.startsWith('https:'))
      throw new SyncError(`${error.message}。若服务器尚未启用 HTTPS，请向上级工会确认地址`, true);
    throw error;
  });
  const config = configFromEnrolment(serverUrl, res);
  await db.transaction('rw', db.$sync, async () => {
    await forgetServerProgress(db);
    await setValue(db, KEYS.config, config);
    await setValue(db, KEYS.status, IDLE);
  });
  return config;
}

/** Forgets the server on this device; the book stays as it is. */
export async function leaveServer(db: UnionBooksDB): Promise<void> {
  // No transaction of its own: replacing a book calls this inside the transaction that replaces it.
  await forgetServerProgress(db);
  await db.$sync.bulkDelete([KEYS.config, KEYS.status]);
}

/**
 * Sends a year's report: the year's facts and the documents generated from the bundled templates.
 * Syncs first so the upper union's figures match the report. The server answers with a receipt
 * and the updated `submissions` row, which is applied at once: the year is locked from here on.
 */
export async function submitYearReport(db: UnionBooksDB, mutator: Mutator, year: number): Promise<SubmissionReceipt> {
  const config = await getValue<SyncConfig>(db, KEYS.config);
  if (!config) throw new Error('本设备尚未注册到上级工会服务器');
  if (!(await syncEngineFor(db, mutator).syncNow())) {
    const status = await getValue<{ message: string }>(db, KEYS.status);
    throw new Error(`报送前的同步未完成：${status?.message ?? ''}`);
  }
  const receipt = await submit(config.serverUrl, config.token, await yearSubmissionRequest(db, year));
  const latest = await applyPulledRows(db, [receipt.row]);
  mutator.observeClock(latest);
  return receipt;
}

/** What a year's report sends — the year's facts and the documents from the bundled templates — by network or in a package. */
export async function yearSubmissionRequest(db: UnionBooksDB, year: number): Promise<Omit<SubmissionRequest, 'v'>> {
  const templates = SUBMITTED.map((t) => t.source);
  // Read, counted and written in the office worker: LiquidJS, docx and a long book's read stay off the
  // window. Where no worker runs (the command line) the book is this database, which may not be one
  // the global IndexedDB can open by name: it is read here.
  const report =
    typeof Worker === 'undefined'
      ? await (await import('../../workers/office-api')).yearReportOf(await readWholeBook(db), year, templates)
      : await office.yearReport(db.name, year, templates);
  const existing = await yearSubmission(db, year);
  return {
    year,
    recordId: existing?.id ?? uuidv7(),
    facts: JSON.parse(JSON.stringify(report.facts)) as Record<string, unknown>,
    documents: report.documents.map(({ name, base64 }) => ({
      name,
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      base64,
    })),
  };
}
