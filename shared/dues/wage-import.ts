import { maskIdNumber, normalizeIdNumber } from '../idcard/gb11643';
import { parseYuan } from '../money/fen';
import type { Fen, Member, WageBase } from '../model/records';
import { cellText } from '../roster/cells';
import { columnOf } from '../roster/columns';
import type { ParsedRoster } from '../roster/sheet';
import { DuesError } from './data';
import { planBaseWrites, type BaseWrite } from './wage-bases';

export interface WageImportRow {
  rowNumber: number;
  name: string;
  department: string;
  /** Masked: the preview is shown on screen. */
  idMasked: string;
  baseFen: Fen | null;
  memberId: string;
  matchedBy: '身份证号码' | '姓名+部门' | '';
  /** ok = will be written; same = already this value; error = not imported, see reason. */
  status: 'ok' | 'same' | 'error';
  reason: string;
}

export interface WageImportPlan {
  year: number;
  rows: WageImportRow[];
  writes: BaseWrite[];
  okCount: number;
  errorCount: number;
}

const nameKey = (name: string, department: string) => `${name.replace(/\s+/g, '')}|${department.replace(/\s+/g, '')}`;

/**
 * 导入工资基数: each row is matched to a member by ID number, else by 姓名 + 部门 (both must be
 * unique). The table is read by the roster reader (header detection, column synonyms), so a
 * sheet exported from payroll works as a roster does. Nothing is written here: the caller shows
 * the preview and applies `writes` in one transaction.
 */
export function planWageImport(
  parsed: ParsedRoster,
  members: readonly Member[],
  wageBases: readonly WageBase[],
  year: number,
): WageImportPlan {
  const baseCol = columnOf(parsed.mapping, 'wageBase');
  const nameCol = columnOf(parsed.mapping, 'name');
  const idCol = columnOf(parsed.mapping, 'idNumber');
  const deptCol = columnOf(parsed.mapping, 'department');
  if (baseCol < 0)
    throw new DuesError(`第 ${parsed.headerRowNumber} 行的表头中没有“工资基数”列（也可写作 月工资基数、缴费基数、会费基数）`);
  if (idCol < 0 && (nameCol < 0 || deptCol < 0)) throw new DuesError('表中需要“身份证号码”列，或者“姓名”和“部门”两列，才能对应到会员');
  const live = members.filter((m) => m.deleted === 0);
  const byId = new Map(live.filter((m) => m.idNumber).map((m) => [normalizeIdNumber(m.idNumber), m]));
  const byName = new Map<string, Member[]>();
  for (const m of live) {
    const key = nameKey(m.name, m.department);
    byName.set(key, [...(byName.get(key) ?? []), m]);
  }
  const seen = new Map<string, number>();
  const rows: WageImportRow[] = [];
  const wanted: { memberId: string; year: number; baseFen: Fen }[] = [];
  for (const row of parsed.dataRows) {
    const text = (col: number) => (col < 0 ? '' : cellText(row.cells[col]));
    const name = text(nameCol);
    const department = text(deptCol);
    const id = normalizeIdNumber(text(idCol));
    const out: WageImportRow = {
      rowNumber: row.rowNumber,
      name,
      department,
      idMasked: id ? maskIdNumber(id) : '',
      baseFen: null,
      memberId: '',
      matchedBy: '',
      status: 'error',
      reason: '',
    };
    rows.push(out);
    const raw = row.cells[baseCol];
    const baseFen = typeof raw === 'number' ? parseYuan(raw) : parseYuan(text(baseCol));
    if (baseFen === null || baseFen < 0) {
      out.reason = `工资基数“${text(baseCol)}”不是有效金额`;
      continue;
    }
    out.baseFen = baseFen;
    let member: Member | undefined;
    if (id) {
      member = byId.get(id);
      if (member) out.matchedBy = '身份证号码';
    }
    if (!member) {
      const candidates = byName.get(nameKey(name, department)) ?? [];
      if (candidates.length > 1) {
        out.reason = `姓名“${name}”和部门“${department}”对应到 ${candidates.length} 名会员，请补上身份证号码`;
        continue;
      }
      member = candidates[0];
      if (member) out.matchedBy = '姓名+部门';
    }
    if (!member) {
      out.reason = id
        ? `没有身份证号码为 ${maskIdNumber(id)} 的会员，也没有姓名+部门相同的会员`
        : `没有姓名“${name}”、部门“${department}”的会员`;
      continue;
    }
    out.memberId = member.id;
    const earlier = seen.get(member.id);
    if (earlier !== undefined) {
      out.reason = `与第 ${earlier} 行是同一名会员，只导入第一行`;
      continue;
    }
    seen.set(member.id, row.rowNumber);
    wanted.push({ memberId: member.id, year, baseFen });
    out.status = 'ok';
  }
  const writes = planBaseWrites(wageBases, wanted);
  const changing = new Set(writes.map((w) => w.memberId));
  for (const r of rows) {
    if (r.status === 'ok' && !changing.has(r.memberId)) {
      r.status = 'same';
      r.reason = '与现有基数相同';
    }
  }
  return { year, rows, writes, okCount: writes.length, errorCount: rows.filter((r) => r.status === 'error').length };
}
