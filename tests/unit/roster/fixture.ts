import ExcelJS from 'exceljs';
import { makeIdNumber } from '../../../shared/idcard/gb11643';
import type { Member } from '../../../shared/model/records';
import { readRosterFile } from '../../../shared/roster/read';
import { planImport, type ImportPlan } from '../../../shared/roster/plan';

/** Builds a small .xlsx in memory, row by row, as another office's roster would look. */
export async function xlsxOf(rows: readonly (readonly unknown[])[], setup?: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('Sheet1');
  for (const row of rows) ws.addRow([...row]);
  setup?.(ws);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export async function planOf(name: string, bytes: Uint8Array, existing: Member[] = [], year = 2025): Promise<ImportPlan> {
  const parsed = await readRosterFile(name, bytes);
  return planImport({ rows: parsed.dataRows, mapping: parsed.mapping }, existing, { year });
}

/** Valid resident ID numbers for fixtures (check characters computed by GB 11643). */
export const IDS = {
  man: makeIdNumber('110105', '19491231', 3, '男'),
  woman: makeIdNumber('330402', '19900101', 122, '女'),
  man2: makeIdNumber('330402', '19851120', 33, '男'),
  woman2: makeIdNumber('320582', '19781005', 40, '女'),
} as const;
