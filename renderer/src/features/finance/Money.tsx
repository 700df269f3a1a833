import { formatYuan } from '../../../../shared/money/fen';

/** An amount in yuan; negative figures in red, as 红字 is read in Chinese bookkeeping. */
export function Money({ fen }: { fen: number }) {
  return <span style={fen < 0 ? { color: '#cf1322' } : undefined}>{formatYuan(fen)}</span>;
}
