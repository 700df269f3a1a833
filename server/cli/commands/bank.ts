import { readFile, rename, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { reconcile } from '../../../shared/bank/reconcile';
import { reconciliationXlsx } from '../../../shared/bank/reconciliation-xlsx';
import { todayIso } from '../../../shared/clock/today';
import { importBankStatement } from '../../../shared/engine/ops/bank';
import { upgradeBook } from '../../../shared/engine/upgrade-book';
import { monthLabel } from '../../../shared/finance/period';
import { formatYuan } from '../../../shared/money/fen';
import { requireFlag, UsageError } from '../args';
import { withBookFile } from '../book-session';
import { EXIT, type Command } from '../command';
import { readBook } from '../io';

export const bankImportCommand: Command = {
  path: ['bank', 'import'],
  usage: 'unionbooks bank import 对账单.xlsx --book 账簿.ubk [--json]',
  summary: '导入银行对账单（.xlsx 或 .csv）并与银行存款日记账自动勾对，列出两边未达的记录',
  async run(args, io) {
    const file = args.positional[0];
    if (!file) throw new UsageError('请指定要导入的对账单文件');
    const bookPath = requireFlag(args, 'book');
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(file));
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
        io.err(`找不到文件：${file}`);
        return EXIT.failure;
      }
      throw error;
    }
    const report = await withBookFile(bookPath, (store) => importBankStatement(store, basename(file), bytes));
    if (args.flags.get('json') === true) {
      io.out(JSON.stringify(report));
      return EXIT.ok;
    }
    io.out(
      `对账单 ${report.fileName}（${report.layout}）共 ${report.read} 行：新导入 ${report.imported} 行，已导入过 ${report.duplicates} 行；本次自动勾对 ${report.matched} 笔。`,
    );
    io.out(`银行已记、日记账未记 ${report.unmatchedLines.length} 行${report.unmatchedLines.length ? '：' : '。'}`);
    for (const l of report.unmatchedLines) io.out(`  ${l.date} ${formatYuan(l.amountFen)} 元 ${l.summary}（对账单第 ${l.rowNumber} 行）`);
    io.out(`日记账已记、银行未记 ${report.unmatchedEntries.length} 笔${report.unmatchedEntries.length ? '：' : '。'}`);
    for (const e of report.unmatchedEntries) io.out(`  ${e.date} ${formatYuan(e.amountFen)} 元 ${e.summary}（${e.voucherNumber}）`);
    for (const w of report.warnings) io.out(`注意：${w}`);
    return EXIT.ok;
  },
};

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export const exportReconciliationCommand: Command = {
  path: ['export', 'reconciliation'],
  usage: 'unionbooks export reconciliation --month YYYY-MM --book 账簿.ubk --out 银行存款余额调节表.xlsx',
  summary: '导出某月末的银行存款余额调节表（.xlsx，A4）',
  async run(args, io) {
    const month = requireFlag(args, 'month');
    if (!MONTH.test(month)) throw new UsageError(`参数 --month 应为年月（如 2025-11）：${month}`);
    const book = upgradeBook(await readBook(requireFlag(args, 'book')));
    const out = requireFlag(args, 'out');
    const r = reconcile(book, month);
    const union = book.union.find((u) => u.deleted === 0);
    const bytes = await reconciliationXlsx(r, {
      unionName: union?.name ?? '',
      chair: union?.chair ?? '',
      treasurer: union?.treasurer ?? '',
      madeOn: todayIso(),
    });
    const tmp = `${out}.tmp-${process.pid}`;
    await writeFile(tmp, bytes);
    await rename(tmp, out);
    const verdict = r.balanced
      ? `调节后余额相符：${formatYuan(r.adjustedJournalFen)} 元`
      : r.adjustedStatementFen === null
        ? r.reasons.join('；')
        : `调节后余额不符，相差 ${formatYuan(r.differenceFen)} 元：${r.reasons.join('')}`;
    io.out(`已导出${monthLabel(month)}银行存款余额调节表：${out}（${verdict}）`);
    return r.balanced ? EXIT.ok : EXIT.partial;
  },
};
