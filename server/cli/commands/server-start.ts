import { createInterface } from 'node:readline/promises';
import { buildServer } from '../../sync/app';
import { initialiseAdmin, isInitialised } from '../../sync/store/admin';
import { claimDataDir, DASHBOARD_DIR, openStore, runningServerPid } from '../../sync/runtime';
import { intFlag, optionalFlag } from '../args';
import { EXIT, type Command } from '../command';
import type { CliIO } from '../io';

async function askPassword(io: CliIO): Promise<string | undefined> {
  if (!process.stdin.isTTY) return undefined;
  io.out('首次启动：请设置上级工会管理员密码（至少 8 位），用于登录管理页面。');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question('管理员密码：')).trim();
  } finally {
    rl.close();
  }
}

export const serverStartCommand: Command = {
  path: ['server', 'start'],
  usage: 'unionbooks server start [--port 8787] [--host 127.0.0.1] [--data 数据目录] [--admin-password 密码]',
  summary: '启动上级工会同步服务器（默认内置数据库；设置 DATABASE_URL 则使用 PostgreSQL）',
  async run(args, io) {
    const port = intFlag(args, 'port', 8787);
    const host = optionalFlag(args, 'host') ?? '127.0.0.1';
    const dataDir = optionalFlag(args, 'data');
    if (!process.env.DATABASE_URL && runningServerPid(dataDir)) {
      io.err(`该数据目录已有服务器在运行（进程 ${runningServerPid(dataDir)}），请先停止它或换一个 --data 目录`);
      return EXIT.failure;
    }
    const { db, where } = await openStore(dataDir);
    const release = process.env.DATABASE_URL ? () => undefined : claimDataDir(dataDir);
    try {
      if (!(await isInitialised(db))) {
        const password = optionalFlag(args, 'admin-password') ?? process.env.UNIONBOOKS_ADMIN_PASSWORD ?? (await askPassword(io));
        if (!password) {
          io.err('首次启动需要设置上级工会管理员密码：请加参数 --admin-password 密码，或设置环境变量 UNIONBOOKS_ADMIN_PASSWORD');
          return EXIT.usage;
        }
        await initialiseAdmin(db, password);
        io.out('已设置管理员密码。');
      }
      const app = await buildServer({ db, dashboardDir: DASHBOARD_DIR });
      const address = await app.listen({ port, host });
      io.out(`同步服务器已启动：${address}（${where}）`);
      io.out(`管理页面：${address}/dashboard/`);
      await new Promise<void>((done) => {
        const stop = () => done();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      io.out('正在停止服务器…');
      await app.close();
      return EXIT.ok;
    } finally {
      await db.close();
      release();
    }
  },
};
