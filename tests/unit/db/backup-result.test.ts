import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { backupTodo } from '../../../shared/desk/todos';
import { lastGoodBackupAt, lastGoodOn, recordBackupFailure, setBackupResult } from '../../../renderer/src/features/backup/device-folder';
import { SYNC_KEYS } from '../../../renderer/src/db/sync-keys';
import { freshDb } from './helpers';

describe('the last good backup', () => {
  it('survives failed attempts, so the app can say how old the newest copy is', async () => {
    const { db } = await freshDb();
    await setBackupResult(db, { at: '2026-11-20T02:00:00.000Z', file: 'D:\\备份\\unionbooks-auto-20261120-100000.ubk' });
    await recordBackupFailure(db, '磁盘已满', new Date('2026-11-25T02:00:00.000Z'));
    await recordBackupFailure(db, '磁盘已满', new Date('2026-11-26T02:00:00.000Z'));
    const result = (await db.$sync.get(SYNC_KEYS.backupResult))?.value as Parameters<typeof lastGoodBackupAt>[0];
    expect(result).toMatchObject({ at: '2026-11-26T02:00:00.000Z', error: '磁盘已满', lastGoodAt: '2026-11-20T02:00:00.000Z' });
    expect(lastGoodBackupAt(result)).toBe('2026-11-20T02:00:00.000Z');

    const todo = backupTodo({ lastOn: lastGoodOn(result), error: '磁盘已满', hasData: true }, '2026-12-01');
    expect(todo?.tone).toBe('error');
    expect(todo?.reason).toContain('上次自动备份没有成功：磁盘已满');
    expect(todo?.reason).toContain('最近一次成功的备份在 2026年11月20日');
  });

  it('is none when every attempt failed', async () => {
    const { db } = await freshDb();
    await recordBackupFailure(db, '文件夹不存在', new Date('2026-11-25T02:00:00.000Z'));
    const result = (await db.$sync.get(SYNC_KEYS.backupResult))?.value as Parameters<typeof lastGoodBackupAt>[0];
    expect(lastGoodBackupAt(result)).toBeNull();
    expect(backupTodo({ lastOn: lastGoodOn(result), error: '文件夹不存在', hasData: true }, '2026-12-01')?.reason).not.toContain(
      '最近一次成功',
    );
  });
});
