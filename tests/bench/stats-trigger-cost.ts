// `npx tsx tests/bench/stats-trigger-cost.ts [ROUNDS=4] [PUSHES=100] [ROWS=10]`: the CPU the kept statistics'
// trigger functions add to a small push on PGlite, in-process CPU (process.cpuUsage, which counts the
// database's thread) rather than wall-clock time, so the load of other work on the machine moves it
// little. Each push is one INSERT of 10 rows into `rows` for a union of its own, as a push of new
// records is (ROWS=5000: a first sync's push); the sides (triggers disabled, migration 20's functions from the fixture, the current
// functions) alternate in each round, the order reversed every other round.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { openPglite } from '../../server/sync/db';
import { migrate } from '../../server/sync/migrations';
import { STATS_MONEY_LOOKED_UP_ONCE_MIGRATION } from '../../server/sync/stats-maintenance';
import { fixturePath } from '../fixtures/path';

const rounds = Number(process.argv[2]) || 4;
const pushes = Number(process.argv[3]) || 100;
const rowsPerPush = Number(process.argv[4]) || 10;
const SIDES = ['off', 'migration 20', 'current'] as const;
type Side = (typeof SIDES)[number];
const KINDS = {
  'invalid new members': (k: number) => ({ tbl: 'members', row_id: `m${k}`, data: { id: `m${k}`, name: `会员${k}`, deleted: 0 } }),
  'dues payments': (k: number) => ({
    tbl: 'duesPayments',
    row_id: `p${k}`,
    data: { id: `p${k}`, memberId: 'x', paidDate: `2025-0${(k % 9) + 1}-15`, amountFen: 1000 + k, deleted: 0 },
  }),
  entries: (k: number) => ({
    tbl: 'transactions',
    row_id: `t${k}`,
    data: {
      id: `t${k}`,
      date: `2025-0${(k % 9) + 1}-20`,
      place: 'bank',
      accountCode: k % 3 ? '50102' : '402',
      amountFen: 5000 + k,
      ...(k % 3 ? {} : { payableFen: 2000 }),
      summary: '',
      deleted: 0,
    },
  }),
};

const db = await openPglite();
await migrate(db);
const fixture20 = readFileSync(fixturePath('sync/stats-functions-20.sql'), 'utf8').split('-- next function');
async function use(side: Side): Promise<void> {
  await db.query(`ALTER TABLE rows ${side === 'off' ? 'DISABLE' : 'ENABLE'} TRIGGER USER`);
  for (const statement of side === 'migration 20' ? fixture20 : STATS_MONEY_LOOKED_UP_ONCE_MIGRATION) await db.query(statement);
}
let unionKey = 1000;
const cpu: Record<string, number[]> = {};
for (let round = 1; round <= rounds; round++) {
  const order = round % 2 ? SIDES : [...SIDES].reverse();
  for (const side of order)
    for (const [kind, row] of Object.entries(KINDS)) {
      await use(side);
      // Written once, outside the timed pushes: the figure is the database's work, not the JSON's.
      const rows = JSON.stringify(Array.from({ length: rowsPerPush }, (_, k) => ({ ...row(k), n: k + 1 })));
      const push = (key: number) =>
        db.query(
          `INSERT INTO rows (union_key, tbl, row_id, data, field_clocks, seq)
           SELECT $1, tbl, row_id, data, '{}', n FROM json_to_recordset($2::json) AS r(tbl text, row_id text, data json, n bigint)`,
          [key, rows],
        );
      // A few pushes first, so the functions' plans are cached as on a running server.
      for (let i = 0; i < 5; i++) await push(unionKey++);
      const samples: number[] = [];
      for (let i = 0; i < pushes; i++) {
        const start = process.cpuUsage();
        await push(unionKey++);
        const used = process.cpuUsage(start);
        samples.push((used.user + used.system) / 1000);
      }
      (cpu[`${kind}, ${side}`] ??= []).push(...samples);
      const mean = samples.reduce((a, b) => a + b, 0) / pushes;
      console.log(`round ${round} ${kind}, ${side}: ${mean.toFixed(3)} ms CPU a push (load ${loadavg()[0]!.toFixed(2)})`);
    }
}
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * q)]!;
// Other work on the machine only adds CPU time (contention for caches and cores), so the low quantiles of
// the single pushes are the steadier figures; the median shows how much the load moved them.
console.log('\nCPU a push over all rounds, minimum / 25th percentile / median (ms):');
for (const kind of Object.keys(KINDS))
  console.log(
    `${kind}: ${SIDES.map((side) => `${side} ${[0, 0.25, 0.5].map((q) => quantile(cpu[`${kind}, ${side}`]!, q).toFixed(1)).join(' / ')}`).join(', ')}`,
  );
await db.close();
