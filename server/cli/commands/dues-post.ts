import { DuesError } from '../../../shared/dues/data';
import { isIsoMonth, defaultPostingDate } from '../../../shared/dues/months';
import { describePosting, planMonthPosting } from '../../../shared/dues/posting';
import { applyDuesBatch } from '../../../shared/dues/apply';
import { DEFAULT_DUES_RULE } from '../../../shared/dues/rule';
import { uuidv7 } from '../../../shared/ids/uuid7';
import { optionalFlag, requireFlag, UsageError } from '../args';
import { EXIT, type Command } from '../command';
import { readBook, writeBook } from '../io';
import { bookWriteContext } from './book-clock';

export const duesPostCommand: Command = {
  path: ['dues', 'post'],
  usage: 'unionbooks dues post --month YYYY-MM --book 账簿.ubk [--date YYYY-MM-DD]',
  summary: '登记一个月的会费（工资代扣）：为每位应缴且未缴的会员登记，并记一笔 401 会费收入',
  async run(args, io) {
    const month = requireFlag(args, 'month');
    const path = requireFlag(args, 'book');
    if (!isIsoMonth(month)) throw new UsageError(`--month 应为 YYYY-MM：${month}`);
    const today = new Date().toISOString().slice(0, 10);
    const paidDate = optionalFlag(args, 'date') ?? defaultPostingDate(month, today);
    if (!paidDate) throw new UsageError(`${month} 还没到，不能登记；如确需提前登记，请用 --date 指定入账日期`);
    const book = await readBook(path);
    const union = book.union.find((u) => u.deleted === 0);
    try {
      const plan = planMonthPosting(book, {
        month,
        paidDate,
        rule: union?.duesRule ?? DEFAULT_DUES_RULE,
        batchId: uuidv7(),
        monthCloses: book.monthCloses,
      });
      if (plan.posted > 0) {
        applyDuesBatch(book, plan, bookWriteContext(book));
        await writeBook(path, book);
      }
      io.out(describePosting(plan));
      io.out(
        `posted=${plan.posted} skipped=${plan.skipped} exempt=${plan.exempt} missingBase=${plan.missingBase.length} totalFen=${plan.totalFen}`,
      );
      return EXIT.ok;
    } catch (error) {
      if (error instanceof DuesError) {
        io.err(error.message);
        return EXIT.failure;
      }
      throw error;
    }
  },
};
