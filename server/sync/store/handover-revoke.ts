import type { Database } from '../db';
import { recordAudit } from './audit';
import { revokeDevice } from './devices';
import type { DeviceAuth } from './unions';
import { ClientError } from './util';

/**
 * 换届交接: the incoming computer, once enrolled, has the outgoing one revoked. The handover file
 * names the outgoing device id; the server cannot read that file, so it holds the request to what a
 * handover can mean: a device of the caller's own union (any other is as missing as one that never
 * existed), never the caller itself, and only a device enrolled before the caller — a new computer
 * replaces an older one, never the reverse. Every revocation is written to the audit log of the
 * union's organisation, where its admins see it beside their own.
 */
export async function revokeHandedOverDevice(
  db: Database,
  caller: DeviceAuth,
  request: { deviceId: string; handoverId: string; address: string },
): Promise<string[]> {
  const [me] = await db.query<{ device_id: string }>('SELECT device_id FROM devices WHERE id = $1', [caller.deviceRowId]);
  if (!me) throw new ClientError(401, 'unauthorised', '设备未注册或凭证已失效，请在同步页重新注册');
  if (request.deviceId === me.device_id) throw new ClientError(400, 'own-device', '不能用交接撤销本机自己');
  const targets = await db.query<{ id: string; newer: boolean; revoked: boolean }>(
    `SELECT id, created_at > (SELECT created_at FROM devices WHERE id = $3) AS newer, revoked_at IS NOT NULL AS revoked
     FROM devices WHERE union_id = $1 AND device_id = $2`,
    [caller.unionId, request.deviceId, caller.deviceRowId],
  );
  if (!targets.length) throw new ClientError(404, 'no-device', `该工会没有此设备：${request.deviceId}`);
  const live = targets.filter((t) => !t.revoked);
  if (!live.length) throw new ClientError(409, 'already-revoked', `设备已撤销：${request.deviceId}`);
  if (live.some((t) => t.newer)) throw new ClientError(403, 'newer-device', '只能撤销比本机更早注册的设备');
  const revoked = await revokeDevice(db, caller.unionId, request.deviceId);
  const names = revoked.map((d) => d.name || d.deviceId);
  await recordAudit(db, {
    orgId: caller.orgId,
    admin: `设备 ${me.device_id}`,
    action: 'device-handed-over',
    target: `${caller.unionCode} ${names.join('、')}（交接 ${request.handoverId}）`,
    address: request.address,
  });
  return names;
}
