import type { CSSProperties } from 'react';
import { formatYuan } from '../../../../shared/money/fen';

/** One object for every negative figure: the journal draws thousands of amounts while it scrolls. */
const RED_INK: CSSProperties = { color: '#cf1322' };

/**
 * An amount in yuan; negative figures in red, as 红字 is read in Chinese bookkeeping. Any other is
 * plain text, with no element of its own: the journal draws a few of them in each new row.
 */
export function Money({ fen }: { fen: number }) {
  return fen < 0 ? <span style={RED_INK}>{formatYuan(fen)}</span> : formatYuan(fen);
}
