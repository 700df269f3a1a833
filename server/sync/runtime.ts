import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from './db';
import { migrate } from './migrations';
import { makePrivate } from './private-files';

/** Where `npm run server` keeps its embedded database when no folder is given. */
export const DEFAULT_DATA_DIR = '.server-data';
/** The server's log (JSON lines) unless `--log` names another file. */
export function defaultLogFile(dataDir: string | undefined): string {
  const dir = resolve(dataDir ?? DEFAULT_DATA_DIR);
  makePrivate(dir);
  return join(dir, 'server.log');
}

/** Output of `vite build --config server/dashboard/vite.config.ts`. */
export const DASHBOARD_DIR = fileURLToPath(new URL('../../dist/dashboard', import.meta.url));

export interface OpenedStore {
  db: Database;
  /** For messages: the folder or the PostgreSQL host, never the password. */
  where: string;
}

export async function openStore(dataDir: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<OpenedStore> {
  const url = env.DATABASE_URL;
  if (url) {
    const db = await openDatabase({ databaseUrl: url });
    await migrate(db);
    const u = new URL(url);
    return { db, where: `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}` };
  }
  const dir = resolve(dataDir ?? DEFAULT_DATA_DIR);
  makePrivate(dir);
  const db = await openDatabase({ dataDir: join(dir, 'pglite') });
  await migrate(db);
  return { db, where: `内置数据库 ${dir}` };
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The embedded database belongs to one process at a time; a second one opening the same folder
 * could corrupt it. The running server leaves its pid here, and other commands check it.
 */
export function runningServerPid(dataDir: string | undefined): number | null {
  const file = join(resolve(dataDir ?? DEFAULT_DATA_DIR), 'server.pid');
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8'));
  return Number.isInteger(pid) && pid !== process.pid && pidAlive(pid) ? pid : null;
}

export function claimDataDir(dataDir: string | undefined): () => void {
  const dir = resolve(dataDir ?? DEFAULT_DATA_DIR);
  makePrivate(dir);
  const file = join(dir, 'server.pid');
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}
