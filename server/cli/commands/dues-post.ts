import { todayIso } from '../../../shared/clock/today';
import { isIsoMonth, defaultPostingDate } from '../../../shared/dues/months';
import { describePosting } from '../../../shared/dues/posting';
import { DEFAULT_DUES_RULE } from '../../../shared/dues/rule';
import { postDuesMonth } from '../../../shared/engine/ops/dues';
import { optionalFlag, requireFlag, UsageError } from '../args';
import { withBookFile } from '../book-session';
import { EXIT, type Command } from '../command';

export const duesPostCommand: Command = {
  path: ['dues', 'post'],
  usage: 'unionbooks dues post --month YYYY-MM --book 账簿.ubk [--date YYYY-MM-DD]',
  summary: '登记一个月的会费（工资代扣）：为每位应缴且未缴的会员登记，并记一笔 401 会费收入（已结账的月份、已报送的年度不能登记）',
  async run(args, io) {
    const month = requireFlag(args, 'month');
    const path = requireFlag(args, 'book');
    if (!isIsoMonth(month)) throw new UsageError(`--month 应为 YYYY-MM：${month}`);
    const paidDate = optionalFlag(args, 'date') ?? defaultPostingDate(month, todayIso());
    if (!paidDate) throw new UsageError(`${month} 还没到，不能登记；如确需提前登记，请用 --date 指定入账日期`);
    const plan = await withBookFile(path, async (store) => {
      const union = (await store.all('union')).find((u) => u.deleted === 0);
      return postDuesMonth(store, { month, paidDate, rule: union?.duesRule ?? DEFAULT_DUES_RULE });
    });
    io.out(describePosting(plan));
    io.out(
      `posted=${plan.posted} skipped=${plan.skipped} exempt=${plan.exempt} missingBase=${plan.missingBase.length} totalFen=${plan.totalFen}`,
    );
    return EXIT.ok;
  },
};
