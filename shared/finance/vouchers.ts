/** Voucher numbers run per year: 记-001, 记-002 … The next one follows the highest used in that year. */
export function nextVoucherNumber(usedInYear: readonly string[]): string {
  let max = 0;
  for (const v of usedInYear) {
    const m = /^记-(\d+)$/.exec(v);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `记-${String(max + 1).padStart(3, '0')}`;
}
