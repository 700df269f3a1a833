import { toChineseCapitals } from '../money/capitals';
import { formatWanYuan, formatYuan } from '../money/fen';

/**
 * Liquid filters for the figures of Chinese reports. Money arrives as integer fen, ratios as
 * fractions; each filter returns the text a report prints.
 */
export const CHINESE_FILTERS = {
  /** 123456 → 1,234.56元 */
  yuan: (fen: unknown) => `${formatYuan(toFen(fen))}元`,
  /** 123456 → 1,234.56 (for table cells that state the unit in the header) */
  yuan_number: (fen: unknown) => formatYuan(toFen(fen)),
  /** 12345678 → 12.35万元 */
  wan_yuan: (fen: unknown) => `${formatWanYuan(toFen(fen))}万元`,
  /** 120000 → 壹仟贰佰元整 */
  capitals: (fen: unknown) => toChineseCapitals(toFen(fen)),
  /** 2025-12-31 → 2025年12月31日; 2025-12 → 2025年12月 */
  cn_date: (value: unknown) => chineseDate(String(value ?? '')),
  /** 0.9355 → 93.6% (digits after the point, default 1) */
  percent: (ratio: unknown, digits: unknown = 1) => `${(Number(ratio) * 100).toFixed(clampDigits(digits))}%`,
  persons: (n: unknown) => `${countText(n)}人`,
  person_times: (n: unknown) => `${countText(n)}人次`,
  times: (n: unknown) => `${countText(n)}次`,
  /** Text a person typed: each line becomes its own paragraph. */
  paragraphs: (text: unknown) =>
    String(text ?? '')
      .split(/\r?\n/)
      .map((l) => l.trim().replace(/^(?:[#|]+|:::)\s*/, ''))
      .filter((l) => l !== '')
      .join('\n\n'),
  /** A number with a unit of your choice: {{ activities.photoCount | unit: "张" }} */
  unit: (n: unknown, unit: unknown = '') => `${countText(n)}${String(unit)}`,
} satisfies Record<string, (...args: never[]) => string>;

export type FilterName = keyof typeof CHINESE_FILTERS;

/** What each filter does, for the template editor's palette. */
export const FILTER_HELP: Record<FilterName, string> = {
  yuan: '金额（元，两位小数）：1,234.56元',
  yuan_number: '金额数字（不带“元”，用于表格）：1,234.56',
  wan_yuan: '金额（万元）：12.35万元',
  capitals: '大写金额：壹仟贰佰元整',
  cn_date: '中文日期：2025年12月31日',
  percent: '百分比：93.6%（percent: 2 保留两位）',
  persons: '人数：120人',
  person_times: '人次：350人次',
  times: '次数：12次',
  paragraphs: '把填写的多行文字分成段落',
  unit: '带单位的数：unit: "张"',
};

function toFen(value: unknown): number {
  const n = Number(value);
  if (!Number.isFinite(n)) return 0;
  return Math.round(n);
}

function countText(value: unknown): string {
  const n = Number(value);
  return Number.isFinite(n) ? String(Math.round(n)) : '0';
}

function clampDigits(value: unknown): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= 4 ? n : 1;
}

function chineseDate(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!m) return iso;
  let out = `${m[1]}年`;
  if (m[2]) out += `${Number(m[2])}月`;
  if (m[3]) out += `${Number(m[3])}日`;
  return out;
}
