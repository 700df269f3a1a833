import type { AgeBand } from '../../../../shared/members/statistics';

const BAR_HEIGHT = 18;
const GAP = 8;
const LABEL_WIDTH = 80;
const WIDTH = 320;

/** Horizontal bars, one per age band; plain SVG so no chart library is needed for five numbers. */
export function AgeBandChart({ bands }: { bands: readonly AgeBand[] }) {
  const max = Math.max(1, ...bands.map((b) => b.count));
  const barSpace = WIDTH - LABEL_WIDTH - 40;
  const height = bands.length * (BAR_HEIGHT + GAP);
  return (
    <svg width={WIDTH} height={height} role="img" aria-label="会员年龄结构" data-testid="age-band-chart">
      {bands.map((b, i) => {
        const y = i * (BAR_HEIGHT + GAP);
        const w = Math.round((b.count / max) * barSpace);
        return (
          <g key={b.label}>
            <text x={LABEL_WIDTH - 6} y={y + BAR_HEIGHT - 4} textAnchor="end" fontSize={12} fill="#555">
              {b.label}
            </text>
            <rect x={LABEL_WIDTH} y={y} width={Math.max(w, b.count > 0 ? 2 : 0)} height={BAR_HEIGHT} rx={3} fill="#c0392b" opacity={0.85} />
            <text x={LABEL_WIDTH + w + 6} y={y + BAR_HEIGHT - 4} fontSize={12} fill="#333">
              {b.count}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
