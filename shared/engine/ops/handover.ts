import type { HandoverFacts } from '../../handover/handover-facts';
import { isChecksum, voucherRangeText } from '../../handover/handover-record';
import type { Handover } from '../../model/records';
import { BookError, throwIfAny } from '../errors';
import { todayIso } from '../../clock/today';
import { formatDate, futureDateProblem } from '../rules/dates';
import type { BookStore } from '../store';

export interface HandoverStart {
  facts: HandoverFacts;
  from: string;
  to: string;
  supervisor: string;
  /** The outgoing computer, and the union code it syncs with ('' when it is not enrolled). */
  fromDeviceId: string;
  syncUnionCode: string;
}

const TABLES = ['handovers'] as const;

/**
 * The outgoing computer writes the handover before it writes the handover backup, so the backup
 * carries it: the people, the date and the figures the 交接清单 states. Its checksum stays empty
 * until the file exists (sealHandover).
 */
export async function startHandover(store: BookStore, input: HandoverStart): Promise<Handover> {
  const problems: { field: string; message: string }[] = [];
  for (const [field, label] of [
    ['from', '移交人'],
    ['to', '接交人'],
    ['supervisor', '监交人'],
  ] as const) {
    if (input[field].trim() === '') problems.push({ field, message: `${label}：请填写` });
  }
  const date = futureDateProblem('交接日期', input.facts.date, store.today());
  if (date) problems.push({ field: 'date', message: date });
  throwIfAny(problems);
  return store.transaction(TABLES, async () => {
    const [row] = await store.insert('handovers', [
      {
        date: input.facts.date,
        from: input.from.trim(),
        to: input.to.trim(),
        supervisor: input.supervisor.trim(),
        vouchers: voucherRangeText(input.facts.vouchers),
        cashFen: input.facts.cashFen,
        bankFen: input.facts.bankFen,
        checksum: '',
        fromDeviceId: input.fromDeviceId,
        syncUnionCode: input.syncUnionCode,
        receivedAt: '',
        revokedAt: '',
      },
    ]);
    return row!;
  });
}

async function openHandover(store: BookStore, id: string): Promise<Handover> {
  const row = await store.get('handovers', id);
  if (!row || row.deleted !== 0) throw new BookError('这次交接的记录不存在');
  return row;
}

function checkChecksum(checksum: string): void {
  if (!isChecksum(checksum)) throw new BookError('交接文件校验值：应为 64 位十六进制 SHA-256', 'checksum');
}

/** The outgoing computer, once the handover backup is saved: the checksum of the file it handed over. */
export async function sealHandover(store: BookStore, id: string, checksum: string): Promise<Handover> {
  checkChecksum(checksum);
  return store.transaction(TABLES, async () => {
    await openHandover(store, id);
    return (await store.update('handovers', [{ id, patch: { checksum } }]))[0]!;
  });
}

/** A handover whose files were never saved (the save was cancelled) did not happen: it leaves no row. */
export async function dropHandover(store: BookStore, id: string): Promise<void> {
  await store.transaction(TABLES, async () => {
    const row = await openHandover(store, id);
    if (row.checksum || row.receivedAt) throw new BookError('这次交接已经完成，不能撤回');
    await store.remove('handovers', id);
  });
}

/** The incoming computer, once the handover backup is restored: when, and the checksum of the file it loaded. */
export async function receiveHandover(store: BookStore, id: string, checksum: string, at: string): Promise<Handover> {
  checkChecksum(checksum);
  return store.transaction(TABLES, async () => {
    const row = await openHandover(store, id);
    if (row.receivedAt) throw new BookError(`这次交接已于${formatDate(todayIso(new Date(row.receivedAt)))}载入`);
    return (await store.update('handovers', [{ id, patch: { checksum, receivedAt: at } }]))[0]!;
  });
}

/** The incoming computer, once the sync server has revoked the outgoing one. */
export async function markOldDeviceRevoked(store: BookStore, id: string, at: string): Promise<Handover> {
  return store.transaction(TABLES, async () => {
    await openHandover(store, id);
    return (await store.update('handovers', [{ id, patch: { revokedAt: at } }]))[0]!;
  });
}
