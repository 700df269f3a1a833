import { todayIso } from '../../../shared/clock/today';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';
import { intFlag, optionalFlag, requireFlag, UsageError } from '../args';
import { EXIT, type Command } from '../command';
import { writeBook } from '../io';

export const demoCommand: Command = {
  path: ['demo'],
  usage:
    'unionbooks demo --out 账簿.ubk [--members N] [--years N] [--seed S] [--end YYYY-MM] [--today YYYY-MM-DD] [--activities N] [--transactions N] [--photos N]',
  summary: '生成示例账簿（同样的参数总是生成同样的数据）',
  async run(args, io) {
    const out = requireFlag(args, 'out');
    const end = optionalFlag(args, 'end');
    const endMonth = end ?? todayIso().slice(0, 7);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(endMonth)) throw new UsageError(`--end 应为 YYYY-MM：${endMonth}`);
    // nothing in the book lies after its today: the given day, today when the book ends this month, else the end month's last day
    const today = optionalFlag(args, 'today') ?? (end ? undefined : todayIso());
    if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError(`--today 应为 YYYY-MM-DD：${today}`);
    const activities = optionalFlag(args, 'activities');
    const transactions = optionalFlag(args, 'transactions');
    const book = generateDemoBook({
      seed: intFlag(args, 'seed', SMALL_DEMO.seed),
      members: intFlag(args, 'members', SMALL_DEMO.members),
      years: intFlag(args, 'years', SMALL_DEMO.years),
      endMonth,
      ...(today ? { today } : {}),
      ...(activities ? { activities: intFlag(args, 'activities', 0) } : {}),
      ...(transactions ? { transactions: intFlag(args, 'transactions', 0) } : {}),
      photos: intFlag(args, 'photos', SMALL_DEMO.photos ?? 0),
    });
    await writeBook(out, book);
    io.out(`已生成示例账簿：${out}`);
    io.out(
      `会员 ${book.members.length} 人，会费记录 ${book.duesPayments.length} 条，活动 ${book.activities.length} 项，收支记录 ${book.transactions.length} 条`,
    );
    return EXIT.ok;
  },
};
