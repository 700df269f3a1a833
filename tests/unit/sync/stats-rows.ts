import type { Database } from '../../../server/sync/db';
import { SeededRandom } from '../../../shared/demo/random';
import type { TableName } from '../../../shared/model/book';
import type { StatsRows } from '../../../shared/sync/stats';

const KINDS = ['join', 'transfer-in', 'transfer-out', 'retire', 'unemployed', 'leave', 'death'];
const STATUSES = ['active', 'retired', 'unemployed', 'transferred-out', 'left', 'deceased'];
const ACCOUNTS = ['401', '402', '40301', '408', '50102', '50105', '504', '101', '102', '221'];

/**
 * One union's rows, drawn at random: members with and without a history, several events on one
 * day, reversals, transfers, 拨缴 receipts with a payable part, tombstones, and now and then a
 * field of the wrong type. Dates cluster around two statistics periods so their edges are hit.
 */
export function randomUnionRows(seed: number): StatsRows {
  const rnd = new SeededRandom(seed);
  const date = () => {
    const y = rnd.pick([2024, 2025, 2025, 2026]);
    const m = rnd.pick([1, 9, 10, 12, rnd.int(1, 12)]);
    const d = rnd.pick([1, 30, 31, rnd.int(1, 28)]);
    return `${y}-${String(m).padStart(2, '0')}-${String(Math.min(d, m === 9 ? 30 : d)).padStart(2, '0')}`;
  };
  const odd = <T>(value: T, wrong: unknown[]): unknown => (rnd.chance(0.03) ? rnd.pick(wrong) : value);
  const deleted = () => (rnd.chance(0.05) ? 1 : rnd.chance(0.01) ? '0' : 0);
  const rows: StatsRows = { members: [], memberships: [], duesPayments: [], transactions: [] };
  const memberIds: string[] = [];
  const members = rnd.int(5, 40);
  for (let i = 0; i < members; i++) {
    const id = `m${seed}-${String(i).padStart(3, '0')}`;
    memberIds.push(id);
    (rows.members as unknown[]).push({
      id,
      gender: odd(rnd.pick(['男', '女', '']), [1, null, ['女']]),
      isMigrantWorker: odd(rnd.chance(0.3), ['true', null, 0]),
      joinDate: odd(rnd.chance(0.2) ? '' : date(), [null, 20250101]),
      status: odd(rnd.pick(STATUSES), ['gone', 3, null]),
      deleted: deleted(),
    });
    const events = rnd.chance(0.5) ? rnd.int(1, 5) : 0;
    const sameDay = date();
    for (let j = 0; j < events; j++)
      (rows.memberships as unknown[]).push({
        id: `e${seed}-${i}-${rnd.int(0, 99)}-${j}`,
        memberId: odd(rnd.chance(0.9) ? id : `m${seed}-${rnd.int(0, 50)}`, [5, null]),
        kind: odd(rnd.pick(KINDS), ['gone', 1]),
        date: odd(rnd.chance(0.3) ? sameDay : date(), [20250101, null]),
        deleted: deleted(),
      });
  }
  for (let i = rnd.int(0, 40); i > 0; i--)
    (rows.duesPayments as unknown[]).push({
      id: `p${seed}-${i}`,
      memberId: rnd.pick(memberIds),
      amountFen: odd(rnd.chance(0.1) ? -rnd.int(1, 5000) : rnd.int(1, 5000), ['12', 1.5, 1e20, null]),
      paidDate: odd(date(), [null, 20250101]),
      deleted: deleted(),
    });
  for (let i = rnd.int(0, 40); i > 0; i--) {
    const account = odd(rnd.pick(ACCOUNTS), ['999', 401, null]);
    const amount = rnd.int(1, 100_000) * (rnd.chance(0.15) ? -1 : 1);
    (rows.transactions as unknown[]).push({
      id: `t${seed}-${i}`,
      date: odd(date(), [null, 20250101]),
      place: rnd.pick(['cash', 'bank']),
      accountCode: account,
      amountFen: odd(amount, ['100', 0.5, 1e300]),
      ...(account === '402' && rnd.chance(0.6) ? { payableFen: odd(Math.trunc(amount * 0.4), ['x', 2.5]) } : {}),
      deleted: deleted(),
    });
  }
  return rows;
}

/**
 * Rows written straight into the table, as a server stores them (and as a benchmark seeds it), not
 * through the protocol. A row's key is its `id` where that is text and unique, as the server keys synced rows.
 */
export async function storeRows(db: Database, unionId: string, tables: Partial<Record<TableName, readonly unknown[]>>): Promise<void> {
  for (const [tbl, list] of Object.entries(tables)) {
    if (!list?.length) continue;
    const keyed = list.map((v, i) => {
      const id = typeof v === 'object' && v !== null && 'id' in v && typeof v.id === 'string' ? v.id : '';
      return { k: id && list.findIndex((w) => (w as { id?: unknown } | null)?.id === id) === i ? id : `row-${i}`, v };
    });
    await db.query(
      `WITH u AS (UPDATE unions SET last_seq = last_seq + $4 WHERE id = $1 RETURNING key, last_seq - $4 AS base)
       INSERT INTO rows (union_key, tbl, row_id, data, field_clocks, seq)
       SELECT u.key, $2, e.v->>'k', (e.v->'v')::text::json, '{}'::json, u.base + e.i
       FROM u, jsonb_array_elements($3::jsonb) WITH ORDINALITY AS e(v, i)`,
      [unionId, tbl, JSON.stringify(keyed), list.length],
    );
  }
}

/** The rows of the union as the server stores them: what the figures must be computed from. */
export async function storedRows(db: Database, unionId: string): Promise<StatsRows> {
  // As text, parsed here: the drivers hand a stored JSON string back parsed or not, and could not tell "x" from x.
  const rows = await db.query<{ tbl: keyof StatsRows; data: string }>(
    `SELECT r.tbl, r.data::text AS data FROM rows r JOIN unions u ON u.key = r.union_key WHERE u.id = $1 ORDER BY r.tbl, r.row_id`,
    [unionId],
  );
  const out: Record<keyof StatsRows, unknown[]> = { members: [], memberships: [], duesPayments: [], transactions: [] };
  for (const r of rows) out[r.tbl]?.push(JSON.parse(r.data));
  return out;
}
