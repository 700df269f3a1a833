import { BookError } from '../../../shared/engine/errors';
import type { MemoryStore } from '../../../shared/engine/memory-store';
import type { Transaction } from '../../../shared/model/records';

/** The live entry with that voucher number; numbers run per year, so a number used in two years needs --year. */
export async function entryByVoucher(store: MemoryStore, voucher: string, year: string | undefined): Promise<Transaction> {
  const hits = (await store.all('transactions')).filter(
    (t) => t.deleted === 0 && t.voucherNumber === voucher && (!year || t.date.startsWith(`${year}-`)),
  );
  if (hits.length === 0) throw new BookError(`找不到凭证 ${voucher}${year ? `（${year}年）` : ''}`);
  const years = [...new Set(hits.map((t) => t.date.slice(0, 4)))];
  if (years.length > 1) throw new BookError(`凭证号 ${voucher} 在 ${years.join('、')} 年都有，请用 --year 指明年度`);
  return hits[0]!;
}
