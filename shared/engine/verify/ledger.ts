import { ALLOCATION_ACCOUNT, findAccount } from '../../accounts/chart';
import { balanceSheetBalances, computeBalanceSheet } from '../../finance/balance-sheet';
import { anchorYear, balancesAt } from '../../finance/balances';
import { ASSET_THRESHOLD_FEN } from '../../finance/fixed-assets';
import { firstNegativePayable, payableAt } from '../../finance/payable';
import { advancesAt, firstNegativeCustody, heldAt, heldFieldProblem, isAdvance } from '../../finance/held';
import { formatYuan } from '../../money/fen';
import type { BookTables } from '../../model/book';
import type { Transaction } from '../../model/records';
import { formatDate } from '../rules/dates';
import type { VerifyProblem } from './problem';

function txProblem(t: Transaction, message: string): VerifyProblem {
  return { table: 'transactions', rowId: t.id, label: t.voucherNumber || t.date, message };
}

/** 应付上级经费: only 402 receipts carry it, within their amount; reversals carry it back; never more paid than owed. */
export function checkPayable(book: BookTables): VerifyProblem[] {
  const out: VerifyProblem[] = [];
  const byId = new Map(book.transactions.map((t) => [t.id, t]));
  for (const t of book.transactions) {
    if (t.deleted !== 0) continue;
    const payable = t.payableFen ?? 0;
    if (payable !== 0 && t.accountCode !== ALLOCATION_ACCOUNT) out.push(txProblem(t, '不是拨缴经费收入，却记有应付上级经费'));
    else if (payable !== 0 && (Math.sign(payable) !== Math.sign(t.amountFen) || Math.abs(payable) > Math.abs(t.amountFen)))
      out.push(txProblem(t, `应付上级经费 ${formatYuan(payable)} 元超出收到的金额 ${formatYuan(t.amountFen)} 元`));
    const original = t.reversalOf ? byId.get(t.reversalOf) : undefined;
    if (original && (original.payableFen ?? 0) !== -payable)
      out.push(txProblem(t, `与被冲销的 ${original.voucherNumber} 的应付上级经费不对应`));
  }
  const low = firstNegativePayable(book, '0000-01-01');
  if (low)
    out.push({
      table: 'transactions',
      rowId: '',
      label: formatDate(low.date),
      message: `当日应付上级经费为 ${formatYuan(low.payableFen)} 元：上缴超过了应上缴的拨缴经费`,
    });
  return out;
}

/**
 * 代管经费 and advances: flow and advance fields fit the account, a settlement names a live advance
 * paid no later, no advance is settled beyond its amount, and 代管经费 is never paid out beyond what is held.
 */
export function checkHeld(book: BookTables): VerifyProblem[] {
  const out: VerifyProblem[] = [];
  const byId = new Map(book.transactions.map((t) => [t.id, t]));
  for (const t of book.transactions) {
    if (t.deleted !== 0) continue;
    const fields = heldFieldProblem(t, findAccount(t.accountCode)?.kind);
    if (fields) out.push(txProblem(t, fields));
    if (!t.advanceId) continue;
    const advance = byId.get(t.advanceId);
    if (!advance || advance.deleted !== 0 || !isAdvance(advance)) out.push(txProblem(t, '结算的借款不存在'));
    else if (advance.date > t.date) out.push(txProblem(t, `结算日期早于借款 ${advance.voucherNumber} 的日期`));
  }
  for (const a of advancesAt(book.transactions, '9999-12-31'))
    if (a.openFen < 0) out.push(txProblem(a.advance, `借款已结算 ${formatYuan(a.settledFen)} 元，超出借款 ${formatYuan(-a.openFen)} 元`));
  const low = firstNegativeCustody(book, '0000-01-01');
  if (low)
    out.push({
      table: 'transactions',
      rowId: '',
      label: formatDate(low.date),
      message: `当日代管经费为 ${formatYuan(low.custodyFen)} 元：付出超过了收到的代管经费`,
    });
  return out;
}

