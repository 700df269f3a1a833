import { toChineseCapitals } from '../money/capitals';
import { formatWanYuan, formatYuan } from '../money/fen';
import { moneyText, type MoneyUnit } from './money-text';
import { quoted } from './punctuation';

/**
 * Liquid filters for the figures of Chinese reports. Money arrives as integer fen, ratios as
 * fractions; each filter returns the text a report prints.
 */
export const CHINESE_FILTERS = {
  /** Running text: 1729000 → 17.29万元, 60000 → 600元, 36465 → 364.65元; `money: "元"` forces 元. */
  money: (fen: unknown, unit: unknown = '') => moneyText(toFen(fen), unitOf(unit)),
  /** 123456 → 1,234.56元 (ledger style: for tables and receipts, not running text) */
  yuan: (fen: unknown) => `${formatYuan(toFen(fen))}元`,
  /** 123456 → 1,234.56 (for table cells that state the unit in the header) */
  yuan_number: (fen: unknown) => formatYuan(toFen(fen)),
  /** 12345678 → 12.35万元 */
  wan_yuan: (fen: unknown) => `${formatWanYuan(toFen(fen))}万元`,
  /** 120000 → 壹仟贰佰元整 */
  capitals: (fen: unknown) => toChineseCapitals(toFen(fen)),
  /** 2025-12-31 → 2025年12月31日; 2025-12 → 2025年12月 */
  cn_date: (value: unknown) => chineseDate(String(value ?? '')),
  /** 2025-12-18 → 12月18日 (the year is clear from the text around it) */
  cn_day: (value: unknown) => chineseDate(String(value ?? '')).replace(/^\d{4}年/, ''),
  /** 2025-12-18 → 12月 */
  cn_month: (value: unknown) => chineseDate(String(value ?? '').slice(0, 7)).replace(/^\d{4}年/, ''),
  /** 0.9355 → 93.6% (digits after the point, default 1) */
  percent: (ratio: unknown, digits: unknown = 1) => `${(Number(ratio) * 100).toFixed(clampDigits(digits))}%`,
  persons: (n: unknown) => `${countText(n)}人`,
  person_times: (n: unknown) => `${countText(n)}人次`,
  times: (n: unknown) => `${countText(n)}次`,
  /** A title in quotation marks, quotes inside it nested: 安康杯 → “安康杯”; “安康杯”竞赛 → “‘安康杯’竞赛” */
  quoted: (title: unknown) => quoted(String(title ?? '')),
  /** Titles in quotation marks with no 顿号 between them (GB/T 15834): “A”“B”“C”; `quote_list: 3` names at most three. */
  quote_list: (titles: unknown, limit: unknown = 0) => {
    const list = [...new Set(asStrings(titles))];
    const n = Number(limit) > 0 ? Number(limit) : list.length;
    return list
      .slice(0, n)
      .map((t) => quoted(t))
      .join('');
  },
  /** Plain items as Chinese lists them: A、B和C. */
  join_cn: (items: unknown) => {
    const list = asStrings(items).filter((s) => s !== '');
    if (list.length <= 1) return list.join('');
    return `${list.slice(0, -1).join('、')}和${list[list.length - 1]}`;
  },
  /** This year against last year's same span: 同比增长12.5% / 同比下降3.0% / 与上年同期持平. */
  yoy: (current: unknown, previous: unknown) => {
    const cur = Number(current);
    const prev = Number(previous);
    if (!Number.isFinite(cur) || !Number.isFinite(prev) || prev <= 0) return '';
    const change = Math.round(((cur - prev) / prev) * 1000) / 10;
    if (change === 0) return '与上年同期持平';
    return `同比${change > 0 ? '增长' : '下降'}${Math.abs(change).toFixed(1)}%`;
  },
  /** Text a person typed: each line becomes its own paragraph. */
  paragraphs: (text: unknown) => lines(text).join('\n\n'),
  /** Each line its own paragraph, numbered 1. 2. … when there are several (GB/T 9704 third level). */
  numbered: (text: unknown) => {
    const list = lines(text);
    if (list.length <= 1) return list.join('');
    return list.map((l, i) => `${i + 1}.${l.replace(/^\d+\s*[.．、]\s*/, '')}`).join('\n\n');
  },
  /** A clause to go on with: the closing 。 (or ；，) of what a person typed taken off. */
  clause: (text: unknown) =>
    String(text ?? '')
      .trim()
      .replace(/[。；;，,.]+$/, ''),
  /** A sentence ends with 。 (or its own ！？); text a person typed often does not. */
  sentence: (text: unknown) => {
    const t = String(text ?? '').trim();
    if (t === '') return '';
    return /[。！？]$/.test(t) ? t : `${t.replace(/[，,；;、.]$/, '')}。`;
  },
  /** A number with a unit of your choice: {{ activities.photoCount | unit: "张" }} */
  unit: (n: unknown, unit: unknown = '') => `${countText(n)}${String(unit)}`,
} satisfies Record<string, (...args: never[]) => string>;

export type FilterName = keyof typeof CHINESE_FILTERS;

/** What each filter does, for the template editor's palette. */
export const FILTER_HELP: Record<FilterName, string> = {
  money: '正文金额：17.29万元、600元（money: "元" 用元）',
  yuan: '账表金额（元，两位小数，千分位）：1,234.56元',
  yuan_number: '金额数字（不带“元”，用于表格）：1,234.56',
  wan_yuan: '金额（万元）：12.35万元',
  capitals: '大写金额：壹仟贰佰元整',
  cn_date: '中文日期：2025年12月31日',
  cn_day: '月日：12月18日',
  cn_month: '月份：12月',
  percent: '百分比：93.6%（percent: 2 保留两位）',
  persons: '人数：120人',
  person_times: '人次：350人次',
  times: '次数：12次',
  quoted: '加引号的名称：“安康杯”（名称里的引号自动改为单引号）',
  quote_list: '一组加引号的名称，中间不加顿号：“A”“B”（quote_list: 3 最多列三个）',
  join_cn: '并列的词：A、B和C',
  yoy: '同比：{{ 今年 | yoy: 上年 }} → 同比增长12.5%',
  paragraphs: '把填写的多行文字分成段落',
  numbered: '多行文字分段并编号：1. 2. …',
  sentence: '保证以句号结尾',
  clause: '去掉结尾的句号，便于接着写',
  unit: '带单位的数：unit: "张"',
};

function lines(text: unknown): string[] {
  return String(text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim().replace(/^(?:[#|]+|:::)\s*/, ''))
    .filter((l) => l !== '');
}

function toFen(value: unknown): number {
  const n = Number(value);
  if (!Number.isFinite(n)) return 0;
  return Math.round(n);
}

function unitOf(value: unknown): MoneyUnit | undefined {
  return value === '元' || value === '万元' ? value : undefined;
}

function asStrings(value: unknown): string[] {
  if (!Array.isArray(value)) return value === undefined || value === null || value === '' ? [] : [String(value)];
  return value.map((v) => String(v ?? ''));
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
