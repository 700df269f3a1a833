import { findAccount, TRANSFER_ACCOUNT } from '../../accounts/chart';
import { checkDuesAgreement } from '../../dues/agreement';
import { booksStartMonth } from '../../finance/books-start';
import { formatYuan } from '../../money/fen';
import type { BookTables } from '../../model/book';
import type { IsoDate, Transaction } from '../../model/records';
import { firstNegativeCash } from '../rules/cash';
import { formatDate, monthText } from '../rules/dates';
import type { VerifyProblem } from './problem';

const VOUCHER = /^记-\d{3,}$/;

function txProblem(t: Transaction, message: string): VerifyProblem {
  return { table: 'transactions', rowId: t.id, label: t.voucherNumber || t.date, message };
}

/** 红字冲销: a reversal cancels one live original exactly, and an original is reversed at most once. */
export function checkReversals(book: BookTables): VerifyProblem[] {
  const out: VerifyProblem[] = [];
  const live = book.transactions.filter((t) => t.deleted === 0);
  const byId = new Map(book.transactions.map((t) => [t.id, t]));
  const reversalsOf = new Map<string, Transaction[]>();
  for (const t of live) {
    if (!t.reversalOf) {
      // A negative entry is a reversal, or the 401 entry of a dues reversal batch; nothing else.
      if (t.amountFen < 0 && !t.duesBatchId) out.push(txProblem(t, `金额为负（${formatYuan(t.amountFen)} 元）却不是冲销记录`));
      continue;
    }
    reversalsOf.set(t.reversalOf, [...(reversalsOf.get(t.reversalOf) ?? []), t]);
    const original = byId.get(t.reversalOf);
    if (!original || original.deleted !== 0) {
      out.push(txProblem(t, '冲销的原记录不存在'));
      continue;
    }
    if (original.reversalOf) out.push(txProblem(t, `冲销的 ${original.voucherNumber} 本身是冲销记录`));
    if (t.amountFen !== -original.amountFen || t.accountCode !== original.accountCode || t.place !== original.place)
      out.push(txProblem(t, `与被冲销的 ${original.voucherNumber} 不对应（金额、科目或资金不符）`));
  }
  for (const [id, list] of reversalsOf) {
    if (list.length > 1) out.push(txProblem(byId.get(id)!, `被冲销了 ${list.length} 次（${list.map((t) => t.voucherNumber).join('、')}）`));
  }
  const payments = new Map(book.duesPayments.map((p) => [p.id, p]));
  const paymentReversals = new Map<string, number>();
  for (const p of book.duesPayments) {
    if (p.deleted !== 0 || !p.reversalOf) continue;
    paymentReversals.set(p.reversalOf, (paymentReversals.get(p.reversalOf) ?? 0) + 1);
    const original = payments.get(p.reversalOf);
    if (
      !original ||
      original.deleted !== 0 ||
      original.amountFen !== -p.amountFen ||
      original.memberId !== p.memberId ||
      original.month !== p.month
    )
      out.push({ table: 'duesPayments', rowId: p.id, label: p.month, message: '冲销与原缴费记录不对应' });
  }
  for (const [id, n] of paymentReversals) if (n > 1) out.push({ table: 'duesPayments', rowId: id, message: `被冲销了 ${n} 次` });
  return out;
}

/** Vouchers are numbered per year as 记-NNN, each number used once. */
export function checkVouchers(book: BookTables): VerifyProblem[] {
  const out: VerifyProblem[] = [];
  const seen = new Map<string, Transaction>();
  for (const t of book.transactions) {
    if (t.deleted !== 0) continue;
    if (!VOUCHER.test(t.voucherNumber)) {
      out.push(txProblem(t, `凭证号格式不对：“${t.voucherNumber}”`));
      continue;
    }
    const key = `${t.date.slice(0, 4)}:${t.voucherNumber}`;
    const twin = seen.get(key);
    if (twin) out.push(txProblem(t, `凭证号与 ${formatDate(twin.date)} 的记录重复`));
    else seen.set(key, t);
  }
  return out;
}

