import { fixturePath } from '../../fixtures/path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { monthlyDues } from '../../../shared/dues/rule';
import { planImport } from '../../../shared/roster/plan';
import { readRosterFile } from '../../../shared/roster/read';
import { planWrites } from '../../../shared/roster/writes';

interface Expected {
  data_rows: number;
  imported: number;
  rejected: { name: string; reason: string }[];
  female: number;
  farmer_workers: number;
  monthly_dues_fen: number;
  members: { name: string; id: string; wage_yuan: number; dues_fen: number; female: boolean }[];
}

const SAMPLE = fixturePath('roster/roster-sample.xlsx');
const expected = JSON.parse(readFileSync(fixturePath('roster/roster-sample.expected.json'), 'utf8')) as Expected;

async function importSample() {
  const parsed = await readRosterFile('roster-sample.xlsx', new Uint8Array(readFileSync(SAMPLE)));
  const plan = planImport({ rows: parsed.dataRows, mapping: parsed.mapping }, [], { year: 2025 });
  return { parsed, plan, writes: planWrites(plan, { wageBases: [], memberships: [] }) };
}

describe('roster-sample.xlsx', () => {
  it('finds the header under the merged title and skips 合计, blank and 制表人 rows', async () => {
    const { parsed, plan } = await importSample();
    expect(parsed.headerRowNumber).toBe(2);
    expect(plan.dataRows).toBe(expected.data_rows);
    expect(parsed.skipped.map((s) => s.text)).toEqual(['合计', '制表人：张XX 审核人：李XX']);
  });

  it('imports the members and rejects the rows expected.json lists, with their reasons', async () => {
    const { plan } = await importSample();
    expect(plan.toInsert).toHaveLength(expected.imported);
    expect(plan.toUpdate).toHaveLength(0);
    expect(plan.rejected.map((r) => r.name)).toEqual(expected.rejected.map((r) => r.name));
    plan.rejected.forEach((r, i) => expect(r.reason).toContain(expected.rejected[i]?.reason));
    expect(plan.rejected.map((r) => r.row)).toEqual([20, 45]);
    expect(plan.rejected[1]?.reason).toBe('身份证号与前面的行重复（第 11 行）');
  });

  it('gives every member the ID, gender, wage base and dues expected.json lists', async () => {
    const { plan, writes } = await importSample();
    const byId = new Map(plan.toInsert.map((p) => [p.member.idNumber, p]));
    for (const want of expected.members) {
      const got = byId.get(want.id);
      expect(got, want.name).toBeDefined();
      expect(got?.member.name).toBe(want.name);
      expect(got?.member.gender === '女').toBe(want.female);
      expect(got?.wageBaseFen).toBe(want.wage_yuan * 100);
      expect(monthlyDues(got?.wageBaseFen ?? 0)).toBe(want.dues_fen);
    }
    expect(plan.toInsert.map((p) => p.member.idNumber)).toEqual(expected.members.map((m) => m.id));
    expect(plan.toInsert.filter((p) => p.member.gender === '女')).toHaveLength(expected.female);
    expect(writes.insertWageBases.reduce((sum, w) => sum + monthlyDues(w.baseFen), 0)).toBe(expected.monthly_dues_fen);
    expect(writes.insertWageBases.every((w) => w.year === 2025)).toBe(true);
  });

  it('has no 是否农民工 column, so nobody is marked a farmer-worker (expected.json says 5; see README)', async () => {
    const { parsed, plan } = await importSample();
    expect(parsed.mapping).not.toContain('isMigrantWorker');
    expect(plan.toInsert.filter((p) => p.member.isMigrantWorker)).toHaveLength(0);
  });

  it('reads every date form of the sample and normalises phones and lower-case x', async () => {
    const { plan } = await importSample();
    const by = (name: string) => plan.toInsert.find((p) => p.member.name === name)?.member;
    expect(by('韦丽')).toMatchObject({ joinDate: '1993-02-27', phone: '13860913909', birthDate: '1973-07-21', department: '宣传教育科' });
    expect(by('秦鸣华')?.joinDate).toBe('1998-05-14');
    expect(by('潘燕涵')?.joinDate).toBe('2003-02-01');
    expect(by('陶华')).toMatchObject({ joinDate: '2013-05-01', idNumber: '33048119930227737X', gender: '男' });
    expect(by('汤静雨')).toMatchObject({ ethnicity: '汉族', education: '高中', politicalStatus: '中共预备党员', status: 'active' });
  });
});
