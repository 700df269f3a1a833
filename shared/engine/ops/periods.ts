import { budgetProblem } from '../../finance/budgets';
import { closeProblem, isMonthClosed, reopenProblem } from '../../finance/closing';
import { isYearLockedBy, lockedYearMessage } from '../../finance/year-lock';
import type { Budget, Fen, IsoMonth, MonthClose, OpeningBalance } from '../../model/records';
import { BookError, throwIfAny } from '../errors';
import { nonNegativeAmountProblem, positiveAmountProblem } from '../rules/amounts';
import { accountLabel } from '../../accounts/chart';
import { formatDate, monthText } from '../rules/dates';
import type { BookStore } from '../store';
import { firstNegativeCash, negativeCashMessage } from '../rules/cash';
import { financeBook, PERIOD_TABLES, periodState } from './state';
import { balancesAt } from '../../finance/balances';
import { blockingChecks, closeChecklist, openMonthsThrough, type ChecklistOptions, type CloseCheck } from '../../finance/close-checklist';
import { payableAt } from '../../finance/payable';
import { heldAt } from '../../finance/held';
import { closingGrants } from '../../finance/grant-carry';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const CLOSE_TABLES = ['monthCloses', 'transactions', 'duesPayments', 'bankLines', 'bankMatches', 'bankSkips', ...PERIOD_TABLES] as const;

/** 结账: appends a close record (the history keeps every close and reopen). */
export async function closeMonth(store: BookStore, month: string): Promise<MonthClose> {
  return store.transaction(CLOSE_TABLES, async () => {
    const state = await periodState(store);
    const problem = closeProblem(state.monthCloses, month, state.today, state.booksStart);
    if (problem) throw new BookError(problem, 'month');
    const row = (await store.insert('monthCloses', [{ month, closed: true, reopenReason: '', closedAt: new Date().toISOString() }]))[0]!;
    if (month.endsWith('-12')) await carryYear(store, Number(month.slice(0, 4)));
    return row;
  });
}

/**
 * A closed December stores the year's closing balances as the next year's opening row, so the next
 * year's figures read from their own year. A row typed in by hand for that year is left as it is.
 */
async function carryYear(store: BookStore, year: number): Promise<void> {
  const book = await financeBook(store);
  const next = (await store.where('openingBalances', 'year', year + 1)).filter((r) => r.deleted === 0);
  if (next.some((r) => !r.carried)) return;
  const money = balancesAt(book, `${year}-12-31`);
  const held = heldAt(book, `${year}-12-31`);
  const fields = {
    cashFen: money.cashFen,
    bankFen: money.bankFen,
    payableFen: payableAt(book, `${year}-12-31`),
    custodyFen: held.custodyFen,
    receivableFen: held.receivableFen,
    grants: closingGrants(book, year),
  };
  const [first, ...extra] = next;
  for (const r of extra) await store.remove('openingBalances', r.id);
  if (first) await store.update('openingBalances', [{ id: first.id, patch: fields }]);
  else
    await store.insert('openingBalances', [
      { year: year + 1, month: `${year + 1}-01`, booksStart: false, duesBeforeFen: 0, carried: true, ...fields },
    ]);
}

async function uncarryYear(store: BookStore, year: number): Promise<void> {
  for (const r of await store.where('openingBalances', 'year', year + 1))
    if (r.deleted === 0 && r.carried) await store.remove('openingBalances', r.id);
}

export interface CloseThroughOptions extends ChecklistOptions {
  /** Only list the checks and the months; close nothing. */
  dryRun?: boolean;
}

export interface CloseThroughResult {
  months: string[];
  checks: CloseCheck[];
  closed: boolean;
}

/** The months a 结账至 `to` would close (see openMonthsThrough). */
export async function monthsToClose(store: BookStore, to: string): Promise<string[]> {
  if (!MONTH.test(to)) throw new BookError(`结账至：请填写年月（YYYY-MM）：${to}`, 'month');
  const state = await periodState(store);
  return openMonthsThrough(to, state.monthCloses, state.booksStart, await store.all('transactions'));
}

/**
 * 结账至: runs the check list for every open month up to `to`, then closes them all in one step, in
 * order (each by the rule of a single close). A failed check that is not skipped closes nothing.
 */
export async function closeThrough(store: BookStore, to: string, options: CloseThroughOptions = {}): Promise<CloseThroughResult> {
  return store.transaction(CLOSE_TABLES, async () => {
    const months = await monthsToClose(store, to);
    if (months.length === 0) throw new BookError(`${monthText(to)}及以前的月份都已结账`, 'month');
    const book = {
      ...(await financeBook(store)),
      duesPayments: await store.all('duesPayments'),
      bankLines: await store.all('bankLines'),
      bankMatches: await store.all('bankMatches'),
      bankSkips: await store.all('bankSkips'),
    };
    const checks = closeChecklist(book, months, options);
    if (options.dryRun) return { months, checks, closed: false };
    const blocking = blockingChecks(checks);
    if (blocking.length > 0)
      throw new BookError(`结账前检查未通过：${blocking.map((c) => `${c.label}（${c.detail}）`).join('；')}`, 'month');
    for (const month of months) await closeMonth(store, month);
    return { months, checks, closed: true };
  });
}

