import { todayIso } from '../clock/today';
import { wageBaseProblem } from '../engine/rules/amounts';
import { memberProblems } from '../engine/rules/members';
import { normalizeIdNumber } from '../idcard/gb11643';
import { emptyMemberDraft, type MemberDraft } from '../members/fields';
import type { Fen, IsoDate, Member } from '../model/records';
import { cellText, type SheetRow } from './cells';
import { FIELD_LABELS, type ColumnMapping } from './columns';
import { readRosterRow, type RowValues } from './row';

export interface PlannedInsert {
  row: number;
  member: MemberDraft;
  wageBaseFen: Fen | null;
}

export interface PlannedUpdate {
  row: number;
  id: string;
  name: string;
  patch: RowValues;
  wageBaseFen: Fen | null;
}

export interface RejectedRow {
  /** Spreadsheet row number. */
  row: number;
  name: string;
  reason: string;
}

/** What an import will do; computing it writes nothing, so the preview, the CLI and tests share it. */
export interface ImportPlan {
  /** Year the 工资基数 column is recorded for. */
  year: number;
  dataRows: number;
  toInsert: PlannedInsert[];
  toUpdate: PlannedUpdate[];
  rejected: RejectedRow[];
}

export interface PlanInput {
  rows: readonly SheetRow[];
  mapping: ColumnMapping;
}

/** A mapping must name the person: without 姓名 and 身份证号码 columns no row can be matched or checked. */
export function mappingProblems(mapping: ColumnMapping): string[] {
  const problems: string[] = [];
  for (const field of ['name', 'idNumber'] as const) {
    if (!mapping.includes(field)) problems.push(`请为“${FIELD_LABELS[field]}”指定一列`);
  }
  return problems;
}

/**
 * Plans an import: each data row becomes an insert, an update of the member with the same ID
 * number, or a rejection with its reason. A repeated ID number keeps its first row.
 */
export function planImport(input: PlanInput, existing: readonly Member[], options: { year: number; today?: IsoDate }): ImportPlan {
  const today = options.today ?? todayIso();
  const byId = new Map<string, Member>();
  for (const m of existing) if (m.deleted === 0 && m.idNumber !== '' && !byId.has(m.idNumber)) byId.set(m.idNumber, m);
  const idColumn = input.mapping.indexOf('idNumber');
  const nameColumn = input.mapping.indexOf('name');
  const firstRowOf = new Map<string, number>();
  const plan: ImportPlan = { year: options.year, dataRows: input.rows.length, toInsert: [], toUpdate: [], rejected: [] };
  for (const row of input.rows) {
    const name = nameColumn < 0 ? '' : cellText(row.cells[nameColumn]).replace(/\s+/g, '');
    const key = idColumn < 0 ? '' : normalizeIdNumber(cellText(row.cells[idColumn]));
    const first = key === '' ? undefined : firstRowOf.get(key);
    if (first !== undefined) {
      plan.rejected.push({ row: row.rowNumber, name, reason: `身份证号与前面的行重复（第 ${first} 行）` });
      continue;
    }
    if (key !== '') firstRowOf.set(key, row.rowNumber);
    const reading = readRosterRow(row, input.mapping);
    if (!reading.ok) {
      plan.rejected.push({ row: row.rowNumber, name, reason: reading.reason });
      continue;
    }
    const match = reading.values.idNumber ? byId.get(reading.values.idNumber) : undefined;
    // The same rules as a member typed in the form: dates not in the future, working age, a wage base that is a wage.
    const draft: MemberDraft = match ? { ...match, ...reading.values } : { ...emptyMemberDraft(), ethnicity: '', ...reading.values };
    const problems = memberProblems(draft, today, existing, match?.id ?? null).map((e) => e.message);
    const wage = reading.wageBaseFen === null ? null : wageBaseProblem(reading.wageBaseFen);
    if (wage) problems.push(wage);
    if (problems.length > 0) {
      plan.rejected.push({ row: row.rowNumber, name, reason: problems.join('；') });
      continue;
    }
    if (match) {
      plan.toUpdate.push({ row: row.rowNumber, id: match.id, name: match.name, patch: reading.values, wageBaseFen: reading.wageBaseFen });
    } else {
      // A file without a 民族 column says nothing about it: no 汉族 default as the form has.
      plan.toInsert.push({
        row: row.rowNumber,
        member: { ...emptyMemberDraft(), ethnicity: '', ...reading.values },
        wageBaseFen: reading.wageBaseFen,
      });
    }
  }
  return plan;
}

export type PreviewAction = 'insert' | 'update' | 'rejected';

export interface PreviewRow {
  row: number;
  name: string;
  action: PreviewAction;
  reason: string;
}

/** Every data row with what will happen to it, in sheet order, for the wizard's preview. */
export function previewRows(plan: ImportPlan): PreviewRow[] {
  return [
    ...plan.toInsert.map((p) => ({ row: p.row, name: p.member.name, action: 'insert' as const, reason: '' })),
    ...plan.toUpdate.map((p) => ({ row: p.row, name: p.patch.name ?? p.name, action: 'update' as const, reason: '' })),
    ...plan.rejected.map((p) => ({ row: p.row, name: p.name, action: 'rejected' as const, reason: p.reason })),
  ].sort((a, b) => a.row - b.row);
}
