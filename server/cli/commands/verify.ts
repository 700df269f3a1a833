import { BackupError } from '../../../shared/backup/format';
import { verifyBook } from '../../../shared/book/verify';
import { EXIT, type Command } from '../command';
import { readBook } from '../io';
import { UsageError } from '../args';

export const verifyCommand: Command = {
  path: ['verify'],
  usage: 'unionbooks verify 账簿.ubk',
  summary: '检查账簿文件是否完好、数据是否一致',
  async run(args, io) {
    const path = args.positional[0];
    if (!path) throw new UsageError('请指定要检查的账簿文件');
    let problems: string[];
    try {
      problems = verifyBook(await readBook(path));
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
