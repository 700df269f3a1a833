import { mkdir, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const KEEP_BACKUPS = 20;
const NAME = /^unionbooks-auto-\d{8}-\d{6}\.ubk$/;

export function rollingBackupName(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `unionbooks-auto-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}.ubk`;
}

/**
 * Writes a backup into the folder (temporary file, then rename, so a crash never leaves a torn
 * file) and removes the oldest automatic backups beyond KEEP_BACKUPS. Files the user put there
 * by hand are never touched: only names this function makes are rotated.
 */
export async function writeRollingBackup(folder: string, data: Uint8Array, now: Date = new Date(), keep = KEEP_BACKUPS): Promise<string> {
  await mkdir(folder, { recursive: true });
  const target = join(folder, rollingBackupName(now));
  const tmp = `${target}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, target);
  const ours = (await readdir(folder)).filter((f) => NAME.test(f)).sort();
  for (const old of ours.slice(0, Math.max(0, ours.length - keep))) await unlink(join(folder, old));
  return target;
}
