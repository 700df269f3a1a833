import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { QUIT_BACKUP_REQUEST } from '../../../shared/bridge/contract';
import { BackupFolders } from '../../../electron/main/backup-folders';
import { rollingBackupFile, rollingBackups } from '../../../electron/main/ipc/files';
import { parseQuitBackupSignal, parseReadRollingBackupRequest } from '../../../electron/main/ipc/payloads';
import { QuitBackup } from '../../../electron/main/quit-backup';

async function pickedFolder(): Promise<{ dir: string; folders: BackupFolders }> {
  const dir = await mkdtemp(join(tmpdir(), 'ub-rolling-'));
  const folders = BackupFolders.inMemory();
  await folders.add(dir);
  return { dir, folders };
}

describe('restoring from the automatic backups', () => {
  it('lists only the automatic backups, newest first, with the time in their names', async () => {
    const { dir, folders } = await pickedFolder();
    await writeFile(join(dir, 'unionbooks-auto-20250601-090000.ubk'), new Uint8Array(10));
    await writeFile(join(dir, 'unionbooks-auto-20250602-081500.ubk'), new Uint8Array(20));
    await writeFile(join(dir, '我的备份.ubk'), new Uint8Array(5));
    await mkdir(join(dir, 'unionbooks-auto-20250603-000000.ubk'));
    expect(await rollingBackups(folders, dir)).toEqual([
      { name: 'unionbooks-auto-20250602-081500.ubk', at: '2025-06-02T08:15:00', size: 20 },
      { name: 'unionbooks-auto-20250601-090000.ubk', at: '2025-06-01T09:00:00', size: 10 },
    ]);
  });

  it('reads one by name from the picked folder, and nothing else', async () => {
    const { dir, folders } = await pickedFolder();
    await writeFile(join(dir, 'unionbooks-auto-20250601-090000.ubk'), new Uint8Array([1, 2, 3]));
    await writeFile(join(dir, 'secret.txt'), 'x');
    const file = await rollingBackupFile(folders, { folder: dir, name: 'unionbooks-auto-20250601-090000.ubk' });
    expect([...file.data]).toEqual([1, 2, 3]);
    await expect(rollingBackupFile(folders, { folder: dir, name: 'secret.txt' })).rejects.toThrow('只能读取自动备份文件');
    expect(() => parseReadRollingBackupRequest({ folder: dir, name: '../unionbooks-auto-20250601-090000.ubk' })).toThrow('文件名无效');
    const other = await mkdtemp(join(tmpdir(), 'ub-other-'));
    await expect(rollingBackups(folders, other)).rejects.toThrow('未在本机的“选择文件夹”对话框中选定');
    await expect(rollingBackupFile(folders, { folder: other, name: 'unionbooks-auto-20250601-090000.ubk' })).rejects.toThrow(
      '未在本机的“选择文件夹”对话框中选定',
    );
  });
});

/** A window whose close can be prevented, as Electron's BrowserWindow. */
function fakeWindow() {
  let onClose: ((event: { preventDefault: () => void }) => void) | null = null;
  const window = {
    closed: 0,
    sent: [] as string[],
    on: (_: 'close', listener: (event: { preventDefault: () => void }) => void) => (onClose = listener),
    isDestroyed: () => false,
    webContents: { send: (channel: string) => void window.sent.push(channel) },
    /** What the user does: returns whether the window went. */
    userCloses: () => {
      let prevented = false;
      onClose?.({ preventDefault: () => (prevented = true) });
      if (!prevented) window.closed++;
      return !prevented;
    },
    close: () => void window.userCloses(),
  };
  return window;
}

describe('the backup made when the window closes', () => {
  it('holds the window until the page says its backup is done, then lets it close', () => {
    const window = fakeWindow();
    const quit = new QuitBackup(window, 60_000);
    quit.signal('armed');
    expect(window.userCloses()).toBe(false);
    expect(window.sent).toEqual([QUIT_BACKUP_REQUEST]);
    // Closing again while waiting asks nothing more.
    expect(window.userCloses()).toBe(false);
    expect(window.sent).toHaveLength(1);
    quit.signal('done');
    expect(window.closed).toBe(1);
  });

  it('closes at once when the page never armed it, and after the time limit when the page hangs', () => {
    const unarmed = fakeWindow();
    new QuitBackup(unarmed, 60_000);
    expect(unarmed.userCloses()).toBe(true);
    expect(unarmed.sent).toEqual([]);

    vi.useFakeTimers();
    try {
      const window = fakeWindow();
      const quit = new QuitBackup(window, 60_000);
      quit.signal('armed');
      expect(window.userCloses()).toBe(false);
      vi.advanceTimersByTime(59_000);
      expect(window.closed).toBe(0);
      vi.advanceTimersByTime(1_000);
      expect(window.closed).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('takes only the two signals from the page', () => {
    expect(parseQuitBackupSignal('done')).toBe('done');
    expect(() => parseQuitBackupSignal('close-now')).toThrow('请求格式无效');
  });
});
