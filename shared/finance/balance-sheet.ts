import type { Fen, FixedAsset } from '../model/records';
import { accountTotals, balancesAt, openingBalance, type FinanceBook } from './balances';
import { findAccount } from '../accounts/chart';
import { fixedAssetsAt } from './fixed-assets';
import { openingPayable, payableAt } from './payable';
import { heldAt, openingHeld, type HeldBalances } from './held';

export interface BalanceSheetBook extends FinanceBook {
  fixedAssets: readonly FixedAsset[];
}

/** One column of the 资产负债表: the figures on one day. */
export interface BalanceSheetColumn {
  cashFen: Fen;
  bankFen: Fen;
  /** 其他应收款: advances (借出/预付) not yet settled. */
  receivableFen: Fen;
  fixedAssetsFen: Fen;
  assetsFen: Fen;
  /** 应付上级经费. */
  payableFen: Fen;
  /** 代管经费: money held for others. */
  custodyFen: Fen;
  liabilitiesFen: Fen;
  /** 资产基金: what the fixed assets stand for in net assets (their purchase was spending already). */
  assetFundFen: Fen;
  /** 工会资金结余: the year's opening fund plus income less spending. */
  fundBalanceFen: Fen;
  netAssetsFen: Fen;
}

export interface BalanceSheet {
  /** The day the sheet is drawn up at (a month's or the year's last day). */
  date: string;
  label: string;
  /** 年初数: 1 January of the year (the balances brought forward). */
  yearStart: BalanceSheetColumn;
  /** 期末数. */
  end: BalanceSheetColumn;
}

function column(
  cashFen: Fen,
  bankFen: Fen,
  held: HeldBalances,
  fixedAssetsFen: Fen,
  payableFen: Fen,
  fundBalanceFen: Fen,
): BalanceSheetColumn {
  const { custodyFen, receivableFen } = held;
  return {
    cashFen,
    bankFen,
    receivableFen,
    fixedAssetsFen,
    assetsFen: cashFen + bankFen + receivableFen + fixedAssetsFen,
    payableFen,
    custodyFen,
    liabilitiesFen: payableFen + custodyFen,
    assetFundFen: fixedAssetsFen,
    fundBalanceFen,
    netAssetsFen: fixedAssetsFen + fundBalanceFen,
  };
}

const dayBeforeYear = (year: number) => `${year - 1}-12-31`;

/**
 * 资产负债表 at the end of `date`. Each side is counted on its own: money by place through the sign
 * rule, the liability from its own movements, the fund from income and spending by account. The sheet
 * balances when every entry obeys the sign rule, which `verify` checks on every year.
 */
export function computeBalanceSheet(book: BalanceSheetBook, date: string): BalanceSheet {
  const year = Number(date.slice(0, 4));
  const open = openingBalance(book, year);
  const openPayable = openingPayable(book, year);
  const openHeld = openingHeld(book, year);
  const openFund = open.cashFen + open.bankFen + openHeld.receivableFen - openPayable - openHeld.custodyFen;
  const yearStart = column(
    open.cashFen,
    open.bankFen,
    openHeld,
    fixedAssetsAt(book.fixedAssets, dayBeforeYear(year)),
    openPayable,
    openFund,
  );
  let surplus = 0;
  for (const [code, fen] of accountTotals(book.transactions, `${year}-01-01`, date)) {
    const kind = findAccount(code)?.kind;
    if (kind === 'income') surplus += fen;
    else if (kind === 'expense') surplus -= fen;
  }
  const money = balancesAt(book, date);
  const end = column(
    money.cashFen,
    money.bankFen,
    heldAt(book, date),
    fixedAssetsAt(book.fixedAssets, date),
    payableAt(book, date),
    openFund + surplus,
  );
  const label = date.endsWith('-12-31') ? `${year}年12月31日` : `${year}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
  return { date, label, yearStart, end };
}

/** 资产 = 负债 + 净资产, in both columns. */
export function balanceSheetBalances(s: BalanceSheet): boolean {
  return [s.yearStart, s.end].every((c) => c.assetsFen === c.liabilitiesFen + c.netAssetsFen);
}

/** The last day of a month (`YYYY-MM`). */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}
