import type { Fen } from '../model/records';

/**
 * Money as running text writes it (the seeds: 502万元, 9.3万元, 每人500元): 万元 from ten thousand
 * yuan up, with at most two decimals; 元 below, without thousands separators and without ".00".
 * Ledger style (172,885.65元) belongs in tables.
 */
export type MoneyUnit = '万元' | '元';

const FEN_PER_WAN = 1_000_000;

/** Whole hundredths of 万元 (100 元 each), rounded half away from zero. */
export function wanHundredths(fen: Fen): number {
  return Math.sign(fen) * Math.round(Math.abs(fen) / 10_000);
}

export function unitFor(fen: Fen): MoneyUnit {
  return Math.abs(fen) >= FEN_PER_WAN ? '万元' : '元';
}

export function moneyText(fen: Fen, unit: MoneyUnit = unitFor(fen)): string {
  return unit === '万元' ? `${wanNumber(fen)}万元` : `${yuanNumber(fen)}元`;
}

function wanNumber(fen: Fen): string {
  const h = wanHundredths(fen);
  const sign = h < 0 ? '-' : '';
  const abs = Math.abs(h);
  const whole = Math.floor(abs / 100);
  const frac = String(abs % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${sign}${whole}${frac ? `.${frac}` : ''}`;
}

function yuanNumber(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100);
  const cents = abs % 100;
  return `${sign}${whole}${cents === 0 ? '' : `.${String(cents).padStart(2, '0')}`}`;
}

/** What a reader takes a figure in running text to be, in fen: 万元 to the hundred yuan, 元 exactly. */
export function shownFen(fen: Fen): Fen {
  return unitFor(fen) === '万元' ? wanHundredths(fen) * 10_000 : fen;
}

/**
 * Whether figures as running text shows them still add up: `parts` (signed) against `total`. When they
 * do not, a document says so in the words statistical bulletins use, instead of printing a sum that
 * does not hold.
 */
export function shownSumHolds(parts: readonly Fen[], total: Fen): boolean {
  return parts.reduce((s, p) => s + Math.sign(p) * shownFen(Math.abs(p)), 0) === shownFen(total);
}
