import type { WelfareKind, WelfareVisit } from '../model/records';
import { WELFARE_KINDS } from './kinds';

export interface WelfareKindTotal {
  kind: WelfareKind;
  count: number;
  /** Distinct members visited. */
  people: number;
  totalFen: number;
}

export interface WelfareSummary {
  count: number;
  people: number;
  totalFen: number;
  byKind: WelfareKindTotal[];
}

/** Totals of live visits, overall and per kind (kinds without visits are left out). */
export function summarizeWelfare(visits: readonly WelfareVisit[]): WelfareSummary {
  const live = visits.filter((v) => v.deleted === 0);
  const byKind = WELFARE_KINDS.map((kind) => {
    const of = live.filter((v) => v.kind === kind);
    return { kind, count: of.length, people: new Set(of.map((v) => v.memberId)).size, totalFen: of.reduce((s, v) => s + v.amountFen, 0) };
  }).filter((k) => k.count > 0);
  return {
    count: live.length,
    people: new Set(live.map((v) => v.memberId)).size,
    totalFen: live.reduce((s, v) => s + v.amountFen, 0),
    byKind,
  };
}

export const FORM_LABELS: Record<WelfareVisit['form'], string> = { cash: '现金', goods: '实物', 'shopping-card': '购物卡' };
