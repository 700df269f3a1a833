import { formatYuan } from '../../../../shared/money/fen';

/** Amount cell text: blank for zero so the income and spending columns read like a hand-kept journal. */
export const amountText = (fen: number): string => (fen === 0 ? '' : formatYuan(fen));

export { todayIso } from '../../../../shared/clock/today';
export { userMessage as errorText } from '../../components/user-message';
