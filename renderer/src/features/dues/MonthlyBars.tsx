import { formatYuan } from '../../../../shared/money/fen';
import type { Fen } from '../../../../shared/model/records';

/** Dues collected per month as plain SVG bars: twelve bars need no chart library. */
export function MonthlyBars({ totals, year }: { totals: readonly Fen[]; year: number }) {
  const max = Math.max(1, ...totals);
  const width = 960;
  const height = 150;
  const top = 22;
  const bottom = 22;
  const slot = width / 12;
  const barWidth = slot * 0.6;
  const scale = (height - top - bottom) / max;
  return (
    <svg
      role="img"
      aria-label={`${year}年各月会费收缴`}
      viewBox={`0 0 ${width} ${height}`}
      style={{ width: '100%', height: 'auto', maxHeight: 200 }}
    >
      <line x1={0} x2={width} y1={height - bottom} y2={height - bottom} stroke="#d9d9d9" />
      {totals.map((fen, i) => {
        const h = Math.max(0, fen) * scale;
        const x = i * slot + (slot - barWidth) / 2;
        const y = height - bottom - h;
        return (
          <g key={i}>
            <title>{`${i + 1}月：${formatYuan(fen)} 元`}</title>
            <rect x={x} y={y} width={barWidth} height={h} rx={2} fill={fen > 0 ? '#1677ff' : '#f0f0f0'} />
            {fen > 0 && (
              <text x={x + barWidth / 2} y={y - 5} fontSize={10} textAnchor="middle" fill="#595959">
                {Math.round(fen / 100).toLocaleString('zh-CN')}
              </text>
            )}
            <text x={x + barWidth / 2} y={height - 6} fontSize={11} textAnchor="middle" fill="#8c8c8c">
              {i + 1}月
            </text>
          </g>
        );
      })}
    </svg>
  );
}
