import { describe, expect, it } from 'vitest';
import { periodPieces } from '../../../server/sync/store/stats-period';

const LENGTH = { stat_decades: 3, stat_years: 4, stat_months: 7, stat_days: Infinity } as Record<string, number>;

/** A small deterministic generator, so a failure names its seed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const isoDay = (r: () => number) =>
  `${1950 + Math.floor(r() * 80)}-${pad(1 + Math.floor(r() * 12), 2)}-${pad(1 + Math.floor(r() * 28 + (r() < 0.2 ? 3 : 0)), 2)}`;

// Date fields hold any string: the odd ones sit next to the edges of every key length.
const ODD = [
  '',
  '2',
  '20',
  '202',
  '2025',
  '2025-',
  '2025-1',
  '2025-12',
  '2025-12-3',
  '2025-12-31x',
  '2025-13-01',
  '2025-00-00',
  '2024-10',
  '2024-09-31',
  '9999-99-99',
  '2025-12-32',
  '2026',
];

describe('the kept sums a period reads', () => {
  it('cover each date string exactly once, whichever way is cheaper on any day', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const r = random(seed);
      const strings = [...ODD, ...Array.from({ length: 60 }, () => isoDay(r))];
      const a = isoDay(r);
      const b = r() < 0.3 ? a : isoDay(r);
      const period = a <= b ? { from: a, to: b } : { from: b, to: a };
      const today = isoDay(r);
      const pieces = periodPieces(period, today);
      const sum = (which: 'stockSign' | 'flowSign', s: string) =>
        pieces.reduce((total, p) => {
          const key = s.slice(0, LENGTH[p.table]);
          const inLo = !p.lo || (p.lo.inclusive ? key >= p.lo.value : key > p.lo.value);
          const inHi = !p.hi || (p.hi.inclusive ? key <= p.hi.value : key < p.hi.value);
          return total + (inLo && inHi ? p[which] : 0);
        }, 0);
      for (const s of strings) {
        const context = `seed ${seed}, ${period.from}…${period.to}, today ${today}, date "${s}"`;
        expect(sum('stockSign', s), context).toBe(s <= period.to ? 1 : 0);
        expect(sum('flowSign', s), context).toBe(s >= period.from && s <= period.to ? 1 : 0);
      }
    }
  });

  it('read a calendar year from its year and the members on its last day from the decades', () => {
    const pieces = periodPieces({ from: '2025-01-01', to: '2025-12-31' }, '2026-03-01');
    const flows = pieces.filter((p) => p.flowSign !== 0 && (p.table === 'stat_months' || p.table === 'stat_days'));
    // Only the (empty for well-formed dates) edges of the year are read below it.
    expect(flows.every((p) => !(p.lo?.value === '2025-01' && p.hi?.value === '2025-12'))).toBe(true);
    expect(pieces.some((p) => p.table === 'stat_years' && p.flowSign !== 0)).toBe(true);
    expect(pieces.filter((p) => p.stockSign !== 0).map((p) => p.table)).toContain('stat_decades');
  });
});
