import { checkDuesAgreement } from '../dues/agreement';
import { firstNegativeCash } from '../engine/rules/cash';
import { formatDate } from '../engine/rules/dates';
import type { OverLimitVisit } from '../facts/types';
import { balancesAt, openingRowFor, totalOf } from '../finance/balances';
import type { BalanceSheet } from '../finance/balance-sheet';
import { monthLabel } from '../finance/period';
import { payableAt } from '../finance/payable';
import { nonFundChange, type Statement } from '../finance/statement';
import { heldAt } from '../finance/held';
import type { BookTables } from '../model/book';
import type { Fen, IsoDate, IsoMonth } from '../model/records';
import { formatYuan } from '../money/fen';
import type { BankAtEnd, BankMonth } from './review';
import { monthSpans } from './month-spans';
import type { VoucherRange } from './vouchers';

export type AuditCheckKey =
  'statement' | 'sheet' | 'money' | 'fund' | 'carried' | 'vouchers' | 'cash' | 'dues' | 'closed' | 'bank' | 'limits';

/** One cross-check of the 经费审查: it holds, or says by how much and where. */
export interface AuditCheck {
  key: AuditCheckKey;
  label: string;
  ok: boolean;
  detail: string;
}

type CheckBook = Pick<BookTables, 'transactions' | 'openingBalances' | 'duesPayments'>;

interface Reviewed {
  year: number;
  asOf: IsoDate;
  endedMonths: IsoMonth[];
  openMonths: IsoMonth[];
  statement: Statement;
  sheet: BalanceSheet;
  vouchers: VoucherRange;
  bank: BankMonth[];
  bankAtEnd: BankAtEnd | null;
  overLimit: OverLimitVisit[];
}

const yuan = (fen: Fen) => `${formatYuan(fen, { grouping: true })} 元`;
/** A difference, signed as the check computes it. */
const gap = (fen: Fen) => `相差 ${yuan(fen)}`;

/** Names a few and counts the rest, so a long list stays readable. */
function some(items: readonly string[], limit = 5): string {
  return items.length > limit ? `${items.slice(0, limit).join('、')}等 ${items.length} 项` : items.join('、');
}

/** The checks, in the order the 经审委员会 reads them: the statements, the vouchers, the money, the bank, the rules. */
export function auditChecks(book: CheckBook, r: Reviewed): AuditCheck[] {
  return [
    statementCheck(r.statement),
    sheetCheck(r.sheet),
    moneyCheck(r.statement, r.sheet),
    fundCheck(r.statement, r.sheet),
    carriedCheck(book, r.year),
    voucherCheck(r.vouchers),
    cashCheck(book, r.year, r.asOf),
    duesCheck(book, r.year),
    closedCheck(r.endedMonths, r.openMonths),
    bankCheck(r.bank, r.bankAtEnd),
    limitsCheck(r.overLimit),
  ];
}

function statementCheck(s: Statement): AuditCheck {
  const payable = s.closingPayableFen - s.openingPayableFen;
  const custody = s.closingHeld.custodyFen - s.openingHeld.custodyFen;
  const advanced = s.closingHeld.receivableFen - s.openingHeld.receivableFen;
  const expected = totalOf(s.opening) + s.surplusFen + nonFundChange(s);
  const closing = totalOf(s.closing);
  const sum =
    `年初结余 ${yuan(totalOf(s.opening))} + 收支结余 ${yuan(s.surplusFen)} + 应付上级经费增减 ${yuan(payable)}` +
    (custody !== 0 ? ` + 代管经费增减 ${yuan(custody)}` : '') +
    (advanced !== 0 ? ` − 其他应收款增减 ${yuan(advanced)}` : '');
  return {
    key: 'statement',
    label: '收入支出表自身平衡',
    ok: expected === closing,
    detail:
      expected === closing
        ? `${sum} = 期末库存现金和银行存款 ${yuan(closing)}`
        : `${sum} = ${yuan(expected)}，而期末库存现金和银行存款为 ${yuan(closing)}，${gap(closing - expected)}`,
  };
}

function sheetCheck(sheet: BalanceSheet): AuditCheck {
  const bad = (
    [
      ['年初', sheet.yearStart],
      ['期末', sheet.end],
    ] as const
  ).filter(([, c]) => c.assetsFen !== c.liabilitiesFen + c.netAssetsFen);
  return {
    key: 'sheet',
    label: '资产负债表平衡',
    ok: bad.length === 0,
    detail:
      bad.length === 0
        ? `${sheet.label}资产 ${yuan(sheet.end.assetsFen)} = 负债 ${yuan(sheet.end.liabilitiesFen)} + 净资产 ${yuan(sheet.end.netAssetsFen)}`
        : bad
            .map(
              ([when, c]) =>
                `${when}资产 ${yuan(c.assetsFen)}，负债和净资产 ${yuan(c.liabilitiesFen + c.netAssetsFen)}，${gap(c.assetsFen - c.liabilitiesFen - c.netAssetsFen)}`,
            )
            .join('；'),
  };
}

