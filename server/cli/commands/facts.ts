import { computeAnnualFacts, documentDate, documentDateProblem } from '../../../shared/facts/annual';
import { optionalFlag, requireFlag, UsageError, type ParsedArgs } from '../args';
import { EXIT, type Command } from '../command';
import { readBook } from '../io';

export function yearFlag(value: string): number {
  if (!/^\d{4}$/.test(value)) throw new UsageError(`--year 应为四位年份：${value}`);
  return Number(value);
}

/** `--date YYYY-MM-DD`: the document date every figure is counted to; today (Asia/Shanghai) this year, 12-31 for a past year. */
export function dateFlag(args: ParsedArgs, year: number): string {
  const date = optionalFlag(args, 'date') ?? documentDate(year);
  const problem = documentDateProblem(year, date);
  if (problem) throw new UsageError(`--date ${problem}`);
  return date;
}

export const factsCommand: Command = {
  path: ['facts'],
  usage: 'unionbooks facts --year YYYY --book 账簿.ubk [--date YYYY-MM-DD]',
  summary: '以 JSON 输出某一年度截至成文日期的汇总数据（会员、会费、活动、慰问、经费），即文档模板可用的数据项',
  async run(args, io) {
    const year = yearFlag(requireFlag(args, 'year'));
    const date = dateFlag(args, year);
    const book = await readBook(requireFlag(args, 'book'));
    io.out(JSON.stringify(computeAnnualFacts(book, year, { date }), null, 2));
    return EXIT.ok;
  },
};