/** Each registered asset: paid by a live 507 entry (not over its amount) or held before the books, above its threshold. */
export function checkFixedAssets(book: BookTables): VerifyProblem[] {
  const out: VerifyProblem[] = [];
  const byId = new Map(book.transactions.map((t) => [t.id, t]));
  const perEntry = new Map<string, number>();
  for (const a of book.fixedAssets) {
    if (a.deleted !== 0) continue;
    const problem = (message: string) => out.push({ table: 'fixedAssets', rowId: a.id, label: a.name, message });
    if (a.valueFen < ASSET_THRESHOLD_FEN[a.category]) problem(`原值 ${formatYuan(a.valueFen)} 元低于固定资产的标准`);
    if (a.disposedDate && a.disposedDate < a.acquiredDate) problem('处置日期早于取得日期');
    if (!a.transactionId) continue;
    const t = byId.get(a.transactionId);
    if (!t || t.deleted !== 0 || !t.accountCode.startsWith('507')) {
      problem('对应的资本性支出不存在');
      continue;
    }
    perEntry.set(t.id, (perEntry.get(t.id) ?? 0) + a.valueFen);
  }
  for (const [id, fen] of perEntry) {
    const t = byId.get(id)!;
    if (fen > t.amountFen) out.push(txProblem(t, `登记的固定资产原值合计 ${formatYuan(fen)} 元超过支出金额`));
  }
  return out;
}

/**
 * The 资产负债表 balances at the end of every year the books hold, and a year-end balance carried
 * by closing December equals what the year's entries give.
 */
export function checkBalanceSheets(book: BookTables): VerifyProblem[] {
  const out: VerifyProblem[] = [];
  // An entry outside the chart is reported by the account check; no sheet can be drawn around it.
  if (book.transactions.some((t) => t.deleted === 0 && !findAccount(t.accountCode))) return out;
  const years = new Set<number>();
  for (const t of book.transactions) if (t.deleted === 0) years.add(Number(t.date.slice(0, 4)));
  for (const a of book.fixedAssets) if (a.deleted === 0) years.add(Number(a.acquiredDate.slice(0, 4)));
  for (const year of [...years].sort()) {
    const sheet = computeBalanceSheet(book, `${year}-12-31`);
    if (!balanceSheetBalances(sheet))
      out.push({
        table: 'transactions',
        rowId: '',
        label: `${year}年`,
        message: `资产负债表不平衡：资产 ${formatYuan(sheet.end.assetsFen)} 元，负债和净资产 ${formatYuan(sheet.end.liabilitiesFen + sheet.end.netAssetsFen)} 元`,
      });
  }
  for (const row of book.openingBalances) {
    if (row.deleted !== 0 || !row.carried) continue;
    const others = { ...book, openingBalances: book.openingBalances.filter((r) => r.id !== row.id) };
    if (anchorYear(others.openingBalances, row.year - 1) === null && !years.has(row.year - 1)) continue;
    const money = balancesAt(others, `${row.year - 1}-12-31`);
    const payable = payableAt(others, `${row.year - 1}-12-31`);
    const held = heldAt(others, `${row.year - 1}-12-31`);
    if (
      money.cashFen !== row.cashFen ||
      money.bankFen !== row.bankFen ||
      payable !== (row.payableFen ?? 0) ||
      held.custodyFen !== (row.custodyFen ?? 0) ||
      held.receivableFen !== (row.receivableFen ?? 0)
    )
      out.push({
        table: 'openingBalances',
        rowId: row.id,
        label: `${row.year}年`,
        message: `结转的年初余额与${row.year - 1}年末的账面余额不一致（账面：库存现金 ${formatYuan(money.cashFen)} 元，银行存款 ${formatYuan(money.bankFen)} 元）`,
      });
  }
  return out;
}
