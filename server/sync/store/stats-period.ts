import type { StatsPeriod } from '../../../shared/sync/stats';
import { MEASURES } from '../stats-maintenance';

/**
 * Which kept sums (stat_decades … stat_days) make up a period's figures, and with what sign.
 *
 * The kept contributions are keyed by the first 3, 4, 7 or all characters of a date string, so each
 * key holds one contiguous run of strings in byte order. "Every string up to a day" is then a sum of
 * key ranges at the four levels, and can be written two ways at each level: the keys before the
 * day's key plus the part of its key up to the day (forward), or the keys up to and with the day's
 * key less the part of its key after the day (complement). Books hold many past rows and almost no
 * future ones, so the cheaper way is picked by counting the keys a range covers between 1950 and
 * today: members at the end of 2025 read the decades up to 202x less the (empty) rest of that decade
 * instead of 3 decades, 5 years and 12 months. A period's flows (joined, dues …) are "up to its last
 * day" less "before its first day"; pieces common to both cancel, so a calendar year reads its year.
 * Every choice sums the same strings, so the figures equal `upwardStats` whichever is taken
 * (tests/unit/sync/stats-sql.test.ts).
 */

const LEVELS = [
  { table: 'stat_decades', key: 'decade', length: 3, unitDays: 3652.5 },
  { table: 'stat_years', key: 'year', length: 4, unitDays: 365.25 },
  { table: 'stat_months', key: 'month', length: 7, unitDays: 30.44 },
  { table: 'stat_days', key: 'day', length: 10, unitDays: 1 },
] as const;

interface Bound {
  value: string;
  inclusive: boolean;
}

/** Kept sums of one level whose key lies between two bounds (either may be open), times `sign`. */
interface Piece {
  level: number;
  lo: Bound | null;
  hi: Bound | null;
  sign: number;
}

/** The first string after every string that starts with `prefix`, byte by byte. */
export const successor = (prefix: string) => prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);

const DAY_MS = 86_400_000;
const FLOOR = Date.UTC(1950, 0, 1) / DAY_MS;

/** A run of digits as a number, read character by character: a successor's ':' counts as 10. */
const digits = (text: string) => [...text].reduce((n, c) => n * 10 + c.charCodeAt(0) - 48, 0);

/** The first day (days since 1970) of the strings at or after a key of 3, 4, 7 or 10 characters of an ISO date or its successor. */
function dayOf(key: string): number {
  const year = key.length === 3 ? digits(key) * 10 : digits(key.slice(0, 4));
  const month = key.length >= 7 ? digits(key.slice(5, 7)) - 1 : 0;
  const day = key.length === 10 ? digits(key.slice(8, 10)) : 1;
  return Date.UTC(year, month, day) / DAY_MS;
}

/** Roughly how many kept rows per union a piece reads: the keys it covers between 1950 and today, and a little for the look-up itself. */
function cost(piece: Piece, today: number): number {
  const start = piece.lo ? dayOf(piece.lo.inclusive ? piece.lo.value : successor(piece.lo.value)) : FLOOR;
  const end = piece.hi ? dayOf(piece.hi.inclusive ? successor(piece.hi.value) : piece.hi.value) : today + 1;
  const covered = Math.max(0, Math.min(end, today + 1) - Math.max(start, FLOOR));
  return 0.2 + covered / LEVELS[piece.level]!.unitDays;
}

interface Way {
  pieces: Piece[];
  cost: number;
}

const negate = (way: Way): Way => ({ pieces: way.pieces.map((p) => ({ ...p, sign: -p.sign })), cost: way.cost });

function cheaper(a: Way, b: Way): Way {
  return a.cost <= b.cost ? a : b;
}

function withPiece(piece: Piece, rest: Way, today: number): Way {
  return { pieces: [piece, ...rest.pieces], cost: cost(piece, today) + rest.cost };
}

/**
 * The strings that start with `x`'s key of level `level − 1` (every string at level 0) and come
 * before `x` (`upTo`: or equal it) — or, with `after`, those of the same group that do not.
 */
