import { formatYuan } from '../../../../shared/money/fen';

/** Amount cell text: blank for zero so the income and spending columns read like a hand-kept journal. */
export const amountText = (fen: number): string => (fen === 0 ? '' : formatYuan(fen));

export const todayIso = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
