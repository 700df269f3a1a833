import type { Fen } from '../model/records';

/**
 * Money is integer fen. These helpers are the only place where yuan strings and fen meet, so a
 * float never reaches a stored amount.
 */
export function assertFen(value: number): Fen {
  if (!Number.isSafeInteger(value)) throw new Error(`金额必须是整数分：${value}`);
  return value;
}

/** Parses a yuan amount as typed or read from a spreadsheet ("1,234.5", "1234.56元", 1234.5). Null when it is not an amount. */
export function parseYuan(input: string | number): Fen | null {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return null;
    return Math.round(input * 100);
  }
  const text = input.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[,，\s元¥￥]/g, '');
  if (!/^-?\d+(\.\d{0,2})?$/.test(text)) return null;
  const negative = text.startsWith('-');
  const [whole = '0', frac = ''] = text.replace('-', '').split('.');
  const fen = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return negative ? -fen : fen;
}

/** 123456 → "1,234.56" (yuan with two decimals, as reports write amounts). */
export function formatYuan(fen: Fen, options: { grouping?: boolean } = {}): string {
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  // Grouped by hand: the first toLocaleString of a page loads the browser's number formatting, a
  // cost that showed on 概览's first screen.
  const wholeText = options.grouping === false ? String(whole) : String(whole).replace(/\B(?=(\d{3})+$)/g, ',');
  return `${negative ? '-' : ''}${wholeText}.${cents}`;
}

/** 1234567 → "1.23" (万元, two decimals, rounded half up). */
export function formatWanYuan(fen: Fen): string {
  const tenThousandths = Math.round(fen / 10000);
  return formatYuan(tenThousandths, { grouping: true });
}

export function sumFen(values: Iterable<Fen>): Fen {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