/** Accounts exist, transfers go from one place to the other, and cash is never negative at the end of a day. */
export function checkAccountsAndCash(book: BookTables): VerifyProblem[] {
  const out: VerifyProblem[] = [];
  let sound = true;
  for (const t of book.transactions) {
    if (t.deleted !== 0) continue;
    if (!findAccount(t.accountCode)) {
      out.push(txProblem(t, `会计科目无效：${t.accountCode}`));
      sound = false;
    } else if (
      (t.accountCode === TRANSFER_ACCOUNT.cash && t.place !== 'bank') ||
      (t.accountCode === TRANSFER_ACCOUNT.bank && t.place !== 'cash')
    )
      out.push(txProblem(t, '转账记录的转出与转入是同一处资金'));
  }
  if (!sound) return out;
  const low = firstNegativeCash(book);
  if (low)
    out.push({
      table: 'transactions',
      rowId: '',
      label: formatDate(low.date),
      message: `当日库存现金余额为 ${formatYuan(low.cashFen)} 元，库存现金不能为负数`,
    });
  return out;
}

/** Money lies within the books: not before the start of books, not after today. */
export function checkDates(book: BookTables, today: IsoDate): VerifyProblem[] {
  const out: VerifyProblem[] = [];
  const start = booksStartMonth(book.openingBalances);
  const first = start ? `${start}-01` : '';
  const when = (date: IsoDate) =>
    date > today
      ? `日期 ${formatDate(date)} 晚于今天`
      : first && date < first
        ? `日期 ${formatDate(date)} 早于开账月份（${monthText(start!)}）`
        : null;
  for (const t of book.transactions) {
    const problem = t.deleted === 0 ? when(t.date) : null;
    if (problem) out.push(txProblem(t, problem));
  }
  for (const p of book.duesPayments) {
    if (p.deleted !== 0) continue;
    const problem = when(p.paidDate) ?? (start && p.month < start ? `所属月份 ${monthText(p.month)} 早于开账月份` : null);
    if (problem) out.push({ table: 'duesPayments', rowId: p.id, label: p.month, message: problem });
  }
  for (const w of book.welfare) {
    const problem = w.deleted === 0 && w.date > today ? `日期 ${formatDate(w.date)} 晚于今天` : null;
    if (problem) out.push({ table: 'welfare', rowId: w.id, label: w.date, message: problem });
  }
  for (const a of book.activities) {
    if (a.deleted === 0 && !a.planned && a.startDate > today)
      out.push({
        table: 'activities',
        rowId: a.id,
        label: a.title,
        message: `日期 ${formatDate(a.startDate)} 晚于今天，却不是计划中的活动`,
      });
  }
  const starts = book.openingBalances.filter((r) => r.deleted === 0 && r.booksStart);
  for (const r of book.openingBalances) {
    if (r.deleted === 0 && r.month.slice(0, 4) !== String(r.year))
      out.push({ table: 'openingBalances', rowId: r.id, label: String(r.year), message: '年度与开始月份不一致' });
  }
  if (starts.length > 1) out.push({ table: 'openingBalances', rowId: '', message: `有 ${starts.length} 条开账记录，只能有一条` });
  return out;
}

/** Each year's dues and its 401 entries agree, batch by batch. */
export function checkDuesLedger(book: BookTables): VerifyProblem[] {
  const years = new Set<number>();
  for (const p of book.duesPayments) if (p.deleted === 0) years.add(Number(p.paidDate.slice(0, 4)));
  for (const t of book.transactions) if (t.deleted === 0 && t.accountCode === '401') years.add(Number(t.date.slice(0, 4)));
  const out: VerifyProblem[] = [];
  for (const year of [...years].sort()) {
    const agreement = checkDuesAgreement(book.duesPayments, book.transactions, year);
    for (const message of agreement.problems) out.push({ table: 'duesPayments', rowId: '', label: `${year}年`, message });
    if (agreement.problems.length === 0 && agreement.differenceFen !== 0)
      out.push({
        table: 'duesPayments',
        rowId: '',
        label: `${year}年`,
        message: `会费收缴与 401 会费收入相差 ${formatYuan(agreement.differenceFen)} 元`,
      });
  }
  return out;
}
