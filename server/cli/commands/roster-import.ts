import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { BackupError } from '../../../shared/backup/format';
import { HybridLogicalClock } from '../../../shared/clock/hlc';
import { TABLE_NAMES, type BookTables } from '../../../shared/model/book';
import { applyRosterWrites } from '../../../shared/roster/apply-book';
import { planRosterFile } from '../../../shared/roster/import-file';
import { RosterFileError } from '../../../shared/roster/sheet';
import { intFlag, requireFlag, UsageError } from '../args';
import { EXIT, type Command } from '../command';
import { readBook, writeBook } from '../io';

/** A clock that stamps after every write already in the book, so imported changes win a merge. */
function clockAfter(book: BookTables, deviceId: string): HybridLogicalClock {
  const clock = new HybridLogicalClock(deviceId);
  let latest = '';
  for (const name of TABLE_NAMES) for (const row of book[name]) if (row.updatedAt > latest) latest = row.updatedAt;
  if (latest !== '') clock.receive(latest);
  return clock;
}

export const rosterImportCommand: Command = {
  path: ['roster', 'import'],
  usage: 'unionbooks roster import 名册.xlsx --book 账簿.ubk [--year 年份] [--json]',
  summary: '导入会员名册（.xlsx 或 .csv）：新增会员，按身份证号更新已有会员，列出未导入的行',
  async run(args, io) {
    const file = args.positional[0];
    if (!file) throw new UsageError('请指定要导入的名册文件');
    const bookPath = requireFlag(args, 'book');
    const year = intFlag(args, 'year', new Date().getFullYear());
    const json = args.flags.get('json') === true;
    let book: BookTables;
    let result: Awaited<ReturnType<typeof planRosterFile>>;
    try {
      book = await readBook(bookPath);
      result = await planRosterFile(basename(file), new Uint8Array(await readFile(file)), book, year);
    } catch (error) {
      if (error instanceof RosterFileError || error instanceof BackupError) {
        io.err(error.message);
        return EXIT.failure;
      }
      if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
        io.err(`找不到文件：${(error as NodeJS.ErrnoException).path ?? file}`);
        return EXIT.failure;
      }
      throw error;
    }
    const { plan, writes } = result;
    const deviceId = `cli-${crypto.randomUUID()}`;
    await writeBook(bookPath, applyRosterWrites(book, writes, { deviceId, clock: clockAfter(book, deviceId) }));
    const rejected = plan.rejected.map((r) => ({ row: r.row, reason: r.reason }));
    if (json) {
      io.out(JSON.stringify({ imported: plan.toInsert.length, updated: plan.toUpdate.length, rejected }));
    } else {
      io.out(
        `名册共 ${plan.dataRows} 行会员数据：新增 ${plan.toInsert.length} 人，更新 ${plan.toUpdate.length} 人，未导入 ${rejected.length} 行。`,
      );
      for (const r of plan.rejected) io.out(`  第 ${r.row} 行${r.name ? `（${r.name}）` : ''}：${r.reason}`);
    }
    return rejected.length > 0 ? EXIT.partial : EXIT.ok;
  },
};
