import { useEffect } from 'react';
import { useServices } from '../../app/services';
import { exportBackup } from './book-io';
import { setBackupResult } from './device-folder';

export const AUTO_BACKUP_INTERVAL_MS = 10 * 60 * 1000;

/**
 * Desktop only: IndexedDB alone is no safe place for the only copy of a union's books, so when this
 * computer has a backup folder a rolling backup is written whenever the book changed since the last one.
 */
export function useAutoBackup(folder: string): void {
  const { db, platform } = useServices();
  useEffect(() => {
    const bridge = platform.bridge;
    if (!bridge || !folder) return;
    let lastWritten = -1;
    const tick = async () => {
      const changes = await db.$changes.count();
      if (changes === lastWritten) return;
      try {
        const file = await bridge.writeRollingBackup({ folder, data: await exportBackup(db) });
        lastWritten = changes;
        await setBackupResult(db, { at: new Date().toISOString(), file });
      } catch (e) {
        await setBackupResult(db, { at: new Date().toISOString(), error: e instanceof Error ? e.message : String(e) });
      }
    };
    const run = () => void tick().catch(() => undefined);
    // The interval counts from when the app opened: this hook mounts only once the first screen is
    // done and the background work has loaded, which must not put the first backup off.
    let timer: ReturnType<typeof setInterval> | undefined;
    const first = setTimeout(
      () => {
        run();
        timer = setInterval(run, AUTO_BACKUP_INTERVAL_MS);
      },
      Math.max(0, AUTO_BACKUP_INTERVAL_MS - performance.now()),
    );
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [db, platform, folder]);
}
