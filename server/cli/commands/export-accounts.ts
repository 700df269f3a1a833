import { todayIso } from '../../../shared/clock/today';
import { upgradeBook } from '../../../shared/engine/upgrade-book';
import { balanceSheetBalances, computeBalanceSheet, monthEnd } from '../../../shared/finance/balance-sheet';
import { balanceSheetXlsx } from '../../../shared/finance/balance-sheet-xlsx';
import { budgetTable } from '../../../shared/finance/budget-table';
import { budgetXlsx } from '../../../shared/finance/budget-xlsx';
import { compareEntries } from '../../../shared/finance/journal';
import { voucherOf } from '../../../shared/finance/voucher-lines';
import { vouchersXlsx } from '../../../shared/finance/vouchers-xlsx';
import { formatYuan } from '../../../shared/money/fen';
import type { BookTables } from '../../../shared/model/book';
import { intFlag, requireFlag, UsageError, type ParsedArgs } from '../args';
import { EXIT, type Command } from '../command';
import { readBook } from '../io';
import { writeAtomic, yearOf } from './export-flags';

async function bookOf(args: ParsedArgs): Promise<BookTables> {
  return upgradeBook(await readBook(requireFlag(args, 'book')));
}

function signatures(book: BookTables) {
  const union = book.union.find((u) => u.deleted === 0);
  return { unionName: union?.name ?? '', chair: union?.chair ?? '', treasurer: union?.treasurer ?? '', madeOn: todayIso() };
}

export const exportBalanceSheetCommand: Command = {
  path: ['export', 'balance-sheet'],
  usage: 'unionbooks export balance-sheet --year YYYY [--month M] --book 账簿.ubk --out 资产负债表.xlsx',
  summary: '导出年末（或某月末）的资产负债表（.xlsx，A4 横向，年初数与期末数）',
  async run(args, io) {
    const year = yearOf(args);
    const month = intFlag(args, 'month', 12);
    if (month < 1 || month > 12) throw new UsageError('参数 --month 应为 1 到 12');
    const book = await bookOf(args);
    const out = requireFlag(args, 'out');
    const sheet = computeBalanceSheet(book, monthEnd(`${year}-${String(month).padStart(2, '0')}`));
    await writeAtomic(out, await balanceSheetXlsx(sheet, signatures(book)));
    io.out(
      `已导出${sheet.label}资产负债表：${out}（资产 ${formatYuan(sheet.end.assetsFen)} 元，负债 ${formatYuan(sheet.end.liabilitiesFen)} 元，净资产 ${formatYuan(sheet.end.netAssetsFen)} 元${balanceSheetBalances(sheet) ? '' : '；不平衡，请运行 unionbooks verify'}）`,
    );
    return balanceSheetBalances(sheet) ? EXIT.ok : EXIT.failure;
  },
};

export const exportVouchersCommand: Command = {
  path: ['export', 'vouchers'],
  usage: 'unionbooks export vouchers --month YYYY-MM --book 账簿.ubk --out 记账凭证.xlsx',
  summary: '导出某月的全部记账凭证（.xlsx，每张 A4 两张凭证，含附单据张数和会计、出纳、审核签字栏）',
  async run(args, io) {
    const month = requireFlag(args, 'month');
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new UsageError(`参数 --month 应为 YYYY-MM：${month}`);
    const book = await bookOf(args);
    const out = requireFlag(args, 'out');
    const entries = book.transactions.filter((t) => t.deleted === 0 && t.date.startsWith(`${month}-`)).sort(compareEntries);
    if (entries.length === 0) throw new UsageError(`${month} 没有收支记录，没有凭证可导出`);
    const s = signatures(book);
    await writeAtomic(
      out,
      await vouchersXlsx(entries.map(voucherOf), { unionName: s.unionName, accountant: s.treasurer, cashier: '', reviewer: '' }),
    );
    io.out(`已导出 ${month} 记账凭证：${out}（${entries.length} 张，${Math.ceil(entries.length / 2)} 页）`);
    return EXIT.ok;
  },
};

export const exportBudgetCommand: Command = {
  path: ['export', 'budget'],
  usage: 'unionbooks export budget --year YYYY --book 账簿.ubk --out 经费收支预算表.xlsx',
  summary: '导出某年度的工会经费收支预算表（.xlsx；未编预算的科目按上年实际数预填，并列出本年执行数）',
  async run(args, io) {
    const year = yearOf(args);
    const book = await bookOf(args);
    const out = requireFlag(args, 'out');
    const table = budgetTable(book, year);
    await writeAtomic(out, await budgetXlsx(table, signatures(book)));
    io.out(
      `已导出 ${year} 年经费收支预算表：${out}（收入预算 ${formatYuan(table.totals.income.budgetFen)} 元，支出预算 ${formatYuan(table.totals.expense.budgetFen)} 元）`,
    );
    return EXIT.ok;
  },
};

export const exportAccountsCommands: readonly Command[] = [exportBalanceSheetCommand, exportVouchersCommand, exportBudgetCommand];
