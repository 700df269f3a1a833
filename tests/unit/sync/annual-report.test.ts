import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/sync/db';
import { annualReport } from '../../../server/sync/store/annual-report';
import { createAdmin, createOrg, ROOT_ORG_ID } from '../../../server/sync/store/orgs';
import { createUnion } from '../../../server/sync/store/unions';
import { generateDemoBook } from '../../../shared/demo/generator';
import { statisticsYear } from '../../../shared/sync/annual-report';
import { upwardStats } from '../../../shared/sync/stats';
import { readSheets, type SheetDump } from '../finance/openpyxl';
import { backends } from './backends';
import { ADMIN_PASSWORD, post, startServer } from './harness';
import { storeRows } from './stats-rows';

const PASSWORD = 'district password';

describe.each(backends())('the 统计年报 on $name', (backend) => {
  let db: Database;
  let app: FastifyInstance;
  const dir = mkdtempSync(join(tmpdir(), 'ub-annual-'));
  const book = generateDemoBook({ seed: 11, members: 80, years: 2, endMonth: '2025-12' });
  const profile = { ...book.union[0]!, employeeCount: 95, womenEmployeeCount: 40 };
  const ids: Record<string, string> = {};
  let root = '';
  let district = '';

  beforeAll(async () => {
    db = await backend.fresh();
    app = await startServer(db);
    const a = await createOrg(db, ROOT_ORG_ID, { code: 'DA', name: 'A区总工会' });
    const town = await createOrg(db, ROOT_ORG_ID, { code: 'TA1', name: 'A1镇总工会', parentCode: 'DA' });
    const b = await createOrg(db, ROOT_ORG_ID, { code: 'DB', name: 'B区总工会' });
    await createAdmin(db, ROOT_ORG_ID, { orgCode: 'DA', name: 'da', password: PASSWORD });
    ids.UA = (await createUnion(db, 'UA', '甲厂工会', a.id)).union.id;
    ids.UA1 = (await createUnion(db, 'UA1', '乙站工会', town.id)).union.id;
    ids.UB = (await createUnion(db, 'UB', '丙校工会', b.id)).union.id;
    await storeRows(db, ids.UA, { ...book, union: [profile] });
    await storeRows(db, ids.UA1, { union: [{ ...profile, id: 'p2', employeeCount: 'many' }], members: book.members.slice(0, 5) });
    await storeRows(db, ids.UB, { members: book.members.slice(0, 3) });
    await db.query(
      `INSERT INTO submissions (id, union_id, year, record_id, receipt_number, facts, status, submitted_at)
       VALUES ('s1', $1, 2025, 'r1', 'BS-2025-UA-01', '{}'::jsonb, 'submitted', now())`,
      [ids.UA],
    );
    root = String((await post(app, '/api/admin/login', { password: ADMIN_PASSWORD })).body.token);
    district = String((await post(app, '/api/admin/login', { name: 'da', password: PASSWORD })).body.token);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await backend.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const download = async (query: string, token: string) => {
    const res = await app.inject({ method: 'GET', url: `/api/admin/annual-stats?${query}`, headers: { authorization: `Bearer ${token}` } });
    return res;
  };
  const sheetsOf = (bytes: Buffer): SheetDump[] => {
    const file = join(dir, `${Math.random()}.xlsx`);
    writeFileSync(file, bytes);
    return readSheets(file);
  };

  it('counts the statistics year 10-01 to 09-30 by the shared rules and rolls it up the tree', async () => {
    const period = statisticsYear(2025);
    expect(period).toEqual({ from: '2024-10-01', to: '2025-09-30' });
    const report = await annualReport(db, ROOT_ORG_ID, 2025, period);
    const ua = report.unions.find((u) => u.code === 'UA')!;
    const expected = upwardStats(book, period);
    expect(ua).toMatchObject({ ...expected, employees: 95, womenEmployees: 40, reported: true, reportStatus: '已报送' });
    expect(expected.newMembers).toBeGreaterThan(0);
    expect(expected.incomeFen).toBeGreaterThan(0);
    // The calendar year gives other figures: the period is what is counted.
    expect(upwardStats(book, { from: '2025-01-01', to: '2025-12-31' }).incomeFen).not.toBe(expected.incomeFen);
    // A profile count of the wrong type reads 0 and is reported as an invalid row.
    expect(report.unions.find((u) => u.code === 'UA1')).toMatchObject({ employees: 0, invalidRows: 1, reported: false });
    const da = report.orgs.find((o) => o.code === 'DA')!.totals;
    const ua1 = report.unions.find((u) => u.code === 'UA1')!;
    expect(da).toMatchObject({ unions: 2, reported: 1, members: ua.members + ua1.members, employees: 95, incomeFen: ua.incomeFen });
    expect(report.orgs.find((o) => o.code === 'ROOT')!.totals.unions).toBe(3);
  });

  it('exports a print-ready workbook of the admin’s subtree, with the unions that have not reported', async () => {
    const res = await download('year=2025', district);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('统计年报-2025-DA.xlsx'));
    const [sheet, missing] = sheetsOf(res.rawPayload);
    expect([sheet!.title, sheet!.paper, sheet!.orientation, sheet!.titles]).toEqual(['统计年报', 9, 'landscape', '$3:$3']);
    expect(sheet!.rows[1]![0]).toContain('2024年10月1日至2025年9月30日');
    const header = sheet!.rows[2]!;
    const col = (label: string) => header.indexOf(label);
    const row = (name: string) => sheet!.rows.find((r) => typeof r[0] === 'string' && r[0].trim().startsWith(name))!;
    const expected = upwardStats(book, statisticsYear(2025));
    const ua = row('甲厂工会');
    expect([ua[col('职工')], ua[col('女职工')], ua[col('会员')], ua[col('女会员')], ua[col('本年新发展会员')]]).toEqual([
      95,
      40,
      expected.members,
      expected.women,
      expected.newMembers,
    ]);
    expect(ua[col('经费收入（元）')]).toBeCloseTo(expected.incomeFen / 100, 2);
    expect(ua[col('经费支出（元）')]).toBeCloseTo(expected.spendingFen / 100, 2);
    const total = row('A区总工会 合计');
    expect(total[col('会员')]).toBe(expected.members + 5);
    expect(total[col('报送')]).toBe('1/2');
    expect(row('A1镇总工会 合计')[col('会员')]).toBe(5);
    expect(row('乙站工会')[col('提示')]).toContain('未填职工人数');
    expect(sheet!.rows.some((r) => r.includes('丙校工会'))).toBe(false);
    expect(missing!.title).toBe('未报送工会');
    expect(missing!.rows.filter((r) => typeof r[0] === 'number').map((r) => [r[1], r[3], r[5]])).toEqual([
      ['乙站工会', 'A1镇总工会', '未报送'],
    ]);
  });

  it('keeps the export to the admin’s subtree and refuses a bad period', async () => {
    expect((await download('year=2025&org=DB', district)).statusCode).toBe(404);
    expect((await download('year=2025&org=ROOT', district)).statusCode).toBe(404);
    const b = sheetsOf((await download('year=2025&org=DB', root)).rawPayload)[0]!;
    expect(b.rows.some((r) => r[0] === '丙校工会' || String(r[0]).trim() === '丙校工会')).toBe(true);
    expect(b.rows.some((r) => String(r[0]).includes('甲厂工会'))).toBe(false);
    const bad = await download('year=2025&from=2025-13-01', district);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toContain('2025-13-01');
    const custom = sheetsOf((await download('year=2025&from=2025-01-01&to=2025-12-31', district)).rawPayload)[0]!;
    expect(custom.rows[1]![0]).toContain('2025年1月1日至2025年12月31日');
    expect((await app.inject({ method: 'GET', url: '/api/admin/annual-stats?year=2025' })).statusCode).toBe(401);
  });
});
