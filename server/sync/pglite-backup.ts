import { PGlite } from '@electric-sql/pglite';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { makePrivate } from './private-files';

/**
 * Backup and restore of the embedded database: PGlite's own copy of its data folder (a gzipped
 * tarball of PGDATA, `dumpDataDir`), loaded back with `loadDataDir`. Both run with the server
 * stopped: PGlite belongs to one process at a time (runtime.ts), and a copy taken under a running
 * server could be torn. PostgreSQL is backed up with pg_dump instead (docs/sync-server.md).
 */

/** The database's folder inside the server's data folder (runtime.ts opens the same). */
export const pgliteDir = (dataDir: string) => join(dataDir, 'pglite');

/** A restored database is first loaded here and checked; only then does it take the folder's place. */
const restoringDir = (dataDir: string) => join(dataDir, 'pglite.restoring');

export class PgliteBackupError extends Error {
  override readonly name = 'PgliteBackupError';
}

async function level(db: PGlite): Promise<number> {
  const [row] = (await db.query<{ level: unknown }>('SELECT coalesce(max(version), 0) AS level FROM schema_migrations')).rows;
  return Number(row?.level ?? 0);
}

/** The whole database as one file's bytes, and its migration level. */
export async function dumpPglite(dataDir: string): Promise<{ bytes: Uint8Array; level: number }> {
  const dir = pgliteDir(dataDir);
  if (!existsSync(join(dir, 'PG_VERSION'))) throw new PgliteBackupError(`数据目录中没有内置数据库：${dataDir}`);
  const db = await PGlite.create({ dataDir: dir });
  try {
    const at = await level(db);
    const tarball = await db.dumpDataDir('gzip');
    return { bytes: new Uint8Array(await tarball.arrayBuffer()), level: at };
  } finally {
    await db.close();
  }
}

/**
 * Puts a backup in the data folder's place. The backup is loaded into a folder of its own and must
 * open as this server's database at a level this version knows; only then does the current database
 * move aside (kept, named by the time) and the restored one take its place. Returns where the old
 * database went ('' when there was none) and the restored level.
 */
export async function restorePglite(dataDir: string, bytes: Uint8Array, knownLevel: number): Promise<{ keptAt: string; level: number }> {
  makePrivate(dataDir);
  const staging = restoringDir(dataDir);
  await rm(staging, { recursive: true, force: true });
  let restored: number;
  try {
    const db = await PGlite.create({ dataDir: staging, loadDataDir: new Blob([new Uint8Array(bytes)]) }).catch(() => {
      throw new PgliteBackupError('这不是内置数据库的备份文件，或文件已损坏');
    });
    try {
      restored = await level(db).catch(() => {
        throw new PgliteBackupError('备份中不是同步服务器的数据库');
      });
    } finally {
      await db.close();
    }
    if (restored > knownLevel) {
      throw new PgliteBackupError(`备份来自更新版本的服务器（数据库结构第 ${restored} 版，本版本只到第 ${knownLevel} 版），请先升级软件`);
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const current = pgliteDir(dataDir);
  let keptAt = '';
  if (existsSync(current)) {
    keptAt = join(dataDir, `pglite.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    await rename(current, keptAt);
  }
  await rename(staging, current);
  makePrivate(current);
  return { keptAt, level: restored };
}
