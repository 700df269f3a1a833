import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { OpenedFile, RollingBackupInfo } from '../../shared/bridge/contract';
import { MAX_BRIDGE_FILE_BYTES } from '../../shared/bridge/contract';
import { writeFileDurably } from './durable-write';

export const KEEP_BACKUPS = 20;
const NAME = /^unionbooks-auto-\d{8}-\d{6}\.ubk$/;

export function rollingBackupName(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `unionbooks-auto-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}.ubk`;
}

/**
 * Writes a backup into the folder (flushed temporary file, then rename, so a crash never leaves a
 * torn file) and removes the oldest automatic backups beyond `keep`. Files the user put there by
 * hand are never touched: only names this function makes are rotated.
 */
export async function writeRollingBackup(folder: string, data: Uint8Array, now: Date = new Date(), keep = KEEP_BACKUPS): Promise<string> {
  await mkdir(folder, { recursive: true });
  const name = rollingBackupName(now);
  const target = join(folder, name);
  await writeFileDurably(target, data);
  for (const old of rotationVictims(await readdir(folder), name, keep)) {
    await unlink(join(folder, old)).catch(() => undefined);
  }
  return target;
}

/**
 * The automatic backups to delete so that `keep` remain, oldest first by the time in their names
 * (never by modification time, which copying changes). The one just written always stays. A name
 * later than it was made while the computer's clock ran ahead: its content is older than what was
 * just written, so such files count as older than all others and go first.
 */
export function rotationVictims(files: readonly string[], written: string, keep: number): string[] {
  const others = files.filter((f) => NAME.test(f) && f !== written);
  const ahead = others.filter((f) => f > written).sort();
  const behind = others.filter((f) => f < written).sort();
  const oldestFirst = [...ahead, ...behind];
  return oldestFirst.slice(0, Math.max(0, oldestFirst.length - Math.max(0, keep - 1)));
}

/** `unionbooks-auto-YYYYMMDD-HHMMSS.ubk` → `YYYY-MM-DDTHH:MM:SS` (local time, as written). */
function timeInName(name: string): string {
  const d = name.slice('unionbooks-auto-'.length, -'.ubk'.length);
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${d.slice(9, 11)}:${d.slice(11, 13)}:${d.slice(13, 15)}`;
}

export function isRollingBackupName(name: string): boolean {
  return NAME.test(name);
}

/** The automatic backups in the folder, newest first by the time in their names; other files are not listed. */
export async function listRollingBackups(folder: string): Promise<RollingBackupInfo[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const found: RollingBackupInfo[] = [];
  for (const name of names.filter(isRollingBackupName).sort().reverse()) {
    const info = await stat(join(folder, name)).catch(() => null);
    if (info?.isFile()) found.push({ name, at: timeInName(name), size: info.size });
  }
  return found;
}

/** One automatic backup's bytes; only a name of the rolling form, directly in the folder, is read. */
export async function readRollingBackup(folder: string, name: string): Promise<OpenedFile> {
  if (!isRollingBackupName(name)) throw new Error('只能读取自动备份文件');
  const path = join(folder, name);
  if ((await stat(path)).size > MAX_BRIDGE_FILE_BYTES) throw new Error('文件过大（超过 1 GB），无法打开');
  return { name, data: new Uint8Array(await readFile(path)) };
}
