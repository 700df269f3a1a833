import { formatYuan } from '../../money/fen';
import type { Fen } from '../../model/records';

/** 1 亿元: a grassroots union never books more in one entry; above it, the user must confirm. */
export const LARGE_AMOUNT_FEN = 10_000_000_000;
/** A monthly wage base above 100 万元 is a typing error, not a wage. */
export const MAX_WAGE_BASE_FEN = 100_000_000;

export interface AmountOptions {
  /** The user confirmed an amount above 1 亿元. */
  confirmLarge?: boolean;
}

/**
 * Why an amount typed for `label` cannot be booked, or null: it must be a positive whole number of
 * fen, and above 1 亿元 only with an explicit confirmation. Corrections of booked amounts are
 * reversals, never negative entries.
 */
export function positiveAmountProblem(label: string, fen: Fen | null, options: AmountOptions = {}): string | null {
  if (fen === null || !Number.isSafeInteger(fen)) return `${label}：请填写金额（元，最多两位小数）`;
  if (fen <= 0) return `${label}：必须大于 0；更正已记的金额请用红字冲销`;
  if (fen > LARGE_AMOUNT_FEN && !options.confirmLarge) return `${label}：${formatYuan(fen)} 元超过 1 亿元，请核对；确实无误请确认后再保存`;
  return null;
}

/** Like positiveAmountProblem, but 0 is allowed (a visit with goods of no recorded value, an unused budget line). */
export function nonNegativeAmountProblem(label: string, fen: Fen | null, options: AmountOptions = {}): string | null {
  if (fen === 0) return null;
  return positiveAmountProblem(label, fen, options);
}

export function wageBaseProblem(fen: Fen | null): string | null {
  if (fen === null || !Number.isSafeInteger(fen) || fen < 0) return '月工资基数：请填写不小于 0 的金额（元，最多两位小数）';
  if (fen > MAX_WAGE_BASE_FEN) return `月工资基数：${formatYuan(fen)} 元超过 100 万元，请核对（应填写月工资，不是年收入或以分计的数）`;
  return null;
}
