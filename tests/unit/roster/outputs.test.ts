import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Member, WageBase } from '../../../shared/model/records';
import { writeRosterWorkbook } from '../../../shared/roster/export-xlsx';
import { readRosterFile } from '../../../shared/roster/read';
import { planImport } from '../../../shared/roster/plan';
import { writeRejectedWorkbook } from '../../../shared/roster/rejected-xlsx';
import { emptyMemberDraft } from '../../../shared/members/fields';
import { IDS, xlsxOf } from './fixture';
import { PYTHON } from '../../support/python';

/** Opens a workbook with openpyxl (an independent reader) and returns every row of its first sheet. */
function readWithOpenpyxl(bytes: Uint8Array): (string | number | null)[][] {
  const dir = mkdtempSync(join(tmpdir(), 'roster-'));
  const path = join(dir, 'book.xlsx');
  writeFileSync(path, bytes);
  const script = `import json,sys,openpyxl\nws=openpyxl.load_workbook(sys.argv[1]).worksheets[0]\nprint(json.dumps([[c if not hasattr(c,'isoformat') else c.isoformat() for c in r] for r in ws.iter_rows(values_only=True)],ensure_ascii=False))`;
  return JSON.parse(execFileSync(PYTHON, ['-c', script, path], { encoding: 'utf8' })) as (string | number | null)[][];
}

describe('roster workbooks', () => {
  it('saves the rejected rows with their row number and reason, and the fixed file imports again', async () => {
    const bytes = await xlsxOf([
      ['姓名', '身份证号码', '部门'],
      ['好', IDS.man, '一科'],
      ['旧号', '330402850101123', '二科'],
      ['', IDS.woman, '三科'],
    ]);
    const parsed = await readRosterFile('x.xlsx', bytes);
    const plan = planImport({ rows: parsed.dataRows, mapping: parsed.mapping }, [], { year: 2025 });
    const out = await writeRejectedWorkbook(parsed.headers, parsed.dataRows, plan.rejected);
    const rows = readWithOpenpyxl(out);
    expect(rows).toEqual([
      ['原行号', '未导入原因', '姓名', '身份证号码', '部门'],
      [3, '15 位旧身份证号，请改为 18 位', '旧号', '330402850101123', '二科'],
      [4, '缺少姓名', '', IDS.woman, '三科'],
    ]);
    const again = await readRosterFile('fixed.xlsx', out);
    expect(again.mapping).toEqual([null, null, 'name', 'idNumber', 'department']);
  });

  it('exports the roster with masked or full ID numbers, as text', async () => {
    const member: Member = {
      ...emptyMemberDraft(),
      name: '韦丽',
      gender: '女',
      idNumber: '330411197307212702',
      birthDate: '1973-07-21',
      phone: '13860913909',
      department: '宣传教育科',
      id: 'm1',
      updatedAt: '',
      deviceId: 'd',
      deleted: 0,
    };
    const wage: WageBase = { id: 'w1', memberId: 'm1', year: 2025, baseFen: 1157900, updatedAt: '', deviceId: 'd', deleted: 0 };
    const masked = readWithOpenpyxl(await writeRosterWorkbook([member], [wage], { unionName: '测试工会', maskIds: true, year: 2025 }));
    expect(masked[0]?.[0]).toBe('测试工会会员名册');
    expect(masked[1]?.slice(0, 7)).toEqual(['序号', '姓名', '性别', '民族', '出生日期', '证件类型', '证件号码']);
    expect(masked[2]?.[6]).toBe('330411********2702');
    expect(masked[2]?.[12]).toBe('138****3909');
    expect(masked[2]?.[17]).toBe(11579);
    const full = readWithOpenpyxl(await writeRosterWorkbook([member], [wage], { unionName: '测试工会', maskIds: false, year: 2025 }));
    expect(full[2]?.[6]).toBe('330411197307212702');
    expect(full[2]?.[12]).toBe('13860913909');
  });
});
