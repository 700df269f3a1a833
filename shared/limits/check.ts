import { findAccount } from '../accounts/chart';
import { formatYuan } from '../money/fen';
import type { Budget, WelfareVisit } from '../model/records';
import type { SpendingPreset } from './presets';
import type { SpendingLimits } from './types';

/** A finding about one visit. Always a warning: the local 实施细则 decides, so the user may still save. */
export interface LimitWarning {
  /** The rule, e.g. 住院慰问（手术）每次不超过 1,000.00 元. */
  rule: string;
  /** What is over and by how much. */
  message: string;
}

export type VisitToCheck = Pick<WelfareVisit, 'memberId' | 'kind' | 'subKind' | 'date' | 'form' | 'amountFen'> & { id?: string };

export interface CheckContext {
  /** The year's budgets; 北京 counts holiday gifts against the budgeted income. */
  budgets?: readonly Pick<Budget, 'year' | 'accountCode' | 'amountFen' | 'deleted'>[];
  memberName?: string;
}

const yuan = (fen: number) => `${formatYuan(fen, { grouping: true })} 元`;

function eventLimit(limits: SpendingLimits, v: VisitToCheck): { label: string; fen: number | null } | null {
  switch (v.kind) {
    case '生日':
      return { label: '生日慰问', fen: limits.birthdayFen };
    case '结婚':
      return { label: '结婚慰问', fen: limits.weddingFen };
    case '生育':
      return { label: '生育慰问', fen: limits.birthFen };
    case '住院':
      return v.subKind === '手术'
        ? { label: '住院慰问（手术）', fen: limits.hospitalSurgeryFen }
        : { label: '住院慰问（无手术）', fen: limits.hospitalFen };
    case '去世':
      return v.subKind === '会员本人'
        ? { label: '会员本人去世慰问', fen: limits.deathMemberFen }
        : { label: '直系亲属去世慰问', fen: limits.deathRelativeFen };
    case '退休':
      return { label: '退休慰问', fen: limits.retirementFen };
    default:
      return null;
  }
}

function forbiddenForm(v: VisitToCheck): LimitWarning | null {
  if (v.form === 'goods') return null;
  const form = v.form === 'cash' ? '现金' : '购物卡';
  if (v.kind === '节日') {
    return {
      rule: '节日慰问应发放传统节日慰问品（实物），不得发放现金、购物卡',
      message: `本次${v.subKind || '节日'}慰问的形式是${form}。`,
    };
  }
  if (v.kind === '生日') {
    return { rule: '生日慰问应发放生日蛋糕等实物或指定蛋糕店的蛋糕券，不得发放现金、购物卡', message: `本次生日慰问的形式是${form}。` };
  }
  return null;
}

function holidayWarning(preset: SpendingPreset, v: VisitToCheck, others: readonly WelfareVisit[], ctx: CheckContext): LimitWarning | null {
  const year = v.date.slice(0, 4);
  const holiday = preset.limits.holiday;
  const who = ctx.memberName ?? '该会员';
  if (holiday.mode === 'share-of-budget') {
    const income = (ctx.budgets ?? [])
      .filter((b) => b.deleted === 0 && String(b.year) === year && findAccount(b.accountCode)?.kind === 'income')
      .reduce((s, b) => s + b.amountFen, 0);
    if (income <= 0) return null;
    const cap = Math.floor((income * holiday.percent) / 100);
    const total = others.reduce((s, o) => s + o.amountFen, v.amountFen);
    if (total <= cap) return null;
    return {
      rule: `全年节日慰问品总额不超过当年预算收入的 ${holiday.percent}%（${yuan(cap)}）`,
      message: `${year}年全工会节日慰问已累计 ${yuan(total)}（含本次），超出 ${yuan(total - cap)}。`,
    };
  }
  const mine = others.filter((o) => o.memberId === v.memberId);
  if (holiday.mode === 'per-person-year') {
    if (holiday.annualFen === null) return null;
    const total = mine.reduce((s, o) => s + o.amountFen, v.amountFen);
    if (total <= holiday.annualFen) return null;
    return {
      rule: `节日慰问品每人每年合计不超过 ${yuan(holiday.annualFen)}`,
      message: `${who}${year}年节日慰问已累计 ${yuan(total)}（含本次），超出 ${yuan(total - holiday.annualFen)}。`,
    };
  }
  const spring = v.subKind === '春节';
  const cap = spring ? holiday.springFestivalFen : holiday.otherHolidayFen;
  if (cap === null) return null;
  const total = mine.filter((o) => o.subKind === v.subKind).reduce((s, o) => s + o.amountFen, v.amountFen);
  if (total <= cap) return null;
  const name = v.subKind || '节日';
  return {
    rule: spring ? `春节慰问品每人每年不超过 ${yuan(cap)}` : `春节以外的节日慰问品每人每节不超过 ${yuan(cap)}`,
    message: `${who}${year}年${name}慰问已累计 ${yuan(total)}（含本次），超出 ${yuan(total - cap)}。`,
  };
}

/**
 * Checks one visit against a spending-limit preset. `yearVisits` are the union's visits of the
 * year (the visit itself, when already saved, is recognised by id and not counted twice).
 * Returns warnings naming the rule; the caller shows them and still lets the user save.
 */
export function checkVisit(
  visit: VisitToCheck,
  yearVisits: readonly WelfareVisit[],
  preset: SpendingPreset,
  ctx: CheckContext = {},
): LimitWarning[] {
  const warnings: LimitWarning[] = [];
  const form = forbiddenForm(visit);
  if (form) warnings.push(form);

  const event = eventLimit(preset.limits, visit);
  if (event && event.fen !== null && visit.amountFen > event.fen) {
    warnings.push({
      rule: `${event.label}每次不超过 ${yuan(event.fen)}`,
      message: `本次金额 ${yuan(visit.amountFen)}，超出 ${yuan(visit.amountFen - event.fen)}。`,
    });
  }

  if (visit.kind === '节日') {
    const year = visit.date.slice(0, 4);
    const others = yearVisits.filter(
      (o) => o.deleted === 0 && o.kind === '节日' && o.date.startsWith(year) && (!visit.id || o.id !== visit.id),
    );
    const holiday = holidayWarning(preset, visit, others, ctx);
    if (holiday) warnings.push(holiday);
  }
  return warnings.map((w) => ({ ...w, rule: `${preset.name}：${w.rule}` }));
}
