import { existsSync } from 'node:fs';
import { BookBuilder } from '../../../shared/book/builder';
import { newUnionProfile } from '../../../shared/book/new-union';
import { requireFlag } from '../args';
import { EXIT, type Command } from '../command';
import { writeBook } from '../io';

export const initCommand: Command = {
  path: ['init'],
  usage: 'unionbooks init --name 工会名称 --out 账簿.ubk',
  summary: '新建一个空账簿',
  async run(args, io) {
    const name = requireFlag(args, 'name');
    const out = requireFlag(args, 'out');
    if (existsSync(out) && args.flags.get('force') !== true) {
      io.err(`文件已存在：${out}（如要覆盖，请加 --force）`);
      return EXIT.failure;
    }
    const builder = new BookBuilder(`cli-${crypto.randomUUID()}`);
    builder.insert('union', newUnionProfile({ name }));
    await writeBook(out, builder.book);
    io.out(`已新建账簿：${out}（${name}）`);
    return EXIT.ok;
  },
};
