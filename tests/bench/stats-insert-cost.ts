// `npx tsx tests/bench/stats-insert-cost.ts [ROUNDS=5] [ROWS=5000]`: the CPU one first-sync push of the large
// demo book's rows takes on PGlite (one INSERT of ROWS rows of one table into `rows`, as the server's
// new-records path writes them) with the kept statistics' triggers disabled, with trigger functions that
// return at once, with migration 19's functions (tests/fixtures/sync/stats-functions-19.sql) and with the
// current ones. In-process CPU (process.cpuUsage, which counts the database's thread), not the clock,
// so the load of other work on the machine moves it less; the sides alternate in each round, the order
// reversed every other round, and the minimum and median of the rounds are printed with the load.
// Membership events are pushed after their union's members, as a first sync sends them; each push goes
// to a union of its own, after a small push of the same kind that leaves the functions' plans cached.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { openPglite, type Database } from '../../server/sync/db';
import { migrate } from '../../server/sync/migrations';
import { STATS_MEMBERS_READ_ONCE_MIGRATION } from '../../server/sync/stats-maintenance';
import type { WireChange } from '../../shared/sync/protocol';
import { fixturePath } from '../fixtures/path';
import { bookChanges, largeBook } from './sync-book';

const rounds = Number(process.argv[2]) || 5;
const rowsPerPush = Number(process.argv[3]) || 5000;
const SIDES = ['off', 'empty', 'migration 19', 'current'] as const;
type Side = (typeof SIDES)[number];
const KINDS = ['duesPayments', 'transactions', 'members', 'memberships'] as const;

const changes = bookChanges(largeBook(), 'bench');
const byTable = new Map<string, WireChange[]>();
for (const c of changes) {
  if (!byTable.has(c.table)) byTable.set(c.table, []);
  byTable.get(c.table)!.push(c);
}
const members = byTable.get('members')!;

const db: Database = await openPglite(undefined, { statementTimeoutMs: 0 });
await migrate(db);
const fixture19 = readFileSync(fixturePath('sync/stats-functions-19.sql'), 'utf8').split('-- next function');
const EMPTY = ['stat_rows_inserted', 'stat_rows_updated', 'stat_rows_deleted'].map(
  (name) => `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $body$BEGIN RETURN NULL; END$body$`,
);
async function use(side: Side): Promise<void> {
  await db.query(`ALTER TABLE rows ${side === 'off' ? 'DISABLE' : 'ENABLE'} TRIGGER USER`);
  const functions = side === 'empty' ? EMPTY : side === 'migration 19' ? fixture19 : STATS_MEMBERS_READ_ONCE_MIGRATION;
  for (const statement of functions) await db.query(statement);
}

/** One INSERT of the changes as the server stores a first sync's rows (one clock per row). */
const push = (unionKey: number, rows: WireChange[]) =>
  db.query(
    `INSERT INTO rows (union_key, tbl, row_id, data, field_clocks, seq)
     SELECT $1, tbl, row_id, data, field_clocks, n FROM json_to_recordset($2::json) AS r(tbl text, row_id text, data json, field_clocks json, n bigint)`,
    [
      unionKey,
      JSON.stringify(rows.map((c, n) => ({ tbl: c.table, row_id: c.rowId, data: c.fields, field_clocks: { '*': c.hlc }, n: n + 1 }))),
    ],
  );

let unionKey = 1000;
/** A union holding `rows` of `kind`; its membership events come after its members, as in a first sync. Answers the CPU of the last push (ms). */
async function pushKind(kind: (typeof KINDS)[number], count: number): Promise<number> {
  const key = unionKey++;
  let rows = byTable.get(kind)!.slice(0, count);
  if (kind === 'memberships') {
    const some = new Set(members.slice(0, count).map((m) => m.rowId));
    rows = byTable
      .get(kind)!
      .filter((e) => some.has(String(e.fields.memberId)))
      .slice(0, count);
    await push(key, members.slice(0, count));
  }
  const start = process.cpuUsage();
  await push(key, rows);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const cpu: Record<string, number[]> = {};
for (let round = 1; round <= rounds; round++) {
  const order = round % 2 ? SIDES : [...SIDES].reverse();
  for (const side of order)
    for (const kind of KINDS) {
      await use(side);
      await pushKind(kind, 100);
      const ms = await pushKind(kind, rowsPerPush);
      (cpu[`${kind}, ${side}`] ??= []).push(ms);
      console.log(`round ${round} ${kind}, ${side}: ${ms.toFixed(1)} ms CPU (load ${loadavg()[0]!.toFixed(2)})`);
    }
}
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
console.log(`\nCPU of one push of ${rowsPerPush} rows (ms), minimum / median of ${rounds} rounds:`);
for (const kind of KINDS)
  console.log(
    `${kind}: ${SIDES.map((side) => {
      const xs = sorted(cpu[`${kind}, ${side}`]!);
      return `${side} ${xs[0]!.toFixed(0)} / ${xs[Math.floor(xs.length / 2)]!.toFixed(0)}`;
    }).join(', ')}`,
  );
await db.close();
