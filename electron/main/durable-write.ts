import { open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Writes a file so that a crash or power cut leaves either the old file or the whole new one: the
 * bytes go to a temporary file that is flushed to disk before it is renamed over the target, and
 * the folder is flushed after, so the rename itself survives.
 */
export async function writeFileDurably(path: string, data: Uint8Array): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
  await syncFolder(dirname(path));
}

/** Windows cannot open a folder to flush it; there the flushed file and the rename are all there is. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on a folder; the file itself is already on disk.
  } finally {
    await handle.close();
  }
}
