import 'fake-indexeddb/auto';
import ExcelJS from 'exceljs';
import { fileURLToPath } from 'node:url';
import { withAppPage } from './browser';
import { makeIdNumber } from '../../shared/idcard/gb11643';
import { planImport } from '../../shared/roster/plan';
import { readRosterFile } from '../../shared/roster/read';
import { planWrites, type RosterWrites } from '../../shared/roster/writes';
import { UnionBooksDB } from '../../renderer/src/db/database';
import { openMutator } from '../../renderer/src/db/mutations';
import { DexieStore } from '../../renderer/src/db/dexie-store';
import { commitRosterImport } from '../../shared/engine/ops/members';
import type { BrowserRosterTimes } from './roster-browser';
import { timeMedian, type BenchResult } from './types';

const ROWS = 5000;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂';

/** A 5,000-row roster laid out like the sample: a title row, the header on row 2, mixed date forms. */
export async function bigRoster(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('会员名册');
  ws.addRow(['某某集团工会会员名册']);
  ws.mergeCells('A1:J1');
  ws.addRow(['序号', '姓名', '性别', '民族', '身份证号码', '学历', '所在部门', '入会时间', '联系电话', '月工资基数(元)']);
  for (let i = 0; i < ROWS; i++) {
    const female = i % 2 === 0;
    const birth = `${1965 + (i % 35)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
    const id = makeIdNumber(['330402', '330411', '320582', '410105'][i % 4] ?? '330402', birth, i, female ? '女' : '男');
    const join = [
      new Date(Date.UTC(2010, i % 12, 1 + (i % 28))),
      `2012-0${1 + (i % 9)}-15`,
      `2015.${1 + (i % 12)}`,
      `2018年${1 + (i % 12)}月`,
    ][i % 4];
    const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / 20) % GIVEN.length]}${GIVEN[i % GIVEN.length]}`;
    ws.addRow([
      i + 1,
      name,
      female ? '女' : '男',
      '汉族',
      id,
      '本科',
      `第${1 + (i % 40)}车间`,
      join,
      `138${String(10_000_000 + i).padStart(8, '0')}`,
      3000 + (i % 9000),
    ]);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

let dbCount = 0;
async function freshDb(): Promise<UnionBooksDB> {
  const db = new UnionBooksDB(`roster-bench-${dbCount++}`);
  await db.open();
  return db;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** The same import in Debian's Chromium with real IndexedDB: the renderer's code, served by Vite, driven by Playwright. */
async function runChromium(bytes: Uint8Array, runs: number): Promise<BenchResult[]> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  return withAppPage(async (page, browser) => {
    const modulePath = `/@fs${root}tests/bench/roster-browser.ts`;
    const times = await page.evaluate(
      async ({ modulePath, base64, runs }) => {
        const mod = (await import(/* @vite-ignore */ modulePath)) as {
          runRosterBench: (b: string, r: number, y: number) => Promise<BrowserRosterTimes>;
        };
        return mod.runRosterBench(base64, runs, 2025);
      },
      { modulePath, base64: Buffer.from(bytes).toString('base64'), runs },
    );
    const environment = `Chromium ${browser.version()} (headless, real IndexedDB)`;
    const notes = `${times.members} members imported per run`;
    return [
      { name: 'roster: read 5,000-row .xlsx in Chromium', ms: median(times.read), runs, environment, notes },
      {
        name: 'roster: import 5,000 rows in Chromium (read, validate, plan, commit with outbox)',
        ms: median(times.full),
        runs,
        targetMs: 3000,
        environment,
        notes,
        baseline: { name: 'raw bulkPut of the same rows (3 tables, no outbox)', ms: median(times.raw) },
      },
    ];
  });
}

/** Import of a 5,000-row roster (read the .xlsx, map, validate, plan, commit in one transaction) vs a raw bulkPut of the same rows. */
export async function run(): Promise<BenchResult[]> {
  const bytes = await bigRoster();
  return [...(await runChromium(bytes, 3)), ...(await runNode(bytes))];
}

async function runNode(bytes: Uint8Array): Promise<BenchResult[]> {
  const year = 2025;
  let lastWrites: RosterWrites | null = null;
  let db: UnionBooksDB = await freshDb();

  const parseMs = await timeMedian(3, () => readRosterFile('big.xlsx', bytes));
  const full = await timeMedian(
    3,
    async () => {
      const mutator = await openMutator(db);
      const parsed = await readRosterFile('big.xlsx', bytes);
      const plan = planImport({ rows: parsed.dataRows, mapping: parsed.mapping }, await db.members.toArray(), { year });
      if (plan.toInsert.length !== ROWS) throw new Error(`expected ${ROWS} inserts, got ${plan.toInsert.length}`);
      lastWrites = planWrites(plan, { wageBases: [], memberships: [] });
      await commitRosterImport(new DexieStore(db, mutator), lastWrites, () => undefined);
    },
    async () => {
      db.close();
      db = await freshDb();
    },
  );
  const imported = await db.members.count();

  // The same rows, already stamped as the import stored them, put straight into fresh tables.
  const members = await db.members.toArray();
  const memberships = await db.memberships.toArray();
  const wageBases = await db.wageBases.toArray();
  let rawDb = await freshDb();
  const raw = await timeMedian(
    3,
    () =>
      rawDb.transaction('rw', [rawDb.members, rawDb.memberships, rawDb.wageBases], async () => {
        await rawDb.members.bulkPut(members);
        await rawDb.memberships.bulkPut(memberships);
        await rawDb.wageBases.bulkPut(wageBases);
      }),
    async () => {
      rawDb.close();
      rawDb = await freshDb();
    },
  );
  const environment = 'Node + fake-indexeddb (a pure-JS IndexedDB, far slower than Chromium’s)';
  const notes = `${imported} members, ${memberships.length} 入会 events, ${wageBases.length} wage bases; .xlsx ${(bytes.length / 1024).toFixed(0)} KiB; writes ${lastWrites ? 'planned' : 'none'}`;
  return [
    { name: 'roster: read 5,000-row .xlsx (exceljs + header/mapping)', ms: parseMs, runs: 3, environment, notes },
    {
      name: 'roster: import 5,000 rows (read, validate, plan, commit with outbox)',
      ms: full,
      runs: 3,
      targetMs: 3000,
      environment,
      notes,
      baseline: { name: 'raw bulkPut of the same rows (3 tables, no outbox)', ms: raw },
    },
  ];
}
