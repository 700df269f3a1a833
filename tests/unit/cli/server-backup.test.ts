import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/sync/db';
import { MIGRATIONS } from '../../../server/sync/migrations';
import { openStore } from '../../../server/sync/runtime';
import { createUnion } from '../../../server/sync/store/unions';
import { MEMBER, startServer, unionWithDevices } from '../sync/harness';
import { runCli } from './capture';

/** Every row of every table of the server's schema, as text, table by table. */
async function everyRow(db: Database): Promise<Record<string, string[]>> {
  const tables = await db.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
  );
  const out: Record<string, string[]> = {};
  for (const { name } of tables) {
    const rows = await db.query<{ row: string }>(`SELECT t::text AS row FROM "${name}" t`);
    out[name] = rows.map((r) => r.row).sort();
  }
  return out;
}

async function snapshot(dataDir: string): Promise<Record<string, string[]>> {
  const { db } = await openStore(dataDir);
  try {
    return await everyRow(db);
  } finally {
    await db.close();
  }
}

describe('server backup and restore (embedded database)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ub-server-backup-'));
  const data = join(dir, 'data');
  const backup = join(dir, 'server-backup.tar.gz');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('backs up a server with unions, devices and synced rows, and a restore brings back every row', async () => {
    {
      const { db } = await openStore(data);
      try {
        const app = await startServer(db);
        const { devices } = await unionWithDevices(app, db, 'BK01', 2);
        for (let i = 0; i < 20; i++) devices[0]!.insert('members', { ...MEMBER, name: `备份会员${i}` });
        await devices[0]!.sync(app);
        await devices[1]!.sync(app);
        await app.close();
      } finally {
        await db.close();
      }
    }
    const before = await snapshot(data);
    expect(before.rows).toHaveLength(20);
    expect(before.devices).toHaveLength(2);
    expect(before.schema_migrations).toHaveLength(MIGRATIONS.length);

    const made = await runCli('server', 'backup', '--out', backup, '--data', data);
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    expect(made.out).toContain(`数据库结构第 ${MIGRATIONS.length} 版`);
    expect([...(await readFile(backup)).subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    expect(statSync(backup).mode & 0o777).toBe(0o600);

    // Changes after the backup: a restore takes the server back to the backup's moment.
    {
      const { db } = await openStore(data);
      try {
        await createUnion(db, 'BK02', '备份之后新增的工会');
        await db.query('DELETE FROM rows WHERE row_id IN (SELECT row_id FROM rows LIMIT 5)');
      } finally {
        await db.close();
      }
    }
    expect(await snapshot(data)).not.toEqual(before);

    const restored = await runCli('server', 'restore', backup, '--data', data);
    expect(restored.err).toBe('');
    expect(restored.code).toBe(0);
    expect(await snapshot(data)).toEqual(before);
    const kept = readdirSync(data).filter((n) => n.startsWith('pglite.before-restore-'));
    expect(kept).toHaveLength(1);
    expect(restored.out).toContain(join(data, kept[0]!));

    // Onto another computer: an empty data folder.
    const elsewhere = join(dir, 'elsewhere');
    expect((await runCli('server', 'restore', backup, '--data', elsewhere)).code).toBe(0);
    expect(await snapshot(elsewhere)).toEqual(before);
  });

  it('refuses a file that is not a backup, and changes nothing', async () => {
    const before = await snapshot(data);
    const bad = join(dir, 'not-a-backup.tar.gz');
    writeFileSync(bad, 'this is not a database');
    const r = await runCli('server', 'restore', bad, '--data', data);
    expect(r.code).toBe(1);
    expect(r.err).toContain('这不是内置数据库的备份文件，或文件已损坏');
    expect(r.err).toContain('数据目录未做任何更改');
    expect(existsSync(join(data, 'pglite.restoring'))).toBe(false);
    expect(await snapshot(data)).toEqual(before);
  });

  it('refuses while a server holds the folder, and for PostgreSQL points to pg_dump', async () => {
    // The folder's pid file names a live process: the one that started this test run.
    writeFileSync(join(data, 'server.pid'), String(process.ppid));
    try {
      const backupRun = await runCli('server', 'backup', '--out', join(dir, 'while-running.tar.gz'), '--data', data);
      expect(backupRun.code).toBe(1);
      expect(backupRun.err).toContain('请先停止服务器再备份');
      expect(existsSync(join(dir, 'while-running.tar.gz'))).toBe(false);
      expect((await runCli('server', 'restore', backup, '--data', data)).err).toContain('请先停止服务器再恢复');
    } finally {
      rmSync(join(data, 'server.pid'));
    }
    process.env.DATABASE_URL = 'postgres://nobody@127.0.0.1:1/none';
    try {
      const r = await runCli('server', 'backup', '--out', join(dir, 'pg.tar.gz'));
      expect(r.code).toBe(2);
      expect(r.err).toContain('pg_dump');
    } finally {
      delete process.env.DATABASE_URL;
    }
  });
});
