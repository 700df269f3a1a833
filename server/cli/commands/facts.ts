import { computeAnnualFacts, documentDate } from '../../../shared/facts/annual';
import { requireFlag, UsageError } from '../args';
import { EXIT, type Command } from '../command';
import { readBook } from '../io';

export function yearFlag(value: string): number {
  if (!/^\d{4}$/.test(value)) throw new UsageError(`--year 应为四位年份：${value}`);
  return Number(value);
}

export const factsCommand: Command = {
  path: ['facts'],
  usage: 'unionbooks facts --year YYYY --book 账簿.ubk',
  summary: '以 JSON 输出某一年度的汇总数据（会员、会费、活动、慰问、经费），即文档模板可用的数据项',
  async run(args, io) {
    const year = yearFlag(requireFlag(args, 'year'));
    const book = await readBook(requireFlag(args, 'book'));
    io.out(JSON.stringify(computeAnnualFacts(book, year, { today: documentDate(year) }), null, 2));
    return EXIT.ok;
  },
};
