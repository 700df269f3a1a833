import type { Fen } from '../model/records';

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

/**
 * Amount in Chinese capitals as receipts write it (大写金额): 120000 → 壹仟贰佰元整,
 * 1250 → 壹拾贰元伍角整, 100005 → 壹仟元零伍分.
 */
export function toChineseCapitals(fen: Fen): string {
  if (!Number.isSafeInteger(fen)) throw new Error('金额必须是整数分');
  if (fen < 0) return `负${toChineseCapitals(-fen)}`;
  if (fen === 0) return '零元整';
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor((fen % 100) / 10);
  const fenDigit = fen % 10;
  let text = yuan > 0 ? `${integerCapitals(yuan)}元` : '';
  if (jiao === 0 && fenDigit === 0) return `${text}整`;
  if (jiao > 0) {
    text += `${DIGITS[jiao]}角`;
  } else if (yuan > 0) {
    text += '零';
  }
  if (fenDigit > 0) text += `${DIGITS[fenDigit]}分`;
  else text += '整';
  return text;
}

function integerCapitals(n: number): string {
  const groups: number[] = [];
  let rest = n;
  while (rest > 0) {
    groups.push(rest % 10000);
    rest = Math.floor(rest / 10000);
  }
  let out = '';
  let pendingZero = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const group = groups[g] ?? 0;
    if (group === 0) {
      pendingZero = out.length > 0;
      continue;
    }
    if (pendingZero || (out.length > 0 && group < 1000)) out += '零';
    out += groupCapitals(group) + BIG_UNITS[g];
    pendingZero = false;
  }
  return out;
}

function groupCapitals(group: number): string {
  let out = '';
  let zero = false;
  for (let pos = 3; pos >= 0; pos--) {
    const d = Math.floor(group / 10 ** pos) % 10;
    if (d === 0) {
      zero = out.length > 0;
      continue;
    }
    if (zero) out += '零';
    out += DIGITS[d] + (SMALL_UNITS[pos] ?? '');
    zero = false;
  }
  return out;
}