/** 反结账 with its reason, recorded as a new row so the reason stays on file; a locked year stays closed. */
export async function reopenMonth(store: BookStore, month: string, reason: string): Promise<MonthClose> {
  return store.transaction(CLOSE_TABLES, async () => {
    const state = await periodState(store);
    const year = Number(month.slice(0, 4));
    if (isYearLockedBy(state.submissions, year)) throw new BookError(lockedYearMessage(year), 'month');
    const problem = reopenProblem(state.monthCloses, month, reason);
    if (problem) throw new BookError(problem, problem.includes('原因') ? 'reason' : 'month');
    const row = (
      await store.insert('monthCloses', [{ month, closed: false, reopenReason: reason.trim(), closedAt: new Date().toISOString() }])
    )[0]!;
    if (month.endsWith('-12')) await uncarryYear(store, year);
    return row;
  });
}

export interface BooksStartInput {
  month: IsoMonth;
  cashFen: Fen;
  bankFen: Fen;
  /** Dues already collected this year before the books start here (0 when none, or not known). */
  duesBeforeFen?: Fen;
}

function balanceProblem(label: string, fen: Fen): string | null {
  if (fen === 0) return null;
  return positiveAmountProblem(label, fen)?.replace('必须大于 0；更正已记的金额请用红字冲销', '不能为负数') ?? null;
}

/**
 * 开账: the month this union's books start here and the money it had then. Nothing may already be
 * booked before that month, and it may not lie in the future. Said again, it corrects the start.
 */
export async function openBooks(store: BookStore, input: BooksStartInput): Promise<OpeningBalance> {
  const problems: { field: string; message: string }[] = [];
  if (!MONTH.test(input.month)) problems.push({ field: 'month', message: `开账月份：请填写年月（YYYY-MM）：${input.month}` });
  else if (input.month > store.today().slice(0, 7))
    problems.push({ field: 'month', message: `开账月份：${monthText(input.month)}还没有到` });
  for (const [field, label, fen] of [
    ['cashFen', '开账库存现金', input.cashFen],
    ['bankFen', '开账银行存款', input.bankFen],
    ['duesBeforeFen', '开账前已收会费', input.duesBeforeFen ?? 0],
  ] as const) {
    const problem = balanceProblem(label, fen);
    if (problem) problems.push({ field, message: problem });
  }
  throwIfAny(problems);
  return store.transaction(['transactions', 'duesPayments', ...PERIOD_TABLES], async () => {
    const state = await periodState(store);
    const year = Number(input.month.slice(0, 4));
    if (isYearLockedBy(state.submissions, year)) throw new BookError(lockedYearMessage(year), 'month');
    const first = `${input.month}-01`;
    const early = (await store.transactionsBetween('0000-01-01', first))
      .filter((t) => t.deleted === 0 && t.date < first)
      .sort((a, b) => (a.date < b.date ? -1 : 1))[0];
    if (early)
      throw new BookError(`开账月份：已有 ${formatDate(early.date)}的收支记录（${early.voucherNumber}），开账月份不能晚于它`, 'month');
    const earlyDues = (await store.all('duesPayments'))
      .filter((p) => p.deleted === 0 && (p.month < input.month || p.paidDate < first))
      .sort((a, b) => (a.month < b.month ? -1 : 1))[0];
    if (earlyDues) throw new BookError(`开账月份：已有 ${monthText(earlyDues.month)}的会费记录，开账月份不能晚于它`, 'month');
    if (state.monthCloses.some((c) => c.deleted === 0 && c.month >= input.month && isMonthClosed(state.monthCloses, c.month)))
      throw new BookError('已有结账的月份，不能再更改开账；请先反结账', 'month');
    const fields = {
      year,
      month: input.month,
      cashFen: input.cashFen,
      bankFen: input.bankFen,
      booksStart: true,
      duesBeforeFen: input.duesBeforeFen ?? 0,
    };
    const rows = await store.all('openingBalances');
    const starts = rows.filter((r) => r.deleted === 0 && r.booksStart);
    const sameYear = rows.filter((r) => r.deleted === 0 && !r.booksStart && r.year <= year);
    // One start: an earlier one is replaced, and a hand-set 上年结余 at or before it means nothing any more.
    for (const r of [...starts.slice(1), ...sameYear]) await store.remove('openingBalances', r.id);
    const [saved] = starts[0]
      ? await store.update('openingBalances', [{ id: starts[0].id, patch: fields }])
      : await store.insert('openingBalances', [fields]);
    await assertOpeningCash(store, year);
    return saved!;
  });
}

async function assertYearWritable(store: BookStore, year: number): Promise<void> {
  const state = await periodState(store);
  if (isYearLockedBy(state.submissions, year)) throw new BookError(lockedYearMessage(year));
  const closed = state.monthCloses.find((c) => c.month.startsWith(`${year}-`) && isMonthClosed(state.monthCloses, c.month));
  if (closed) throw new BookError(`${year}年已有结账的月份（${monthText(closed.month)}），不能再改年初结余；请先反结账`);
}

