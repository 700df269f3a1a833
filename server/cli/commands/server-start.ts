import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { createSecureContext } from 'node:tls';
import { createInterface } from 'node:readline/promises';
import { buildServer } from '../../sync/app';
import { fileLog } from '../../sync/server-log';
import { initialiseAdmin, isInitialised } from '../../sync/store/admin';
import { claimDataDir, DASHBOARD_DIR, defaultLogFile, openStore, runningServerPid } from '../../sync/runtime';
import { intFlag, optionalFlag, UsageError, type ParsedArgs } from '../args';
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

function readPem(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new UsageError(`无法读取${what} ${path}：${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** Both files or neither: a certificate without its key (or the reverse) is a mistake worth stopping for. */
function tlsFiles(args: ParsedArgs): { cert: Buffer; key: Buffer } | undefined {
  const cert = optionalFlag(args, 'tls-cert');
  const key = optionalFlag(args, 'tls-key');
  if (!cert && !key) return undefined;
  if (!cert || !key) throw new UsageError('--tls-cert 与 --tls-key 需要同时提供（证书文件和私钥文件，PEM 格式）');
  const files = { cert: readPem(cert, '证书文件'), key: readPem(key, '私钥文件') };
  try {
    createSecureContext(files);
  } catch (error) {
    throw new UsageError(`证书或私钥无效（应为 PEM 格式且相互匹配）：${(error as Error).message}`);
  }
  return files;
}

const isLoopback = (host: string) => host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));

export const serverStartCommand: Command = {
  path: ['server', 'start'],
  usage:
    'unionbooks server start [--port 8787] [--host 127.0.0.1] [--data 数据目录] [--admin-password 密码] [--tls-cert 证书.pem --tls-key 私钥.pem] [--log 日志文件] [--trust-proxy 代理地址]',
  summary: '启动上级工会同步服务器（默认内置数据库；设置 DATABASE_URL 则使用 PostgreSQL）',
  async run(args, io) {
    const port = intFlag(args, 'port', 8787);
    const host = optionalFlag(args, 'host') ?? '127.0.0.1';
    const dataDir = optionalFlag(args, 'data');
    const tls = tlsFiles(args);
    const trustProxy = optionalFlag(args, 'trust-proxy');
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
      const logFile = optionalFlag(args, 'log') ?? defaultLogFile(dataDir);
      const app = await buildServer({
        db,
        dashboardDir: DASHBOARD_DIR,
        log: fileLog(logFile),
        ...(tls ? { tls } : {}),
        ...(trustProxy ? { trustProxy } : {}),
      });
      const address = await app.listen({ port, host });
      io.out(`同步服务器已启动：${address}（${where}）`);
      io.out(`管理页面：${address}/dashboard/`);
      io.out(`日志：${logFile}`);
      if (!tls && !isLoopback(host)) {
        io.err(
          '警告：服务器以未加密的 HTTP 在网络上提供服务，设备凭证、管理员密码和会员身份证号将以明文传输。' +
            '请用 --tls-cert/--tls-key 启用 HTTPS，或保持 --host 127.0.0.1 并由反向代理提供 HTTPS（见 docs/sync-server.md）。',
        );
      }
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
