import type { CSSProperties } from 'react';
import { formatYuan } from '../../../../shared/money/fen';

/** One object for every negative figure: the journal draws thousands of amounts while it scrolls. */
const RED_INK: CSSProperties = { color: '#cf1322' };

/** An amount in yuan; negative figures in red, as 红字 is read in Chinese bookkeeping. */
export function Money({ fen }: { fen: number }) {
  return <span style={fen < 0 ? RED_INK : undefined}>{formatYuan(fen)}</span>;
}
