import { todayIso } from '../../../shared/clock/today';
import { rename, writeFile } from 'node:fs/promises';
import { buildDuesIndex } from '../../../shared/dues/data';
import { buildLedgerXlsx } from '../../../shared/dues/ledger-xlsx';
import { describeDuesRule } from '../../../shared/dues/rule';
import { arrearsContextOf, ledgerGrid } from '../../../shared/dues/year-view';
import { intFlag, requireFlag, UsageError } from '../args';
import { EXIT, type Command } from '../command';
import { readBook } from '../io';

export const exportLedgerCommand: Command = {
  path: ['export', 'ledger'],
  usage: 'unionbooks export ledger --year YYYY --book 账簿.ubk --out 会费台账.xlsx',
  summary: '导出某年度的会费收缴台账（.xlsx，A4 横向，每页重复表头）',
  async run(args, io) {
    const year = intFlag(args, 'year', 0);
    if (year < 1949 || year > 2200) throw new UsageError('缺少或无效的参数 --year（如 2025）');
    const path = requireFlag(args, 'book');
    const out = requireFlag(args, 'out');
    const book = await readBook(path);
    const union = book.union.find((u) => u.deleted === 0);
    const context = arrearsContextOf(book.union, book.openingBalances);
    const today = todayIso();
    // the grid the app's 会费 page shows and exports: the same months due, from the same start of books
    const grid = ledgerGrid(buildDuesIndex(book), year, context, today);
    const bytes = await buildLedgerXlsx(grid, { unionName: union?.name ?? '', date: today, ruleText: describeDuesRule(context.rule) });
    const tmp = `${out}.tmp-${process.pid}`;
    await writeFile(tmp, bytes);
    await rename(tmp, out);
    io.out(`已导出 ${year} 年会费台账：${out}（${grid.rows.length} 人，合计 ${(grid.totalFen / 100).toFixed(2)} 元）`);
    return EXIT.ok;
  },
};
