import { monthSpans } from '../audit/month-spans';
import { auditReview, type AuditBook } from '../audit/review';
import type { BalanceSheetColumn } from '../finance/balance-sheet';
import { totalOf } from '../finance/balances';
import type { IsoDate } from '../model/records';
import type { AuditFacts, SheetColumnFacts } from './types';

const column = (c: BalanceSheetColumn): SheetColumnFacts => ({ ...c });

/** The 经费审查 of the year as a document states it: the same review the app's tab shows. */
export function auditFacts(book: AuditBook, year: number, asOf: IsoDate): AuditFacts {
  const r = auditReview(book, year, asOf);
  const checks = r.checks.map(({ label, ok, detail }) => ({ label, ok, detail }));
  const end = r.bankAtEnd;
  return {
    sheetDate: r.asOf,
    voucherCount: r.vouchers.count,
    firstVoucher: r.vouchers.first,
    lastVoucher: r.vouchers.last,
    openingFen: totalOf(r.statement.yearOpening),
    closingFen: totalOf(r.statement.closing),
    openingPayableFen: r.statement.openingPayableFen,
    closingPayableFen: r.statement.closingPayableFen,
    sheetStart: column(r.sheet.yearStart),
    sheetEnd: column(r.sheet.end),
    endedMonths: r.endedMonths.length,
    closedMonths: r.endedMonths.length - r.openMonths.length,
    openMonths: monthSpans(r.openMonths),
    bankMonths: r.bank.map((m) => ({ month: m.month, state: m.stateLabel, differenceFen: m.differenceFen })),
    bankReconciledMonths: r.bank.filter((m) => m.state === 'reconciled').length,
    bankMonth: end?.month ?? '',
    bankJournalFen: end?.journalBalanceFen ?? 0,
    bankStatementFen: end?.statementBalanceFen ?? 0,
    hasBankStatement: end !== null && end.statementBalanceFen !== null,
    checks,
    failedChecks: checks.filter((c) => !c.ok),
    passedCount: checks.filter((c) => c.ok).length,
    failedCount: checks.filter((c) => !c.ok).length,
  };
}