/** Sets 上年结余 of a year by hand (overrides the carried-forward figure). */
export async function setOpeningBalance(store: BookStore, year: number, cashFen: Fen, bankFen: Fen): Promise<OpeningBalance> {
  const problems = [balanceProblem('库存现金', cashFen), balanceProblem('银行存款', bankFen)].filter((p): p is string => p !== null);
  throwIfAny(problems.map((message) => ({ message })));
  return store.transaction(['transactions', ...PERIOD_TABLES], async () => {
    await assertYearWritable(store, year);
    const rows = (await store.where('openingBalances', 'year', year)).filter((r) => r.deleted === 0);
    const start = rows.find((r) => r.booksStart);
    if (start) throw new BookError(`${year}年是开账年度，年初余额即开账余额，请在“开账”中修改`);
    const [first, ...extra] = rows;
    for (const r of extra) await store.remove('openingBalances', r.id);
    const [saved] = first
      ? await store.update('openingBalances', [{ id: first.id, patch: { cashFen, bankFen, carried: false } }])
      : await store.insert('openingBalances', [{ year, month: `${year}-01`, cashFen, bankFen, booksStart: false, duesBeforeFen: 0 }]);
    await assertOpeningCash(store, year);
    return saved!;
  });
}

/** A changed opening balance moves every day of the year: cash must still never be negative. */
async function assertOpeningCash(store: BookStore, year: number): Promise<void> {
  const low = firstNegativeCash(await financeBook(store), `${year}-01-01`);
  if (low) throw new BookError(negativeCashMessage(low), 'cashFen');
}

/** Drops the hand-set figure of a year, so it is carried forward again from the year before. */
export async function clearOpeningBalance(store: BookStore, year: number): Promise<void> {
  await store.transaction(['transactions', ...PERIOD_TABLES], async () => {
    await assertYearWritable(store, year);
    for (const r of await store.where('openingBalances', 'year', year))
      if (r.deleted === 0 && !r.booksStart) await store.remove('openingBalances', r.id);
    await assertOpeningCash(store, year);
  });
}

/** A budget is a plan: any year, next year's included; the amount is checked like any amount. */
export async function setBudget(store: BookStore, year: number, accountCode: string, amountFen: Fen | null): Promise<Budget> {
  const problem = budgetProblem(accountCode, amountFen) ?? (amountFen === 0 ? null : positiveAmountProblem('预算金额', amountFen));
  if (problem || amountFen === null) throw new BookError(problem ?? '请填写预算金额', 'amountFen');
  return store.transaction(['budgets'], async () => {
    const existing = (await store.where('budgets', 'year', year)).find((b) => b.deleted === 0 && b.accountCode === accountCode);
    if (existing) return (await store.update('budgets', [{ id: existing.id, patch: { amountFen } }]))[0]!;
    return (await store.insert('budgets', [{ year, accountCode, amountFen }]))[0]!;
  });
}

export interface BudgetEntry {
  accountCode: string;
  /** null when the amount could not be read. */
  amountFen: Fen | null;
}

/**
 * A year's 预算表 saved at once: every line is checked first, each problem naming its account, and
 * nothing is written unless all are sound. A top-level account whose budget is kept on its
 * sub-accounts is refused: a figure on both would be counted twice.
 */
export async function setBudgets(store: BookStore, year: number, entries: readonly BudgetEntry[]): Promise<Budget[]> {
  return store.transaction(['budgets'], async () => {
    const live = (await store.where('budgets', 'year', year)).filter((b) => b.deleted === 0);
    const problems: { field: string; message: string }[] = [];
    for (const e of entries) {
      const label = accountLabel(e.accountCode);
      const problem = budgetProblem(e.accountCode, e.amountFen) ?? nonNegativeAmountProblem('预算金额', e.amountFen);
      if (problem) problems.push({ field: e.accountCode, message: `${label}：${problem.replace(/^预算金额：/, '预算金额 ')}` });
      else if (live.some((b) => b.accountCode !== e.accountCode && b.accountCode.startsWith(e.accountCode)))
        problems.push({ field: e.accountCode, message: `${label}：已按明细科目编制${year}年预算，请在明细科目上修改` });
    }
    throwIfAny(problems);
    const out: Budget[] = [];
    for (const e of entries) {
      const existing = live.find((b) => b.accountCode === e.accountCode);
      if (existing?.amountFen === e.amountFen) out.push(existing);
      else if (existing) out.push((await store.update('budgets', [{ id: existing.id, patch: { amountFen: e.amountFen! } }]))[0]!);
      else out.push((await store.insert('budgets', [{ year, accountCode: e.accountCode, amountFen: e.amountFen! }]))[0]!);
    }
    return out;
  });
}

export function removeBudget(store: BookStore, id: string): Promise<void> {
  return store.remove('budgets', id);
}
