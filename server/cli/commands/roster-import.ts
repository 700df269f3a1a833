import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { todayIso } from '../../../shared/clock/today';
import { commitRosterImport } from '../../../shared/engine/ops/members';
import { planRosterFile } from '../../../shared/roster/import-file';
import { RosterFileError } from '../../../shared/roster/sheet';
import { intFlag, requireFlag, UsageError } from '../args';
import { withBookFile } from '../book-session';
import { EXIT, type Command } from '../command';

export const rosterImportCommand: Command = {
  path: ['roster', 'import'],
  usage: 'unionbooks roster import 名册.xlsx --book 账簿.ubk [--year 年份] [--json]',
  summary: '导入会员名册（.xlsx 或 .csv）：新增会员，按身份证号更新已有会员，列出未导入的行',
  async run(args, io) {
    const file = args.positional[0];
    if (!file) throw new UsageError('请指定要导入的名册文件');
    const bookPath = requireFlag(args, 'book');
    const year = intFlag(args, 'year', Number(todayIso().slice(0, 4)));
    const json = args.flags.get('json') === true;
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(file));
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
        io.err(`找不到文件：${file}`);
        return EXIT.failure;
      }
      throw error;
    }
    let plan: Awaited<ReturnType<typeof planRosterFile>>['plan'];
    try {
      plan = await withBookFile(bookPath, async (store) => {
        const existing = {
          members: await store.all('members'),
          wageBases: await store.all('wageBases'),
          memberships: await store.all('memberships'),
        };
        const planned = await planRosterFile(basename(file), bytes, existing, year, store.today());
        await commitRosterImport(store, planned.writes);
        return planned.plan;
      });
    } catch (error) {
      if (error instanceof RosterFileError) {
        io.err(error.message);
        return EXIT.failure;
      }
      throw error;
    }
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
