import { App } from 'antd';
import { useEffect } from 'react';
import { useServices } from '../../app/services';
import { exportBackup } from './book-io';
import { getAutoBackupEncrypted, recordBackupFailure, setBackupResult } from './device-folder';
import { sessionBackupPassword } from './session-password';
import { errorText } from '../../../../shared/error-text';

export const AUTO_BACKUP_INTERVAL_MS = 10 * 60 * 1000;

/** What closing the window runs now; the bridge's listener is registered once and cannot be removed. */
let onQuit: (() => Promise<void>) | null = null;
const armed = new WeakSet<object>();

const FAILED_KEY = 'auto-backup-failed';

export const NO_SESSION_PASSWORD = '自动备份设为加密，但本次启动后还没有输入密码（设置 → 备份与恢复 → 输入密码）';

/**
 * Desktop only: IndexedDB alone is no safe place for the only copy of a union's books, so when this
 * computer has a backup folder a rolling backup is written whenever the book changed since the last
 * one: on a timer, and once more when the window is closed. A failure is recorded (设置 and 概览
 * show it) and announced once, never swallowed. Encrypted backups wait for the session's password
 * rather than fall back to a plain file.
 */
export function useAutoBackup(folder: string): void {
  const { db, platform } = useServices();
  const { notification } = App.useApp();
  useEffect(() => {
    const bridge = platform.bridge;
    if (!bridge || !folder) return;
    let lastWritten = -1;
    let failing = false;
    let running: Promise<void> | null = null;
    const fail = async (reason: string) => {
      await recordBackupFailure(db, reason);
      if (!failing) notification.error({ key: FAILED_KEY, title: '自动备份失败', description: reason, duration: 0 });
      failing = true;
    };
    const tick = async () => {
      const changes = await db.$changes.count();
      if (changes === lastWritten) return;
      const encrypted = await getAutoBackupEncrypted(db);
      const password = sessionBackupPassword();
      if (encrypted && !password) return fail(NO_SESSION_PASSWORD);
      try {
        const data = await exportBackup(db, undefined, new Date(), encrypted && password ? { password } : undefined);
        const file = await bridge.writeRollingBackup({ folder, data });
        lastWritten = changes;
        failing = false;
        notification.destroy(FAILED_KEY);
        await setBackupResult(db, { at: new Date().toISOString(), file });
      } catch (e) {
        await fail(errorText(e));
      }
    };
    // One backup at a time: the timer and the window closing may ask at once.
    const run = () => (running ??= tick().finally(() => (running = null)));
    const safeRun = () => void run().catch(() => undefined);
    onQuit = () => run().catch(() => undefined);
    if (!armed.has(bridge)) {
      armed.add(bridge);
      bridge.onQuitBackup(() => onQuit?.() ?? Promise.resolve());
    }
    // The interval counts from when the app opened: this hook mounts only once the first screen is
    // done and the background work has loaded, which must not put the first backup off.
    let timer: ReturnType<typeof setInterval> | undefined;
    const first = setTimeout(
      () => {
        safeRun();
        timer = setInterval(safeRun, AUTO_BACKUP_INTERVAL_MS);
      },
      Math.max(0, AUTO_BACKUP_INTERVAL_MS - performance.now()),
    );
    return () => {
      onQuit = null;
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [db, platform, folder, notification]);
}
