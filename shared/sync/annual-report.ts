import type { AdminOrg } from './admin';
import { addStats, ZERO_STATS, type StatsPeriod, type UpwardStats } from './stats';

/**
 * The 工会统计年报 (基层工会调查表) figures the books can fill, per grassroots union: 会员 (女), 职工 (女)
 * from the union's profile, 农民工会员, 本年新发展会员, 经费收入/支出 of the statistics period.
 */
export interface AnnualReportFigures extends UpwardStats {
  employees: number;
  womenEmployees: number;
}

export interface AnnualReportUnion extends AnnualReportFigures {
  id: string;
  code: string;
  name: string;
  orgId: string;
  lastSyncAt: string | null;
  /** The year's report is with the upper union (已报送 or 已接收): its figures are the union's own word. */
  reported: boolean;
  reportStatus: '未报送' | '已报送' | '已退回' | '已接收';
}

export interface AnnualReportOrg extends AdminOrg {
  depth: number;
  /** Over every union of the organisation's subtree. */
  totals: AnnualReportFigures & { unions: number; reported: number };
}

export interface AnnualReport {
  year: number;
  period: StatsPeriod;
  /** Parents before children, each directly followed by its own subtree (the tree as it prints). */
  orgs: AnnualReportOrg[];
  unions: AnnualReportUnion[];
}

/** The statistics year of 年报 Y: 1 October of Y − 1 to 30 September of Y. */
export const statisticsYear = (year: number): StatsPeriod => ({ from: `${year - 1}-10-01`, to: `${year}-09-30` });

export const MAX_EMPLOYEES = 1_000_000;
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= MAX_EMPLOYEES;

/**
 * 职工 and 女职工 from a union's profile rows as stored: the first live row in id order (a book has
 * one). A count of the wrong type reads 0 and the row is counted as invalid, like every other figure.
 */
export function employeeFigures(profiles: readonly unknown[]): { employees: number; womenEmployees: number; invalidRows: number } {
  const live = profiles
    .filter((p): p is Record<string, unknown> => typeof p === 'object' && p !== null && !Array.isArray(p))
    .filter((p) => p.deleted === 0)
    .sort((a, b) => (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0));
  const p = live[0];
  if (!p) return { employees: 0, womenEmployees: 0, invalidRows: 0 };
  const employees = p.employeeCount ?? 0;
  const women = p.womenEmployeeCount ?? 0;
  const ok = isCount(employees) && isCount(women);
  return { employees: ok ? employees : 0, womenEmployees: ok ? women : 0, invalidRows: ok ? 0 : 1 };
}

/** What the 年报's own checks would refuse (DOMAIN: women members ≤ women employees, members in service ≤ employees). */
export function annualReportRemarks(f: AnnualReportFigures): string[] {
  const out: string[] = [];
  if (f.employees === 0 && f.members > 0) out.push('未填职工人数');
  else if (f.inService > f.employees) out.push('在职会员多于职工');
  if (f.women > f.womenEmployees && f.employees > 0) out.push('女会员多于女职工');
  if (f.invalidRows > 0) out.push(`${f.invalidRows} 条记录有误未计入`);
  return out;
}

export const ZERO_FIGURES: AnnualReportFigures = { ...ZERO_STATS, employees: 0, womenEmployees: 0 };

export function addFigures(a: AnnualReportFigures, b: AnnualReportFigures): AnnualReportFigures {
  return { ...addStats(a, b), employees: a.employees + b.employees, womenEmployees: a.womenEmployees + b.womenEmployees };
}

/** Each organisation's totals over the unions of its subtree. */
export function rollUpReport(orgs: readonly (AdminOrg & { depth: number })[], unions: readonly AnnualReportUnion[]): AnnualReportOrg[] {
  const parentOf = new Map(orgs.map((o) => [o.id, o.parentId]));
  const totals = new Map(orgs.map((o) => [o.id, { ...ZERO_FIGURES, unions: 0, reported: 0 }]));
  for (const u of unions)
    for (let at: string | null | undefined = u.orgId; at && totals.has(at); at = parentOf.get(at)) {
      const t = totals.get(at)!;
      totals.set(at, { ...addFigures(t, u), unions: t.unions + 1, reported: t.reported + (u.reported ? 1 : 0) });
    }
  return orgs.map((o) => ({ ...o, totals: totals.get(o.id)! }));
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * The period of 年报 `year`: the statistics year unless `from`/`to` replace either end. A bad date is
 * named in Chinese (null when the period is fine).
 */
export function reportPeriod(year: number, from?: string, to?: string): StatsPeriod | string {
  const period = { ...statisticsYear(year), ...(from ? { from } : {}), ...(to ? { to } : {}) };
  for (const [flag, value] of [
    ['from', period.from],
    ['to', period.to],
  ] as const)
    if (!ISO_DATE.test(value) || Number.isNaN(Date.parse(value))) return `--${flag}：日期无效（${value}），应如 2025-09-30`;
  if (period.from > period.to) return `统计期间的开始日期 ${period.from} 晚于结束日期 ${period.to}`;
  return period;
}
