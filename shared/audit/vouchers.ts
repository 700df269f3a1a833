import type { IsoDate, Transaction } from '../model/records';

/** The vouchers of a period as the 经审委员会 counts them: how many, first and last number, and the gaps. */
export interface VoucherRange {
  /** Live entries dated in the period: one voucher each. */
  count: number;
  /** Lowest and highest 记-NNN among them ('' when none). */
  first: string;
  last: string;
  /** Numbers between the first and the last that no live entry carries, with what became of them. */
  missing: { number: string; deleted: boolean }[];
  /** Numbers carried by more than one live entry. */
  duplicates: string[];
  /** Live entries without a 记-NNN number. */
  unnumbered: number;
}

const NUMBER = /^记-(\d+)$/;
const numberOf = (n: number) => `记-${String(n).padStart(3, '0')}`;

/** Voucher numbers run per year (记-001 …), so a period is read within one year. */
export function voucherRange(transactions: readonly Transaction[], from: IsoDate, to: IsoDate): VoucherRange {
  const inRange = transactions.filter((t) => t.date >= from && t.date <= to);
  const liveOnes = inRange.filter((t) => t.deleted === 0);
  const seen = new Map<number, number>();
  let unnumbered = 0;
  for (const t of liveOnes) {
    const m = NUMBER.exec(t.voucherNumber);
    if (!m) unnumbered++;
    else seen.set(Number(m[1]), (seen.get(Number(m[1])) ?? 0) + 1);
  }
  const deletedNumbers = new Set(inRange.filter((t) => t.deleted !== 0).map((t) => t.voucherNumber));
  const used = [...seen.keys()].sort((a, b) => a - b);
  const lo = used[0];
  const hi = used[used.length - 1];
  const missing: VoucherRange['missing'] = [];
  if (lo !== undefined && hi !== undefined)
    for (let n = Math.min(lo, 1); n <= hi; n++)
      if (!seen.has(n)) missing.push({ number: numberOf(n), deleted: deletedNumbers.has(numberOf(n)) });
  return {
    count: liveOnes.length,
    first: lo === undefined ? '' : numberOf(lo),
    last: hi === undefined ? '' : numberOf(hi),
    missing,
    duplicates: used.filter((n) => (seen.get(n) ?? 0) > 1).map(numberOf),
    unnumbered,
  };
}
