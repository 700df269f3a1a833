import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../../server/sync/app';
import { claimDataDir, defaultLogFile, openStore } from '../../../server/sync/runtime';
import { fileLog } from '../../../server/sync/server-log';
import { syncRound } from '../../../server/sync/store/sync';
import { createUnion } from '../../../server/sync/store/unions';

/** Every directory and file under `dir`, with its permission bits. */
function modes(dir: string): { path: string; dir: boolean; mode: number }[] {
  const out = [{ path: dir, dir: true, mode: statSync(dir).mode & 0o777 }];
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    const stat = statSync(path);
    out.push({ path, dir: stat.isDirectory(), mode: stat.mode & 0o777 });
  }
  return out;
}

describe('the embedded database’s data folder', () => {
  let root = '';
  let previousUmask = 0;
  beforeAll(() => {
    // As on the machine the audit used: a umask that lets every new file be read and written by all.
    previousUmask = process.umask(0);
    root = mkdtempSync(join(tmpdir(), 'ub-modes-'));
  });
  afterAll(() => {
    process.umask(previousUmask);
    rmSync(root, { recursive: true, force: true });
  });

  it('is readable and writable by the server’s account only: folders 0700, every file 0600', async () => {
    const data = join(root, 'server-data');
    // A folder an older version left world-readable, with a file in it.
    mkdirSync(join(data, 'old'), { recursive: true, mode: 0o777 });
    writeFileSync(join(data, 'old', 'notes.txt'), 'x', { mode: 0o666 });
    chmodSync(join(data, 'old', 'notes.txt'), 0o666);

    const { db } = await openStore(data, {});
    const release = claimDataDir(data);
    const log = fileLog(defaultLogFile(data));
    const app = await buildServer({ db, log });
    const union = (await createUnion(db, 'MODES', '权限工会')).union.id;
    const changes = Array.from({ length: 200 }, (_, i) => ({
      changeId: `d:${i}`,
      table: 'members' as const,
      rowId: `m${i}`,
      hlc: `${String(Date.now() - 1000).padStart(15, '0')}-000000-d`,
      fields: { id: `m${i}`, name: `会员${i}`, idNumber: '110101199003071234' },
    }));
    await syncRound(db, { unionId: union, deviceRowId: 'none' }, { v: 1, changes, cursor: 0 });
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    await app.close();
    await db.close();
    expect(statSync(join(data, 'server.pid')).mode & 0o777).toBe(0o600);
    release();

    const found = modes(data);
    expect(found.some((f) => f.path.endsWith('server.log'))).toBe(true);
    expect(found.filter((f) => !f.dir).length).toBeGreaterThan(100);
    const wrong = found.filter((f) => f.mode !== (f.dir ? 0o700 : 0o600)).map((f) => `${f.path} ${f.mode.toString(8)}`);
    expect(wrong).toEqual([]);
  });
});
