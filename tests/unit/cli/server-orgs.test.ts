import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { NEW_ADMIN_PASSWORD_ENV } from '../../../server/cli/commands/server-orgs';
import type { AdminOverview } from '../../../shared/sync/admin';
import { STAT_KEYS } from '../../../shared/sync/stats';
import { openStore } from '../../../server/sync/runtime';
import { adminLogin } from '../../../server/sync/store/admin';
import { runCli } from './capture';

describe('the organisation tree from the command line', () => {
  const data = mkdtempSync(join(tmpdir(), 'ub-orgs-cli-'));
  afterEach(() => {
    delete process.env[NEW_ADMIN_PASSWORD_ENV];
  });
  afterAll(() => rmSync(data, { recursive: true, force: true }));

  it('builds a tree, adds an admin and unions to it, and reports the figures per level', async () => {
    expect((await runCli('server', 'add-org', '--code', 'QX', '--name', '青溪区总工会', '--data', data)).code).toBe(0);
    expect((await runCli('server', 'add-org', '--code', 'QX-HT', '--name', '河塘镇总工会', '--parent', 'QX', '--data', data)).code).toBe(0);
    const missing = await runCli('server', 'add-org', '--code', 'X', '--name', '某', '--parent', 'NOPE', '--data', data);
    expect(missing.code).not.toBe(0);
    expect(missing.err).toContain('组织不存在：NOPE');

    const plain = await runCli('server', 'add-admin', '--org', 'QX', '--name', 'qx', '--password', 'secret123', '--data', data);
    expect(plain.code).not.toBe(0);
    expect(plain.err).toContain(NEW_ADMIN_PASSWORD_ENV);
    process.env[NEW_ADMIN_PASSWORD_ENV] = 'district pass';
    const admin = await runCli('server', 'add-admin', '--org', 'QX', '--name', 'qx', '--data', data);
    expect(admin.code).toBe(0);
    expect(admin.out).toContain('青溪区总工会');
    expect((await runCli('server', 'add-admin', '--org', 'QX', '--name', 'qx', '--data', data)).err).toContain('管理员名称已存在');

    expect((await runCli('server', 'add-union', '--code', 'HT01', '--name', '河塘机械厂工会', '--org', 'QX-HT', '--data', data)).code).toBe(
      0,
    );
    const atRoot = await runCli('server', 'add-union', '--code', 'ROOT01', '--name', '直属工会', '--data', data);
    expect(atRoot.code).toBe(0);
    expect(atRoot.out).toMatch(/一次性注册码：/);

    const all = JSON.parse((await runCli('server', 'stats', '--year', '2025', '--json', '--data', data)).out) as AdminOverview;
    for (const key of STAT_KEYS) expect(all.totals[key], key).toBe(0);
    expect(all.orgs.map((o) => [o.code, o.depth, o.totals.unions])).toEqual([
      ['ROOT', 0, 2],
      ['QX', 1, 1],
      ['QX-HT', 2, 1],
    ]);
    const district = JSON.parse(
      (await runCli('server', 'stats', '--year', '2025', '--org', 'QX', '--json', '--data', data)).out,
    ) as AdminOverview;
    expect(district.unions.map((u) => u.code)).toEqual(['HT01']);
    const text = await runCli('server', 'stats', '--year', '2025', '--data', data);
    expect(text.out).toContain('  河塘镇总工会（QX-HT）：工会 1');

    // The admin logs in with its name and the password from the environment.
    const { db } = await openStore(data);
    try {
      expect(await adminLogin(db, 'district pass', undefined, 'qx')).toBeTruthy();
      expect(await adminLogin(db, 'wrong password', undefined, 'qx')).toBeNull();
    } finally {
      await db.close();
    }
  });
});
