import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../shared/idcard/gb11643';
import { planImport } from '../../../shared/roster/plan';
import { readRosterFile } from '../../../shared/roster/read';
import { ROSTER_TEMPLATE_FIELDS, writeRosterTemplate } from '../../../shared/roster/template-xlsx';
import { PYTHON } from '../../support/python';

/**
 * Fills the template the way a person does in Excel — with openpyxl, an independent reader and
 * writer — and reports what it saw: headers, drop-down lists and the number format of the ID column.
 */
const FILL = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
headers = [c.value for c in ws[2]]
lists = sorted((str(dv.sqref), dv.formula1) for dv in ws.data_validations.dataValidation)
id_format = ws.column_dimensions['B'].number_format
for i, row in enumerate(json.loads(sys.argv[3])):
    for j, value in enumerate(row):
        ws.cell(row=3 + i, column=j + 1, value=value)
wb.save(sys.argv[2])
print(json.dumps({"sheets": wb.sheetnames, "headers": headers, "lists": lists, "idFormat": id_format}, ensure_ascii=False))
`;

function fillWithOpenpyxl(template: Uint8Array, rows: (string | number | null)[][]) {
  const dir = mkdtempSync(join(tmpdir(), 'roster-template-'));
  const input = join(dir, 'template.xlsx');
  const output = join(dir, 'filled.xlsx');
  writeFileSync(input, template);
  const seen = JSON.parse(execFileSync(PYTHON, ['-c', FILL, input, output, JSON.stringify(rows)], { encoding: 'utf8' })) as {
    sheets: string[];
    headers: string[];
    lists: [string, string][];
    idFormat: string;
  };
  return { seen, filled: new Uint8Array(readFileSync(output)) };
}

describe('名册模板', () => {
  it('is read back by the importer with every column mapped and no member in it', async () => {
    const parsed = await readRosterFile('会员名册模板.xlsx', await writeRosterTemplate('测试工会'));
    expect(parsed.headerRowNumber).toBe(2);
    expect(parsed.mapping).toEqual(ROSTER_TEMPLATE_FIELDS);
    expect(parsed.dataRows).toEqual([]);
  });

  it('filled in with openpyxl, imports as the members typed', async () => {
    const id = makeIdNumber('330402', '19850312', 123, '女');
    const { seen, filled } = fillWithOpenpyxl(await writeRosterTemplate('测试工会'), [
      ['王芳', id, null, '汉族', null, null, '本科', '无', '群众', '城镇', '否', '13812345678', '办公室', '2015-07-01', null, 5000, null],
      ['赵强', '330402198501011', '男'],
    ]);
    expect(seen.sheets).toEqual(['会员名册', '填写说明']);
    expect(seen.headers.slice(0, 2)).toEqual(['*姓名', '*身份证号码']);
    expect(seen.idFormat).toBe('@');
    expect(seen.lists).toContainEqual(['C3:C2002', '"男,女"']);
    expect(seen.lists).toContainEqual(['K3:K2002', '"是,否"']);

    const parsed = await readRosterFile('filled.xlsx', filled);
    const plan = planImport({ rows: parsed.dataRows, mapping: parsed.mapping }, [], { year: 2025, today: '2025-06-01' });
    expect(plan.toInsert).toHaveLength(1);
    expect(plan.toInsert[0]?.member).toMatchObject({
      name: '王芳',
      idNumber: id,
      gender: '女',
      birthDate: '1985-03-12',
      phone: '13812345678',
      department: '办公室',
      joinDate: '2015-07-01',
      education: '本科',
    });
    expect(plan.toInsert[0]?.wageBaseFen).toBe(500_000);
    expect(plan.rejected).toEqual([expect.objectContaining({ row: 4, reason: expect.stringContaining('15 位') })]);
  });
});
