import { BackupError } from '../../../shared/backup/format';
import { upgradeBook } from '../../../shared/engine/upgrade-book';
import { describeVerifyProblem } from '../../../shared/engine/verify/problem';
import { verifyBook } from '../../../shared/engine/verify/verify-book';
import { EXIT, type Command } from '../command';
import { readBook } from '../io';
import { UsageError } from '../args';

export const verifyCommand: Command = {
  path: ['verify'],
  usage: 'unionbooks verify 账簿.ubk',
  summary: '检查账簿：文件完好，每条记录合乎规则（冲销、凭证号、库存现金、日期、会员、会费与 401 一致等）',
  async run(args, io) {
    const path = args.positional[0];
    if (!path) throw new UsageError('请指定要检查的账簿文件');
    let problems: string[];
    try {
      problems = verifyBook(upgradeBook(await readBook(path))).map(describeVerifyProblem);
    } catch (error) {
      if (error instanceof BackupError) {
        io.err(error.message);
        return EXIT.failure;
      }
      throw error;
    }
    if (problems.length > 0) {
      for (const p of problems) io.err(p);
      io.err(`账簿有 ${problems.length} 处问题`);
      return EXIT.failure;
    }
    io.out(`账簿完好：${path}`);
    return EXIT.ok;
  },
};
