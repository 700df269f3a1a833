import { listDevices, revokeDevice, unionOfSubtree } from '../../sync/store/devices';
import { ROOT_ORG_ID } from '../../sync/store/orgs';
import { requireFlag } from '../args';
import { EXIT, type Command } from '../command';
import { withStore } from './server-orgs';

/** A server time (ISO, UTC) as read in China: UTC+8 all year. */
const shanghai = (iso: string | null) =>
  iso ? new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '—';

export const serverDevicesCommand: Command = {
  path: ['server', 'devices'],
  usage: 'unionbooks server devices --union 工会代码 [--json] [--data 数据目录]',
  summary: '列出一个基层工会已注册的设备及最近联系时间',
  async run(args, io) {
    const code = requireFlag(args, 'union');
    return withStore(args, io, async (db) => {
      const union = await unionOfSubtree(db, ROOT_ORG_ID, { code });
      const devices = await listDevices(db, union.id);
      if (args.flags.get('json') === true) {
        io.out(JSON.stringify({ union: { code: union.code, name: union.name }, devices }, null, 2));
        return EXIT.ok;
      }
      io.out(`${union.name}（${union.code}）：${devices.filter((d) => !d.revokedAt).length} 台设备在用`);
      for (const d of devices)
        io.out(
          `${d.id}  ${d.name || d.deviceId}  注册 ${shanghai(d.enrolledAt)}  最近联系 ${shanghai(d.lastSeenAt)}` +
            (d.revokedAt ? `  已撤销 ${shanghai(d.revokedAt)}` : ''),
        );
      return EXIT.ok;
    });
  },
};

export const serverRevokeDeviceCommand: Command = {
  path: ['server', 'revoke-device'],
  usage: 'unionbooks server revoke-device --union 工会代码 --device 设备编号 [--data 数据目录]',
  summary: '撤销一个基层工会的设备：其凭证在任一服务器上立即失效，需重新注册',
  async run(args, io) {
    const code = requireFlag(args, 'union');
    const device = requireFlag(args, 'device');
    return withStore(args, io, async (db) => {
      const union = await unionOfSubtree(db, ROOT_ORG_ID, { code });
      const revoked = await revokeDevice(db, union.id, device);
      for (const d of revoked) io.out(`已撤销 ${union.name} 的设备 ${d.name || d.deviceId}（${d.id}）。该设备需用新注册码重新注册。`);
      return EXIT.ok;
    });
  },
};
