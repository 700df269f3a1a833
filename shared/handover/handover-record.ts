import type { BookTables } from '../model/book';
import type { Handover } from '../model/records';
import type { VoucherRange } from './handover-facts';

/** The voucher numbers of a 交接清单 in one line, year by year: "2025年 记-001～记-161（161 张）". */
export function voucherRangeText(vouchers: readonly VoucherRange[]): string {
  if (vouchers.length === 0) return '无凭证';
  return vouchers.map((v) => `${v.year}年 ${v.first}～${v.last}（${v.count} 张）`).join('；');
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function isChecksum(value: string): boolean {
  return SHA256_HEX.test(value);
}

/**
 * The handover a book file was made for, when the file is a handover backup: the live handover
 * written when it was made, which no computer has loaded yet and whose checksum is still empty
 * (the file cannot hold its own). The outgoing computer's later backups hold the same row with
 * its checksum filled in, so restoring one of them is never taken for receiving the books.
 */
export function pendingHandover(book: Pick<BookTables, 'handovers'>): Handover | null {
  const open = (book.handovers ?? []).filter((h) => h.deleted === 0 && h.receivedAt === '' && h.checksum === '');
  return open.sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id))[0] ?? null;
}

/** The handovers of a book, newest first, as 设置 → 换届交接 lists them. */
export function handoverHistory(rows: readonly Handover[]): Handover[] {
  return rows.filter((h) => h.deleted === 0).sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id));
}
