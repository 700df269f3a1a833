// `TEST_DATABASE_URL=postgres://… npx tsx tests/bench/stats-member-path.ts [ROUNDS=5]`: the time inside the kept
// statistics' trigger functions on PostgreSQL (track_functions = all, pg_stat_xact_user_functions) for one INSERT
// of 5,000 valid members, then of 5,000 membership events of them, then of 5,000 dues payments, each into a union
// of its own after a small push of each kind (the functions' plans cached), with migration 19's functions
// (tests/fixtures/sync/stats-functions-19.sql) and the current ones alternating, the order reversed every other
// round. It drops and creates the database `<name>_member_path` beside the one in the URL.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import pg from 'pg';
import { openPostgres } from '../../server/sync/db';
import { migrate } from '../../server/sync/migrations';
import { STATS_MEMBERS_READ_ONCE_MIGRATION } from '../../server/sync/stats-maintenance';
import { fixturePath } from '../fixtures/path';

const url = new URL(process.env.TEST_DATABASE_URL ?? '');
const rounds = Number(process.argv[2]) || 5;
const name = `${url.pathname.slice(1)}_member_path`;
const admin = new pg.Client({ connectionString: url.toString() });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${name}`);
await admin.query(`CREATE DATABASE ${name}`);
await admin.end();
url.pathname = `/${name}`;
url.searchParams.set('options', '-c track_functions=all');
const db = await openPostgres(url.toString(), 1);
await migrate(db);
const fixture19 = readFileSync(fixturePath('sync/stats-functions-19.sql'), 'utf8').split('-- next function');

type Row = { tbl: string; row_id: string; data: unknown };
const N = 5000;
const members: Row[] = Array.from({ length: N }, (_, k) => ({
  tbl: 'members',
  row_id: `m${k}`,
  data: {
    id: `m${k}`,
    name: `会员${k}`,
    phone: '13900000000',
    status: 'active',
    gender: k % 2 ? '女' : '男',
    isMigrantWorker: k % 3 === 0,
    joinDate: '2019-03-01',
    deleted: 0,
  },
}));
const events: Row[] = Array.from({ length: N }, (_, k) => ({
  tbl: 'memberships',
  row_id: `e${k}`,
  data: { id: `e${k}`, memberId: `m${k}`, kind: k % 10 ? 'join' : 'transfer-in', date: '2019-03-01', deleted: 0 },
}));
const dues: Row[] = Array.from({ length: N }, (_, k) => ({
  tbl: 'duesPayments',
  row_id: `p${k}`,
  data: { id: `p${k}`, memberId: `m${k}`, paidDate: '2025-03-15', amountFen: 1000 + k, deleted: 0 },
}));
const INSERT = `INSERT INTO rows (union_key, tbl, row_id, data, field_clocks, seq)
  SELECT $1, tbl, row_id, data, '{}', n FROM json_to_recordset($2::json) AS r(tbl text, row_id text, data json, n bigint)`;
const param = (rows: Row[]) => JSON.stringify(rows.map((r, n) => ({ ...r, n: n + 1 })));

let key = 1;
const inside: Record<string, number[]> = {};
for (let round = 1; round <= rounds; round++)
  for (const side of round % 2 ? ['migration 19', 'current'] : ['current', 'migration 19']) {
    for (const statement of side === 'current' ? STATS_MEMBERS_READ_ONCE_MIGRATION : fixture19) await db.query(statement);
    const k = key++;
    for (const rows of [members, events, dues]) await db.query(INSERT, [100_000 + k, param(rows.slice(0, 50))]);
    for (const [kind, rows] of [
      ['members', members],
      ['events', events],
      ['dues payments', dues],
    ] as const) {
      const ms = await db.tx(async (q) => {
        await q.query(INSERT, [k, param(rows)]);
        const [row] = await q.query<{ ms: unknown }>(
          `SELECT coalesce(sum(total_time), 0) AS ms FROM pg_stat_xact_user_functions WHERE funcname LIKE 'stat_rows_%'`,
        );
        return Number(row!.ms);
      });
      (inside[`${kind}, ${side}`] ??= []).push(ms);
      console.log(`round ${round} ${kind}, ${side}: ${ms.toFixed(0)} ms inside the functions (load ${loadavg()[0]!.toFixed(2)})`);
    }
  }
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
console.log(`\nms inside the trigger functions, minimum / median of ${rounds} rounds:`);
for (const [k, v] of Object.entries(inside))
  console.log(`${k}: ${sorted(v)[0]!.toFixed(0)} / ${sorted(v)[Math.floor(v.length / 2)]!.toFixed(0)}`);
await db.close();