function moneyCheck(s: Statement, sheet: BalanceSheet): AuditCheck {
  const pairs: [string, Fen, Fen][] = [
    ['年初库存现金', s.yearOpening.cashFen, sheet.yearStart.cashFen],
    ['年初银行存款', s.yearOpening.bankFen, sheet.yearStart.bankFen],
    ['期末库存现金', s.closing.cashFen, sheet.end.cashFen],
    ['期末银行存款', s.closing.bankFen, sheet.end.bankFen],
  ];
  const bad = pairs.filter(([, a, b]) => a !== b);
  return {
    key: 'money',
    label: '两表的库存现金、银行存款一致',
    ok: bad.length === 0,
    detail:
      bad.length === 0
        ? `期末库存现金 ${yuan(s.closing.cashFen)}、银行存款 ${yuan(s.closing.bankFen)}，两表相同`
        : bad.map(([what, a, b]) => `${what}：收入支出表 ${yuan(a)}，资产负债表 ${yuan(b)}，${gap(a - b)}`).join('；'),
  };
}

function fundCheck(s: Statement, sheet: BalanceSheet): AuditCheck {
  const fundChange = sheet.end.fundBalanceFen - sheet.yearStart.fundBalanceFen;
  const problems: string[] = [];
  if (fundChange !== s.surplusFen)
    problems.push(
      `资产负债表工会资金结余增加 ${yuan(fundChange)}，收入支出表收支结余 ${yuan(s.surplusFen)}，${gap(fundChange - s.surplusFen)}`,
    );
  if (sheet.end.payableFen !== s.closingPayableFen)
    problems.push(
      `期末应付上级经费：资产负债表 ${yuan(sheet.end.payableFen)}，收入支出表 ${yuan(s.closingPayableFen)}，${gap(sheet.end.payableFen - s.closingPayableFen)}`,
    );
  if (sheet.end.custodyFen !== s.closingHeld.custodyFen)
    problems.push(
      `期末代管经费：资产负债表 ${yuan(sheet.end.custodyFen)}，收入支出表 ${yuan(s.closingHeld.custodyFen)}，${gap(sheet.end.custodyFen - s.closingHeld.custodyFen)}`,
    );
  if (sheet.end.receivableFen !== s.closingHeld.receivableFen)
    problems.push(
      `期末其他应收款：资产负债表 ${yuan(sheet.end.receivableFen)}，收入支出表 ${yuan(s.closingHeld.receivableFen)}，${gap(sheet.end.receivableFen - s.closingHeld.receivableFen)}`,
    );
  return {
    key: 'fund',
    label: '资金结余、应付上级经费两表一致',
    ok: problems.length === 0,
    detail:
      problems.length === 0
        ? `工会资金结余增加 ${yuan(fundChange)}，等于收支结余；期末应付上级经费 ${yuan(s.closingPayableFen)}`
        : problems.join('；'),
  };
}

/** A year's opening must be last year's closing; in the year the books start it is the 开账 balance. */
function carriedCheck(book: CheckBook, year: number): AuditCheck {
  const label = '年初数与上年末账面余额一致';
  const own = openingRowFor(book.openingBalances, year);
  if (own?.booksStart) return { key: 'carried', label, ok: true, detail: `${year}年为开账年度，年初数为开账时录入的余额` };
  const prevEnd = `${year - 1}-12-31`;
  const hasPrevious =
    book.transactions.some((t) => t.deleted === 0 && t.date <= prevEnd) ||
    book.openingBalances.some((o) => o.deleted === 0 && o.year < year);
  if (!hasPrevious) return { key: 'carried', label, ok: true, detail: `账簿中没有${year - 1}年的记录，年初数为 0` };
  if (!own) return { key: 'carried', label, ok: true, detail: `${year}年的年初数由${year - 1}年末余额直接结转` };
  const others = { ...book, openingBalances: book.openingBalances.filter((o) => o.id !== own.id) };
  const money = balancesAt(others, prevEnd);
  const payable = payableAt(others, prevEnd);
  const bad: string[] = [];
  if (own.cashFen !== money.cashFen)
    bad.push(`库存现金年初 ${yuan(own.cashFen)}，上年末 ${yuan(money.cashFen)}，${gap(own.cashFen - money.cashFen)}`);
  if (own.bankFen !== money.bankFen)
    bad.push(`银行存款年初 ${yuan(own.bankFen)}，上年末 ${yuan(money.bankFen)}，${gap(own.bankFen - money.bankFen)}`);
  if ((own.payableFen ?? 0) !== payable)
    bad.push(`应付上级经费年初 ${yuan(own.payableFen ?? 0)}，上年末 ${yuan(payable)}，${gap((own.payableFen ?? 0) - payable)}`);
  const held = heldAt(others, prevEnd);
  if ((own.custodyFen ?? 0) !== held.custodyFen)
    bad.push(`代管经费年初 ${yuan(own.custodyFen ?? 0)}，上年末 ${yuan(held.custodyFen)}，${gap((own.custodyFen ?? 0) - held.custodyFen)}`);
  if ((own.receivableFen ?? 0) !== held.receivableFen)
    bad.push(
      `其他应收款年初 ${yuan(own.receivableFen ?? 0)}，上年末 ${yuan(held.receivableFen)}，${gap((own.receivableFen ?? 0) - held.receivableFen)}`,
    );
  const how = own.carried ? '结账时结转' : '手工录入';
  return {
    key: 'carried',
    label,
    ok: bad.length === 0,
    detail: bad.length === 0 ? `年初数（${how}）与${year - 1}年末账面余额相同` : `年初数为${how}：${bad.join('；')}`,
  };
}

