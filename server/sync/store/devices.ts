import type { DeviceListing } from '../../../shared/sync/admin';
import type { Database, Queryable } from '../db';
import { Batcher, perDatabase, statementsAtOnce } from './batcher';
import { subtreeCte } from './orgs';
import { ClientError, isoOrNull } from './util';

/** A union of `top`'s subtree by id or code; one outside is as missing as one that does not exist. */
export async function unionOfSubtree(db: Queryable, top: string, union: { id: string } | { code: string }) {
  const rows = await db.query<{ id: string; code: string; name: string; org_id: string }>(
    `${subtreeCte('$1')} SELECT u.id, u.code, u.name, u.org_id FROM unions u JOIN subtree s ON s.id = u.org_id WHERE ${'id' in union ? 'u.id' : 'u.code'} = $2`,
    [top, 'id' in union ? union.id : union.code],
  );
  const found = rows[0];
  if (!found) throw new ClientError(404, 'no-union', 'id' in union ? '工会不存在' : `工会不存在：${union.code}`);
  return found;
}

/** The enrolled devices of a union, newest first, the revoked ones included (marked). */
export async function listDevices(db: Queryable, unionId: string): Promise<DeviceListing[]> {
  const rows = await db.query<Record<string, unknown>>(
    'SELECT id, device_id, name, created_at, last_seen_at, revoked_at FROM devices WHERE union_id = $1 ORDER BY created_at DESC, id DESC',
    [unionId],
  );
  return rows.map((r) => ({
    id: String(r.id),
    deviceId: String(r.device_id),
    name: String(r.name ?? ''),
    enrolledAt: isoOrNull(r.created_at),
    lastSeenAt: isoOrNull(r.last_seen_at),
    revokedAt: isoOrNull(r.revoked_at),
  }));
}

/**
 * Revokes a union's device, named by the server's enrolment id or the app's device id. The
 * revocation generation moves in the same transaction, so every app server's next request check
 * sees it: no cached token of the device is taken after the commit.
 */
export async function revokeDevice(db: Database, unionId: string, device: string): Promise<DeviceListing[]> {
  return db.tx(async (q) => {
    const revoked = await q.query<{ id: string }>(
      `UPDATE devices SET revoked_at = now() WHERE union_id = $1 AND (id = $2 OR device_id = $2) AND revoked_at IS NULL RETURNING id`,
      [unionId, device],
    );
    if (!revoked.length) {
      const known = await q.query('SELECT 1 FROM devices WHERE union_id = $1 AND (id = $2 OR device_id = $2)', [unionId, device]);
      throw known.length
        ? new ClientError(409, 'already-revoked', `设备已撤销：${device}`)
        : new ClientError(404, 'no-device', `该工会没有此设备：${device}`);
    }
    await q.query('UPDATE device_revocations SET generation = generation + 1');
    const ids = new Set(revoked.map((r) => r.id));
    return (await listDevices(q, unionId)).filter((d) => ids.has(d.id));
  });
}

/**
 * The revocation generation, read by every device request. Requests that arrive while a read is
 * under way wait for the next one, so a request that arrives after a revocation's commit always
 * reads a generation from after it; requests arriving together share one tiny statement.
 */
export function revocationGeneration(db: Database): Promise<number> {
  return generationBatcher(db).call(null);
}

const generationBatcher = perDatabase(
  (db: Database) =>
    new Batcher<null, number>({
      parallel: statementsAtOnce(db),
      group: () => () => true,
      async run(items) {
        const rows = await db.query<{ generation: unknown }>('SELECT generation FROM device_revocations', [], 'revocation_generation');
        const generation = Number(rows[0]?.generation ?? 0);
        return items.map(() => generation);
      },
    }),
);
