import { findAccount } from '../accounts/chart';
import { formatYuan } from '../money/fen';
import type { CarriedGrant, Fen, Transaction } from '../model/records';

/** 40302 专项补助收入: money from the upper union given for a named purpose. */
export const SPECIAL_GRANT_ACCOUNT = '40302';

export const PURPOSE_MAX = 50;

/** One 专项 and where it stands: received, spent on it, and what remains. */
export interface GrantBalance {
  purpose: string;
  /** Left unspent at the start of the range (上年结转): a grant received in one year may be spent in the next. */
  carriedFen: Fen;
  receivedFen: Fen;
  spentFen: Fen;
  remainingFen: Fen;
}

export function purposeOf(t: Pick<Transaction, 'purpose'>): string {
  return t.purpose?.trim() ?? '';
}

/**
 * Every 专项 with what was received (40302 entries naming it) and spent (spending entries charged to
 * it) from `from` to `to`; reversals carry the purpose of what they reverse, so they count against it.
 * In order of the first entry that names the purpose. The bounds are explicit so that the figures
 * depend only on the dates asked for, never on how many years of entries the caller happened to load;
 * what remained before `from` comes in as `carried` (see openingGrants), listed first.
 */
export function grantBalances(
  transactions: Iterable<Transaction>,
  to = '9999-12-31',
  from = '0000-01-01',
  carried: readonly CarriedGrant[] = [],
): GrantBalance[] {
  // A 专项 receipt from before purposes were recorded is listed under '' (未注明用途) rather than left out.
  const live = [...transactions].filter(
    (t) => t.deleted === 0 && t.date >= from && t.date <= to && (purposeOf(t) !== '' || t.accountCode === SPECIAL_GRANT_ACCOUNT),
  );
  live.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const byPurpose = new Map<string, GrantBalance>();
  for (const c of carried)
    byPurpose.set(c.purpose, { purpose: c.purpose, carriedFen: c.remainingFen, receivedFen: 0, spentFen: 0, remainingFen: c.remainingFen });
  for (const t of live) {
    const purpose = purposeOf(t);
    const grant = byPurpose.get(purpose) ?? { purpose, carriedFen: 0, receivedFen: 0, spentFen: 0, remainingFen: 0 };
    if (t.accountCode === SPECIAL_GRANT_ACCOUNT) grant.receivedFen += t.amountFen;
    else if (findAccount(t.accountCode)?.kind === 'expense') grant.spentFen += t.amountFen;
    grant.remainingFen = grant.carriedFen + grant.receivedFen - grant.spentFen;
    byPurpose.set(purpose, grant);
  }
  return [...byPurpose.values()];
}

/** Why an entry's purpose does not fit its account, or null: a 专项 receipt names one; spending may; nothing else does. */
export function purposeProblem(t: Pick<Transaction, 'accountCode' | 'purpose'>): string | null {
  const purpose = purposeOf(t);
  if (t.accountCode === SPECIAL_GRANT_ACCOUNT) {
    if (purpose === '') return '专项用途：专项补助收入请写明上级拨付的用途（例如 职工书屋建设）';
  } else if (purpose !== '' && findAccount(t.accountCode)?.kind !== 'expense') {
    return '专项用途：只有 40302 专项补助收入和支出可以填写';
  }
  if (purpose.length > PURPOSE_MAX) return `专项用途：不超过 ${PURPOSE_MAX} 个字`;
  return null;
}

/**
 * The warning for spending more on a 专项 than remains (it is allowed: the union may top it up from
 * its own money, but it should know), or null. `grants` are the balances without this entry.
 */
export function overspendWarning(grants: readonly GrantBalance[], purpose: string, amountFen: Fen): string | null {
  const name = purpose.trim();
  if (name === '' || !Number.isSafeInteger(amountFen) || amountFen <= 0) return null;
  const remaining = grants.find((g) => g.purpose === name)?.remainingFen ?? 0;
  if (amountFen <= remaining) return null;
  return `“${name}”专项剩余 ${formatYuan(remaining)} 元，本笔支出 ${formatYuan(amountFen)} 元，超出 ${formatYuan(amountFen - remaining)} 元（超出部分由本会经费负担）`;
}

/** A purpose as a table cell shows it. */
export function purposeName(purpose: string): string {
  return purpose === '' ? '未注明用途' : purpose;
}

/** A purpose as a sentence names it, before 专项. */
export function purposeLabel(purpose: string): string {
  return purpose === '' ? '未注明用途的' : `“${purpose}”`;
}

/** The 收入支出表's notes on 专项补助, one sentence per purpose. */
export function grantNotes(grants: readonly GrantBalance[]): string[] {
  return grants.map(
    (g) =>
      `${purposeLabel(g.purpose)}专项：${g.carriedFen !== 0 ? `上年结转 ${formatYuan(g.carriedFen)} 元，` : ''}收到 ${formatYuan(g.receivedFen)} 元，已支出 ${formatYuan(g.spentFen)} 元，${g.remainingFen < 0 ? '超支' : '结余'} ${formatYuan(Math.abs(g.remainingFen))} 元`,
  );
}