function voucherCheck(v: VoucherRange): AuditCheck {
  const problems: string[] = [];
  if (v.missing.length > 0) problems.push(`缺号 ${some(v.missing.map((m) => (m.deleted ? `${m.number}（已删除）` : m.number)))}`);
  if (v.duplicates.length > 0) problems.push(`重号 ${some(v.duplicates)}`);
  if (v.unnumbered > 0) problems.push(`${v.unnumbered} 笔记录没有凭证号`);
  const range = v.count === 0 ? '本期没有记账凭证' : `${v.first} 至 ${v.last}，共 ${v.count} 张`;
  return {
    key: 'vouchers',
    label: '记账凭证连续编号',
    ok: problems.length === 0,
    detail: problems.length === 0 ? `${range}，编号连续` : `${range}；${problems.join('；')}`,
  };
}

function cashCheck(book: CheckBook, year: number, asOf: IsoDate): AuditCheck {
  const low = firstNegativeCash(book, `${year}-01-01`);
  const inYear = low && low.date <= asOf ? low : null;
  return {
    key: 'cash',
    label: '库存现金每天不为负数',
    ok: !inYear,
    detail: inYear ? `${formatDate(inYear.date)} 库存现金余额为 ${yuan(inYear.cashFen)}` : '全年每天的库存现金余额都不小于 0',
  };
}

function duesCheck(book: CheckBook, year: number): AuditCheck {
  const d = checkDuesAgreement(book.duesPayments, book.transactions, year);
  return {
    key: 'dues',
    label: '会费收缴记录与 401 会费收入一致',
    ok: d.ok,
    detail: d.ok
      ? `会费收缴 ${yuan(d.duesFen)}，401 会费收入 ${yuan(d.ledger401Fen)}`
      : `会费收缴 ${yuan(d.duesFen)}，401 会费收入 ${yuan(d.ledger401Fen)}，${gap(d.ledger401Fen - d.duesFen)}${d.problems.length > 0 ? `：${some(d.problems, 3)}` : ''}`,
  };
}

function closedCheck(ended: readonly IsoMonth[], open: readonly IsoMonth[]): AuditCheck {
  return {
    key: 'closed',
    label: '已结束的月份均已结账',
    ok: open.length === 0,
    detail: ended.length === 0 ? '还没有已结束的月份' : open.length === 0 ? `${monthSpans(ended)}均已结账` : `未结账：${monthSpans(open)}`,
  };
}

function bankCheck(months: readonly BankMonth[], end: BankAtEnd | null): AuditCheck {
  const unbalanced = months.filter((m) => m.state === 'unbalanced');
  const missing = months.filter((m) => m.state === 'no-statement');
  const skipped = months.filter((m) => m.state === 'skipped');
  const problems: string[] = [];
  if (unbalanced.length > 0) problems.push(`余额调节不符：${unbalanced.map((m) => `${m.label}${gap(m.differenceFen)}`).join('；')}`);
  if (missing.length > 0) problems.push(`未导入对账单：${monthSpans(missing.map((m) => m.month))}`);
  const endText =
    end && end.statementBalanceFen !== null
      ? `${monthLabel(end.month)}末银行存款日记账余额 ${yuan(end.journalBalanceFen)}，对账单余额 ${yuan(end.statementBalanceFen)}（截至 ${formatDate(end.statementThrough!)}）`
      : '';
  const skippedText = skipped.length > 0 ? `；已跳过 ${monthSpans(skipped.map((m) => m.month))}` : '';
  return {
    key: 'bank',
    label: '银行存款与银行对账单相符',
    ok: problems.length === 0,
    detail:
      months.length === 0
        ? '还没有已结束的月份'
        : problems.length === 0
          ? `各月余额调节相符${skippedText}${endText ? `；${endText}` : ''}`
          : `${problems.join('；')}${skippedText}${endText ? `；${endText}` : ''}`,
  };
}

function limitsCheck(visits: readonly OverLimitVisit[]): AuditCheck {
  return {
    key: 'limits',
    label: '慰问开支不超过本会执行的标准',
    ok: visits.length === 0,
    detail:
      visits.length === 0
        ? '没有超出标准的慰问'
        : `${visits.length} 笔超出标准：${some(
            visits.map((v) => `${formatDate(v.date)} ${v.kind} ${yuan(v.amountFen)}（${v.rule}）`),
            3,
          )}`,
  };
}
