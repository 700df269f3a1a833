import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { rollingBackupName, rotationVictims, writeRollingBackup } from '../../../electron/main/rolling-backup';

/** The real file system, with a log of what was opened, flushed and renamed, in order. */
const log = vi.hoisted(() => ({ steps: [] as string[] }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof real.open = async (path, ...rest) => {
    const handle = await real.open(path, ...rest);
    const sync = handle.sync.bind(handle);
    handle.sync = async () => {
      await sync();
      log.steps.push(`sync ${String(path)}`);
    };
    return handle;
  };
  const rename: typeof real.rename = async (from, to) => {
    await real.rename(from, to);
    log.steps.push(`rename ${String(from)} -> ${String(to)}`);
  };
  return { ...real, open, rename, default: { ...real, open, rename } };
});

const at = (y: number, mo: number, d: number, h: number, mi: number, s = 0) => new Date(y, mo - 1, d, h, mi, s);

describe('rolling backups', () => {
  beforeEach(() => void (log.steps = []));

  it('keeps only the newest automatic backups and never touches other files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ub-roll-'));
    await writeFile(join(dir, '我的备份.ubk'), 'mine');
    for (let i = 0; i < 5; i++) await writeRollingBackup(dir, new Uint8Array([i]), at(2025, 1, 1, 10, 0, i), 3);
    expect((await readdir(dir)).sort()).toEqual([
      'unionbooks-auto-20250101-100002.ubk',
      'unionbooks-auto-20250101-100003.ubk',
      'unionbooks-auto-20250101-100004.ubk',
      '我的备份.ubk',
    ]);
    expect([...(await readFile(join(dir, 'unionbooks-auto-20250101-100004.ubk')))]).toEqual([4]);
  });

  it('keeps the backup just written after the clock was set back, and reports the file that is there', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ub-clock-'));
    // Written while the computer's clock ran two months ahead.
    for (let i = 0; i < 3; i++) await writeRollingBackup(dir, new Uint8Array([9]), at(2025, 8, 1, 9, i * 10), 3);

    const first = await writeRollingBackup(dir, new Uint8Array([1]), at(2025, 6, 1, 9, 0), 3);
    expect(first).toBe(join(dir, 'unionbooks-auto-20250601-090000.ubk'));
    expect([...(await readFile(first))]).toEqual([1]);

    const second = await writeRollingBackup(dir, new Uint8Array([2]), at(2025, 6, 1, 9, 10), 3);
    expect([...(await readFile(second))]).toEqual([2]);
    // The backups from after the correction stay; the ones named in the future go first.
    expect((await readdir(dir)).sort()).toEqual([
      'unionbooks-auto-20250601-090000.ubk',
      'unionbooks-auto-20250601-091000.ubk',
      'unionbooks-auto-20250801-092000.ubk',
    ]);
  });

  it('orders by the time in the names, not by when the files were last modified', () => {
    const names = ['unionbooks-auto-20250103-000000.ubk', 'unionbooks-auto-20250101-000000.ubk', 'unionbooks-auto-20250102-000000.ubk'];
    expect(rotationVictims([...names, 'notes.ubk'], 'unionbooks-auto-20250104-000000.ubk', 3)).toEqual([
      'unionbooks-auto-20250101-000000.ubk',
    ]);
    expect(rotationVictims(names, 'unionbooks-auto-20250104-000000.ubk', 1)).toEqual([
      'unionbooks-auto-20250101-000000.ubk',
      'unionbooks-auto-20250102-000000.ubk',
      'unionbooks-auto-20250103-000000.ubk',
    ]);
    expect(rotationVictims(names, rollingBackupName(at(2025, 1, 2, 12, 0)), 2)).toEqual([
      'unionbooks-auto-20250103-000000.ubk',
      'unionbooks-auto-20250101-000000.ubk',
    ]);
  });

  it('flushes the temporary file to disk before renaming it, then flushes the folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ub-sync-'));
    const target = await writeRollingBackup(dir, new Uint8Array([5]), at(2025, 3, 1, 8, 0));
    const tmp = log.steps.find((s) => s.startsWith('sync '))?.slice(5) ?? '';
    expect(tmp.startsWith(`${target}.tmp`)).toBe(true);
    expect(log.steps).toEqual([`sync ${tmp}`, `rename ${tmp} -> ${target}`, `sync ${dir}`]);
    expect(await readdir(dir)).toEqual(['unionbooks-auto-20250301-080000.ubk']);
  });
});
