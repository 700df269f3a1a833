import { todayIso } from '../../../shared/clock/today';
import { totalOf } from '../../../shared/finance/balances';
import { journalOfYear } from '../../../shared/finance/journal';
import { journalXlsx } from '../../../shared/finance/journal-xlsx';
import type { Period } from '../../../shared/finance/period';
import { computeStatement } from '../../../shared/finance/statement';
import { statementXlsx } from '../../../shared/finance/statement-xlsx';
import { formatYuan } from '../../../shared/money/fen';
import { intFlag, requireFlag, UsageError } from '../args';
import { EXIT, type Command } from '../command';
import { readBook } from '../io';
import { writeAtomic, yearOf } from './export-flags';

const today = () => todayIso();

export const exportJournalCommand: Command = {
  path: ['export', 'journal'],
  usage: 'unionbooks export journal --year YYYY --book 账簿.ubk --out 收支明细账.xlsx',
  summary: '导出某年度的收支明细账（.xlsx，含库存现金、银行存款日记账及余额）',
  async run(args, io) {
    const year = yearOf(args);
    const book = await readBook(requireFlag(args, 'book'));
    const out = requireFlag(args, 'out');
    const journal = journalOfYear(book, year);
    await writeAtomic(out, await journalXlsx(journal, { unionName: book.union.find((u) => u.deleted === 0)?.name ?? '' }));
    io.out(`已导出 ${year} 年收支明细账：${out}（${journal.rows.length} 笔，年末结余 ${formatYuan(totalOf(journal.closing))} 元）`);
    return EXIT.ok;
  },
};

export const exportStatementCommand: Command = {
  path: ['export', 'statement'],
  usage: 'unionbooks export statement --year YYYY [--month M] --book 账簿.ubk --out 收入支出表.xlsx',
  summary: '导出年度（或某月）的收入支出表（.xlsx，A4）',
  async run(args, io) {
    const year = yearOf(args);
    const month = intFlag(args, 'month', 0);
    if (month < 0 || month > 12) throw new UsageError('参数 --month 应为 1 到 12');
    const book = await readBook(requireFlag(args, 'book'));
    const out = requireFlag(args, 'out');
    const period: Period = month ? { year, month } : { year };
    const s = computeStatement(book, period);
    const union = book.union.find((u) => u.deleted === 0);
    await writeAtomic(
      out,
      await statementXlsx(s, {
        unionName: union?.name ?? '',
        chair: union?.chair ?? '',
        treasurer: union?.treasurer ?? '',
        madeOn: today(),
      }),
    );
    io.out(
      `已导出${s.label}收入支出表：${out}（收入 ${formatYuan(s.income.totalFen)} 元，支出 ${formatYuan(s.expense.totalFen)} 元，结余 ${formatYuan(s.surplusFen)} 元）`,
    );
    return EXIT.ok;
  },
};
