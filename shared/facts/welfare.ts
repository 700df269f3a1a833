import { checkVisit } from '../limits/check';
import { resolvePreset, type SpendingPreset } from '../limits/presets';
import { live, type BookTables } from '../model/book';
import type { IsoDate, WelfareKind, WelfareVisit } from '../model/records';
import { WELFARE_KINDS, WELFARE_SUBKINDS } from '../welfare/kinds';
import type { OverLimitVisit, WelfareFacts, WelfareGroupFacts, WelfareKindFacts } from './types';

/**
 * 走访慰问 in the reports of unions: visits to the sick, to the bereaved, hardship help and 送温暖.
 * Birthday cakes, wedding and birth gifts, holiday goods and retirement keepsakes are 会员福利 and
 * are reported apart.
 */
export const VISIT_KINDS: ReadonlySet<WelfareKind> = new Set(['住院', '去世', '困难帮扶', '送温暖']);

const LABELS: Record<WelfareKind, string> = {
  生日: '生日慰问',
  结婚: '结婚慰问',
  生育: '生育慰问',
  住院: '住院慰问',
  去世: '去世慰问',
  退休: '退休纪念品',
  节日: '节日慰问品',
  困难帮扶: '困难帮扶',
  送温暖: '送温暖',
};

/** Welfare visits of the year up to the counting day, by kind in the usual order, split as reports split them. */
export function welfareFacts(book: Pick<BookTables, 'welfare' | 'union' | 'budgets'>, year: number, asOf: IsoDate): WelfareFacts {
  const prefix = `${year}-`;
  const visits = live(book.welfare).filter((v) => v.date.startsWith(prefix) && v.date <= asOf);
  const all = group(visits);
  const union = live(book.union)[0];
  const preset = resolvePreset(union?.spendingPreset ?? 'anhui-2018', union?.spendingLimits);
  return {
    personTimes: all.personTimes,
    amountFen: all.amountFen,
    kinds: all.kinds,
    visits: group(visits.filter((v) => VISIT_KINDS.has(v.kind))),
    benefits: group(visits.filter((v) => !VISIT_KINDS.has(v.kind))),
    overLimit: overLimit(visits, preset, book.budgets),
  };
}

function group(visits: readonly WelfareVisit[]): WelfareGroupFacts {
  const kinds: WelfareKindFacts[] = [];
  for (const kind of WELFARE_KINDS) {
    const of = visits.filter((v) => v.kind === kind);
    if (of.length === 0) continue;
    const subs = new Map<string, { name: string; personTimes: number; amountFen: number }>();
    for (const v of of) {
      if (!v.subKind) continue;
      const s = subs.get(v.subKind) ?? { name: v.subKind, personTimes: 0, amountFen: 0 };
      s.personTimes++;
      s.amountFen += v.amountFen;
      subs.set(v.subKind, s);
    }
    kinds.push({
      kind,
      label: LABELS[kind],
      personTimes: of.length,
      people: new Set(of.map((v) => v.memberId)).size,
      amountFen: of.reduce((s, v) => s + v.amountFen, 0),
      subKinds: [...subs.values()].sort((a, b) => subOrder(kind, a.name) - subOrder(kind, b.name) || a.name.localeCompare(b.name, 'zh')),
    });
  }
  return {
    personTimes: visits.length,
    people: new Set(visits.map((v) => v.memberId)).size,
    amountFen: visits.reduce((s, v) => s + v.amountFen, 0),
    kinds,
  };
}

/** Sub-kinds in the order the welfare page offers them (春送岗位 … 冬送温暖), others after. */
function subOrder(kind: WelfareKind, name: string): number {
  const i = WELFARE_SUBKINDS[kind]?.indexOf(name) ?? -1;
  return i < 0 ? 99 : i;
}

/** The visits the welfare page warns about, checked the same way (shared/limits) against the same year. */
function overLimit(visits: readonly WelfareVisit[], preset: SpendingPreset, budgets: BookTables['budgets']): OverLimitVisit[] {
  const out: OverLimitVisit[] = [];
  for (const v of [...visits].sort((a, b) => a.date.localeCompare(b.date))) {
    const warnings = checkVisit(v, visits, preset, { budgets });
    const first = warnings[0];
    if (first) out.push({ kind: LABELS[v.kind], date: v.date, amountFen: v.amountFen, rule: plainRule(first.rule, preset) });
  }
  return out;
}

/** "安徽 2018：住院慰问（手术）每次不超过 1,000.00 元" → "住院慰问（手术）每次不超过1000元", as running text writes it. */
function plainRule(rule: string, preset: SpendingPreset): string {
  return rule
    .replace(`${preset.name}：`, '')
    .replace(/\s*([\d,]+)\.00\s*元/g, (_, n: string) => `${n.replace(/,/g, '')}元`)
    .replace(/\s*([\d,]+\.\d\d)\s*元/g, (_, n: string) => `${n.replace(/,/g, '')}元`)
    .replace(/\s+/g, '');
}

/** The union's spending rule as a document names it: 安徽省总工会《基层工会经费收支管理实施细则》. */
export function spendingRuleName(union: BookTables['union'][number] | undefined): string {
  const preset = resolvePreset(union?.spendingPreset ?? 'anhui-2018', union?.spendingLimits);
  if (preset.id === 'custom') return '本工会按当地实施细则确定的标准';
  const [issuer, ...rest] = preset.source.split(' ');
  return rest.length > 0 ? `${issuer}《${rest.join('')}》` : `《${preset.source}》`;
}
