import { open, readFile, rename, unlink } from 'node:fs/promises';
import { resolve } from 'node:path';
import { MIGRATIONS } from '../../sync/migrations';
import { dumpPglite, PgliteBackupError, restorePglite } from '../../sync/pglite-backup';
import { DEFAULT_DATA_DIR, runningServerPid } from '../../sync/runtime';
import { optionalFlag, requireFlag, UsageError, type ParsedArgs } from '../args';
import { EXIT, type Command } from '../command';
import type { CliIO } from '../io';

const POSTGRES =
  '设置了 DATABASE_URL：PostgreSQL 数据库请用 pg_dump / pg_restore 备份和恢复（见 docs/sync-server.md），本命令只用于内置数据库';

/** The data folder, once it is sure no server holds it (PGlite belongs to one process at a time). */
function stoppedDataDir(args: ParsedArgs, io: CliIO, what: string): string | null {
  if (process.env.DATABASE_URL) throw new UsageError(POSTGRES);
  const dataDir = resolve(optionalFlag(args, 'data') ?? DEFAULT_DATA_DIR);
  const pid = runningServerPid(dataDir);
  if (pid) {
    io.err(`服务器正在使用该数据目录（进程 ${pid}）：请先停止服务器再${what}，${what}期间设备会暂时无法同步`);
    return null;
  }
  return dataDir;
}

/** Written to a private temporary file and renamed into place: the backup holds members' ID numbers. */
async function writePrivateFile(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    const file = await open(tmp, 'w', 0o600);
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
}

export const serverBackupCommand: Command = {
  path: ['server', 'backup'],
  usage: 'unionbooks server backup --out 备份文件.tar.gz [--data 数据目录]',
  summary: '把内置数据库整个备份到一个文件（服务器须先停止；PostgreSQL 用 pg_dump，见 docs/sync-server.md）',
  async run(args, io) {
    const out = requireFlag(args, 'out');
    const dataDir = stoppedDataDir(args, io, '备份');
    if (!dataDir) return EXIT.failure;
    try {
      const { bytes, level } = await dumpPglite(dataDir);
      await writePrivateFile(out, bytes);
      io.out(`已备份内置数据库：${out}（${bytes.length.toLocaleString('en-US')} 字节，数据库结构第 ${level} 版）`);
      io.out('备份文件含全部会员的身份证号和管理员密码的散列值，请妥善保管。');
      return EXIT.ok;
    } catch (error) {
      if (!(error instanceof PgliteBackupError)) throw error;
      io.err(error.message);
      return EXIT.failure;
    }
  },
};

export const serverRestoreCommand: Command = {
  path: ['server', 'restore'],
  usage: 'unionbooks server restore 备份文件.tar.gz [--data 数据目录]',
  summary: '用 server backup 的备份文件恢复内置数据库（服务器须先停止）；原有数据库改名保留在数据目录中',
  async run(args, io) {
    const file = args.positional[0];
    if (!file) throw new UsageError('请指定要恢复的备份文件');
    const dataDir = stoppedDataDir(args, io, '恢复');
    if (!dataDir) return EXIT.failure;
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(file));
    } catch {
      io.err(`无法读取备份文件：${file}`);
      return EXIT.failure;
    }
    try {
      const { keptAt, level } = await restorePglite(dataDir, bytes, MIGRATIONS.length);
      io.out(`已从 ${file} 恢复内置数据库（数据库结构第 ${level} 版）：${dataDir}`);
      if (keptAt) io.out(`原有数据库保留在：${keptAt}（确认无误后可删除）`);
      if (level < MIGRATIONS.length) io.out('下次启动服务器时会把数据库结构升级到本版本。');
      return EXIT.ok;
    } catch (error) {
      if (!(error instanceof PgliteBackupError)) throw error;
      io.err(`${error.message}：${file}。数据目录未做任何更改。`);
      return EXIT.failure;
    }
  },
};
