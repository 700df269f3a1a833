import { createInterface } from 'node:readline/promises';
import { createAdminSchema, createOrgSchema } from '../../../shared/sync/admin';
import { describeIssues } from '../../../shared/sync/schemas';
import type { Database } from '../../sync/db';
import { createAdmin, createOrg, requireOrg, ROOT_ORG_ID } from '../../sync/store/orgs';
import { formatYuan } from '../../../shared/money/fen';
import { adminOverviewAll } from '../../sync/store/overview';
import { ClientError } from '../../sync/store/util';
import { openStore, runningServerPid } from '../../sync/runtime';
import { intFlag, optionalFlag, requireFlag, type ParsedArgs } from '../args';
import { EXIT, type Command } from '../command';
import type { CliIO } from '../io';

/** The environment variable `server add-admin` reads the new admin's password from when there is no terminal to ask at. */
export const NEW_ADMIN_PASSWORD_ENV = 'UNIONBOOKS_NEW_ADMIN_PASSWORD';

/** Opens the server's database like add-union: never a folder a running server holds. */
export async function withStore(args: ParsedArgs, io: CliIO, run: (db: Database, where: string) => Promise<number>): Promise<number> {
  const dataDir = optionalFlag(args, 'data');
  if (!process.env.DATABASE_URL && runningServerPid(dataDir)) {
    io.err('服务器正在使用该数据目录：请先停止服务器再运行本命令');
    return EXIT.failure;
  }
  const { db, where } = await openStore(dataDir);
  try {
    return await run(db, where);
  } catch (error) {
    if (!(error instanceof ClientError)) throw error;
    io.err(error.message);
    return EXIT.failure;
  } finally {
    await db.close();
  }
}

export const serverAddOrgCommand: Command = {
  path: ['server', 'add-org'],
  usage: 'unionbooks server add-org --code 组织代码 --name 组织名称 [--parent 上级组织代码] [--data 数据目录]',
  summary: '在同步服务器的组织树中新增一个组织（默认直属根组织）',
  async run(args, io) {
    const parsed = createOrgSchema.safeParse({
      code: requireFlag(args, 'code'),
      name: requireFlag(args, 'name'),
      parent: optionalFlag(args, 'parent'),
    });
    if (!parsed.success) {
      io.err(describeIssues(parsed.error));
      return EXIT.usage;
    }
    return withStore(args, io, async (db, where) => {
      const org = await createOrg(db, ROOT_ORG_ID, { code: parsed.data.code, name: parsed.data.name, parentCode: parsed.data.parent });
      io.out(`已新增组织：${org.name}（代码 ${org.code}，${where}）`);
      return EXIT.ok;
    });
  },
};

async function askPassword(io: CliIO): Promise<string | undefined> {
  if (!process.stdin.isTTY) return undefined;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    io.out('请设置该管理员的密码（至少 8 位）。');
    return (await rl.question('管理员密码：')).trim();
  } finally {
    rl.close();
  }
}

export const serverAddAdminCommand: Command = {
  path: ['server', 'add-admin'],
  usage: `unionbooks server add-admin --org 组织代码 --name 登录名 [--data 数据目录]（密码在提示时输入，或由环境变量 ${NEW_ADMIN_PASSWORD_ENV} 提供）`,
  summary: '为组织新增一个管理员账户，只能查看和管理本组织及下级组织',
  async run(args, io) {
    const org = requireFlag(args, 'org');
    const name = requireFlag(args, 'name');
    if (args.flags.has('password')) {
      io.err(`密码不能写在命令行上（会留在命令历史和进程列表中）：请在提示时输入，或设置环境变量 ${NEW_ADMIN_PASSWORD_ENV}`);
      return EXIT.usage;
    }
    const password = process.env[NEW_ADMIN_PASSWORD_ENV] ?? (await askPassword(io));
    if (!password) {
      io.err(`需要管理员密码：请在终端中运行以便输入，或设置环境变量 ${NEW_ADMIN_PASSWORD_ENV}`);
      return EXIT.usage;
    }
    const parsed = createAdminSchema.safeParse({ org, name, password });
    if (!parsed.success) {
      io.err(describeIssues(parsed.error));
      return EXIT.usage;
    }
    return withStore(args, io, async (db) => {
      const admin = await createAdmin(db, ROOT_ORG_ID, {
        orgCode: parsed.data.org,
        name: parsed.data.name,
        password: parsed.data.password,
      });
      io.out(`已新增管理员：${admin.name}（${admin.org.name}，代码 ${admin.org.code}）。登录管理页面时填写此登录名。`);
      return EXIT.ok;
    });
  },
};

export const serverStatsCommand: Command = {
  path: ['server', 'stats'],
  usage: 'unionbooks server stats --year 年度 [--org 组织代码] [--json] [--data 数据目录]',
  summary: '按组织树汇总各基层工会的年度统计（会员、在职、入会与减少、会费、经费收支、报送状态）',
  async run(args, io) {
    const year = intFlag(args, 'year', new Date().getFullYear());
    const code = optionalFlag(args, 'org');
    return withStore(args, io, async (db) => {
      const top = code ? (await requireOrg(db, ROOT_ORG_ID, code)).id : ROOT_ORG_ID;
      const overview = await adminOverviewAll(db, year, top);
      if (args.flags.get('json') === true) {
        io.out(JSON.stringify(overview, null, 2));
        return EXIT.ok;
      }
      for (const org of overview.orgs) {
        const t = org.totals;
        io.out(
          `${'  '.repeat(org.depth)}${org.name}（${org.code}）：工会 ${t.unions}，会员 ${t.members}（在职 ${t.inService}），女会员 ${t.women}，` +
            `农民工会员 ${t.farmerWorkers}，本年入会 ${t.joined}（新发展 ${t.newMembers}），减少 ${t.left}，` +
            `会费 ${formatYuan(t.duesCollectedFen)} 元，收入 ${formatYuan(t.incomeFen)} 元，支出 ${formatYuan(t.spendingFen)} 元，已报送 ${t.submitted}`,
        );
      }
      return EXIT.ok;
    });
  },
};
