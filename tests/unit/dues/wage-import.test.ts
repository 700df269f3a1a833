import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildTimelines } from '../../../shared/dues/eligibility';
import { planCarryForward } from '../../../shared/dues/wage-bases';
import { planWageImport } from '../../../shared/dues/wage-import';
import { makeIdNumber } from '../../../shared/idcard/gb11643';
import { readRosterFile } from '../../../shared/roster/read';
import { duesBook } from './fixture';

async function wageSheet(rows: (string | number)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工资');
  ws.addRow(['2026年度会费工资基数表']);
  ws.mergeCells('A1:E1');
  ws.addRow(['序号', '姓　名', '所在部门', '公民身份号码', '月工资基数（元）']);
  rows.forEach((r, i) => ws.addRow([i + 1, ...r]));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('导入工资基数', () => {
  it('matches by ID number, else by 姓名+部门, and explains every row it cannot take', async () => {
    const f = duesBook();
    const id = makeIdNumber('330402', '19850302', 1, '女');
    const a = f.addMember('王芳', '办公室', { idNumber: id });
    const b = f.addMember('李强', '车间');
    f.addMember('张伟', '车间');
    f.addMember('张伟', '车间');
    const c = f.addMember('陈静', '财务科');
    f.base(c.id, 2026, 5200);
    const bytes = await wageSheet([
      ['王芳（改名前）', '其他部门', id.toLowerCase(), 6543.21],
      ['李强', '车间', '', '4,999'],
      ['张伟', '车间', '', 5000],
      ['无此人', '车间', '', 5000],
      ['陈静', '财务科', '', 5200],
      ['李强', '车间', '', 6000],
      ['赵敏', '办公室', '', '面议'],
    ]);
    const parsed = await readRosterFile('工资.xlsx', bytes);
    const plan = planWageImport(parsed, f.book.members, f.book.wageBases, 2026);
    const byRow = new Map(plan.rows.map((r) => [r.rowNumber, r]));
    expect(byRow.get(3)).toMatchObject({ memberId: a.id, matchedBy: '身份证号码', baseFen: 654_321, status: 'ok' });
    expect(byRow.get(3)?.idMasked).not.toContain('19850302');
    expect(byRow.get(4)).toMatchObject({ memberId: b.id, matchedBy: '姓名+部门', baseFen: 499_900, status: 'ok' });
    expect(byRow.get(5)?.reason).toContain('对应到 2 名会员');
    expect(byRow.get(6)?.reason).toContain('没有姓名“无此人”');
    expect(byRow.get(7)).toMatchObject({ status: 'same' });
    expect(byRow.get(8)?.reason).toBe('与第 4 行是同一名会员，只导入第一行');
    expect(byRow.get(9)?.reason).toContain('工资基数“面议”不是有效金额');
    expect(plan.writes.map((w) => [w.memberId, w.baseFen])).toEqual([
      [a.id, 654_321],
      [b.id, 499_900],
    ]);
    expect(plan.errorCount).toBe(4);
  });

  it('says which column is missing', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').addRow(['序号', '姓名', '部门', '身份证号码']);
    const parsed = await readRosterFile('x.xlsx', new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    expect(() => planWageImport(parsed, [], [], 2026)).toThrow('没有“工资基数”列');
  });
});

describe('从上年结转', () => {
  it('copies last year’s base only where the year has none, and only for members of that year', () => {
    const f = duesBook();
    const keep = f.addMember('甲', '办公室');
    const copy = f.addMember('乙', '办公室');
    const gone = f.addMember('丙', '办公室', { status: 'left' });
    f.event(gone.id, 'join', '2010-01-01');
    f.event(gone.id, 'leave', '2025-06-01');
    f.base(keep.id, 2025, 5000);
    f.base(keep.id, 2026, 5500);
    f.base(copy.id, 2025, 4321);
    f.base(gone.id, 2025, 4000);
    const writes = planCarryForward(buildTimelines(f.book.members, f.book.memberships), f.book.wageBases, 2026);
    expect(writes).toEqual([{ memberId: copy.id, year: 2026, baseFen: 432_100, existingId: '' }]);
  });
});
