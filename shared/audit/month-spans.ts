import type { IsoMonth } from '../model/records';

const next = (m: IsoMonth): IsoMonth => {
  const y = Number(m.slice(0, 4));
  const n = Number(m.slice(5, 7));
  return n === 12 ? `${y + 1}-01` : `${y}-${String(n + 1).padStart(2, '0')}`;
};

const label = (m: IsoMonth, year: boolean) =>
  year ? `${Number(m.slice(0, 4))}年${Number(m.slice(5, 7))}月` : `${Number(m.slice(5, 7))}月`;

/** Months as people list them: runs joined (2025年1月至6月、2025年9月), each run naming its year once. */
export function monthSpans(months: readonly IsoMonth[]): string {
  const sorted = [...new Set(months)].sort();
  const runs: [IsoMonth, IsoMonth][] = [];
  for (const m of sorted) {
    const last = runs[runs.length - 1];
    if (last && next(last[1]) === m) last[1] = m;
    else runs.push([m, m]);
  }
  return runs.map(([a, b]) => (a === b ? label(a, true) : `${label(a, true)}至${label(b, a.slice(0, 4) !== b.slice(0, 4))}`)).join('、');
}
