// Runs inside Chromium (loaded through the Vite dev server by roster.bench.ts): the same import code
// the 会员 page runs, against the browser's real IndexedDB.
import { planImport } from '../../shared/roster/plan';
import { readRosterFile } from '../../shared/roster/read';
import { planWrites } from '../../shared/roster/writes';
import { UnionBooksDB } from '../../renderer/src/db/database';
import { openMutator } from '../../renderer/src/db/mutations';
import { DexieStore } from '../../renderer/src/db/dexie-store';
import { commitRosterImport } from '../../shared/engine/ops/members';

export interface BrowserRosterTimes {
  read: number[];
  full: number[];
  raw: number[];
  members: number;
}

let counter = 0;
async function freshDb(): Promise<UnionBooksDB> {
  const db = new UnionBooksDB(`roster-bench-${Date.now()}-${counter++}`);
  await db.open();
  return db;
}

export async function runRosterBench(base64: string, runs: number, year: number): Promise<BrowserRosterTimes> {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const times: BrowserRosterTimes = { read: [], full: [], raw: [], members: 0 };
  let last: UnionBooksDB | null = null;
  for (let i = 0; i < runs; i++) {
    const db = await freshDb();
    const mutator = await openMutator(db);
    const t0 = performance.now();
    const parsed = await readRosterFile('big.xlsx', bytes);
    times.read.push(performance.now() - t0);
    const plan = planImport({ rows: parsed.dataRows, mapping: parsed.mapping }, await db.members.toArray(), { year });
    await commitRosterImport(new DexieStore(db, mutator), planWrites(plan, { wageBases: [], memberships: [] }), () => undefined);
    times.full.push(performance.now() - t0);
    times.members = await db.members.count();
    last?.close();
    last = db;
  }
  if (!last) return times;
  const [members, memberships, wageBases] = await Promise.all([
    last.members.toArray(),
    last.memberships.toArray(),
    last.wageBases.toArray(),
  ]);
  for (let i = 0; i < runs; i++) {
    const raw = await freshDb();
    const t0 = performance.now();
    await raw.transaction('rw', [raw.members, raw.memberships, raw.wageBases], async () => {
      await raw.members.bulkPut(members);
      await raw.memberships.bulkPut(memberships);
      await raw.wageBases.bulkPut(wageBases);
    });
    times.raw.push(performance.now() - t0);
    raw.close();
  }
  return times;
}