function part(x: string, level: number, upTo: boolean, after: boolean, today: number): Way {
  const key = (l: number) => x.slice(0, LEVELS[l]!.length);
  const parentLo: Bound | null = level > 0 ? { value: key(level - 1), inclusive: true } : null;
  const parentHi: Bound | null = level > 0 ? { value: successor(key(level - 1)), inclusive: false } : null;
  if (level === LEVELS.length - 1) {
    const piece: Piece = after
      ? { level, lo: { value: x, inclusive: !upTo }, hi: parentHi, sign: 1 }
      : { level, lo: parentLo, hi: { value: x, inclusive: upTo }, sign: 1 };
    return { pieces: [piece], cost: cost(piece, today) };
  }
  const own = key(level);
  if (!after) {
    const forward = withPiece(
      { level, lo: parentLo, hi: { value: own, inclusive: false }, sign: 1 },
      part(x, level + 1, upTo, false, today),
      today,
    );
    const complement = withPiece(
      { level, lo: parentLo, hi: { value: own, inclusive: true }, sign: 1 },
      negate(part(x, level + 1, upTo, true, today)),
      today,
    );
    return cheaper(forward, complement);
  }
  const forward = withPiece(
    { level, lo: { value: own, inclusive: false }, hi: parentHi, sign: 1 },
    part(x, level + 1, upTo, true, today),
    today,
  );
  const complement = withPiece(
    { level, lo: { value: own, inclusive: true }, hi: parentHi, sign: 1 },
    negate(part(x, level + 1, upTo, false, today)),
    today,
  );
  return cheaper(forward, complement);
}

const pieceKey = (p: Piece) =>
  `${p.level}|${p.lo ? `${p.lo.inclusive ? '[' : '('}${p.lo.value}` : ''}|${p.hi ? `${p.hi.value}${p.hi.inclusive ? ']' : ')'}` : ''}`;

/** A kept-sums read: a piece with the sign of its stock measures (members on the last day) and of its flows (the period's). */
export interface PeriodPiece {
  table: string;
  key: string;
  lo: Bound | null;
  hi: Bound | null;
  stockSign: number;
  flowSign: number;
}

/** The pieces of a period (both days ISO dates), common pieces of its two ends cancelled for the flows. */
export function periodPieces(period: StatsPeriod, today: string = new Date().toISOString().slice(0, 10)): PeriodPiece[] {
  const now = dayOf(today);
  const merged = new Map<string, { piece: Piece; stock: number; flow: number }>();
  const add = (pieces: Piece[], stock: number, flow: number) => {
    for (const p of pieces) {
      const k = pieceKey(p);
      const m = merged.get(k) ?? { piece: p, stock: 0, flow: 0 };
      m.stock += stock * p.sign;
      m.flow += flow * p.sign;
      merged.set(k, m);
    }
  };
  add(part(period.to, 0, true, false, now).pieces, 1, 1);
  add(part(period.from, 0, false, false, now).pieces, 0, -1);
  return [...merged.values()]
    .filter((m) => m.stock !== 0 || m.flow !== 0)
    .map(({ piece, stock, flow }) => ({
      table: LEVELS[piece.level]!.table,
      key: LEVELS[piece.level]!.key,
      lo: piece.lo,
      hi: piece.hi,
      stockSign: stock,
      flowSign: flow,
    }));
}

/** The measures read up to the period's last day; the rest are the period's own. */
const STOCKS = new Set(['members', 'women', 'farmer_workers', 'in_service']);

/**
 * SQL of the period's contributions as rows (`t.union_key`, the extra columns of `select`, every
 * measure already signed), one SELECT per piece joined by UNION ALL. `join` narrows each table `t`
 * to the unions asked for; `p` adds a parameter and answers its placeholder.
 */
export function periodPartsSql(
  period: StatsPeriod,
  p: (value: unknown) => string,
  scope: { join: string; select: string },
  today?: string,
): string {
  return periodPieces(period, today)
    .map((piece) => {
      const where = [
        piece.lo && `t.${piece.key} ${piece.lo.inclusive ? '>=' : '>'} ${p(piece.lo.value)}`,
        piece.hi && `t.${piece.key} ${piece.hi.inclusive ? '<=' : '<'} ${p(piece.hi.value)}`,
      ].filter(Boolean);
      const measures = MEASURES.map((m) => {
        const sign = STOCKS.has(m) ? piece.stockSign : piece.flowSign;
        return sign === 0 ? `0 AS ${m}` : `${sign} * t.${m} AS ${m}`;
      });
      return `SELECT t.union_key, ${scope.select}, ${measures.join(', ')} FROM ${piece.table} t ${scope.join}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
    })
    .join(' UNION ALL ');
}
