import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../server/sync/runtime';
import { authenticateDevice, enrolDevice, findUnionByCode, issueCode } from '../../../server/sync/store/unions';
import type { DeviceListing } from '../../../shared/sync/admin';
import { runCli } from './capture';

describe('server devices and revoke-device', () => {
  const data = mkdtempSync(join(tmpdir(), 'ub-devices-cli-'));
  afterAll(() => rmSync(data, { recursive: true, force: true }));

  it('lists a union’s devices and revokes one, whose token then opens nothing', async () => {
    expect((await runCli('server', 'add-union', '--code', 'HT01', '--name', '河塘机械厂工会', '--data', data)).code).toBe(0);
    const tokens: string[] = [];
    {
      const { db } = await openStore(data);
      try {
        const union = (await findUnionByCode(db, 'HT01'))!;
        for (const deviceId of ['pc-office', 'pc-home'])
          tokens.push(
            (await enrolDevice(db, { unionCode: 'HT01', enrolmentCode: await issueCode(db, union.id), deviceId, deviceName: deviceId }))
              .token,
          );
      } finally {
        await db.close();
      }
    }
    const listed = await runCli('server', 'devices', '--union', 'HT01', '--json', '--data', data);
    expect(listed.code).toBe(0);
    const json = JSON.parse(listed.out) as { devices: DeviceListing[] };
    expect(json.devices.map((d) => [d.deviceId, d.revokedAt])).toEqual([
      ['pc-home', null],
      ['pc-office', null],
    ]);
    expect((await runCli('server', 'devices', '--union', 'NOPE', '--data', data)).err).toContain('工会不存在：NOPE');

    const revoked = await runCli('server', 'revoke-device', '--union', 'HT01', '--device', 'pc-office', '--data', data);
    expect(revoked.code).toBe(0);
    expect(revoked.out).toContain('已撤销 河塘机械厂工会 的设备 pc-office');
    expect((await runCli('server', 'revoke-device', '--union', 'HT01', '--device', 'pc-office', '--data', data)).err).toContain(
      '设备已撤销',
    );
    const text = await runCli('server', 'devices', '--union', 'HT01', '--data', data);
    expect(text.out).toContain('1 台设备在用');
    expect(text.out).toMatch(/pc-office .*已撤销/);

    const { db } = await openStore(data);
    try {
      expect(await authenticateDevice(db, tokens[0]!)).toBeNull();
      expect(await authenticateDevice(db, tokens[1]!)).not.toBeNull();
    } finally {
      await db.close();
    }
  });
});
