import { todayIso } from '../../../shared/clock/today';
import { rename, writeFile } from 'node:fs/promises';
import { buildYearGrid, throughMonthFor } from '../../../shared/dues/grid';
import { buildLedgerXlsx } from '../../../shared/dues/ledger-xlsx';
import { DEFAULT_DUES_RULE, describeDuesRule } from '../../../shared/dues/rule';
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
    const rule = union?.duesRule ?? DEFAULT_DUES_RULE;
    const today = todayIso();
    const grid = buildYearGrid(book, year, rule, throughMonthFor(year, today));
    const bytes = await buildLedgerXlsx(grid, { unionName: union?.name ?? '', date: today, ruleText: describeDuesRule(rule) });
    const tmp = `${out}.tmp-${process.pid}`;
    await writeFile(tmp, bytes);
    await rename(tmp, out);
    io.out(`已导出 ${year} 年会费台账：${out}（${grid.rows.length} 人，合计 ${(grid.totalFen / 100).toFixed(2)} 元）`);
    return EXIT.ok;
  },
};
