import { uuidv7 } from '../../../shared/ids/uuid7';
import { newPackageKey } from '../../../shared/sync/package/frame';
import { normaliseCode, randomEnrolmentCode, randomToken, sha256 } from '../crypto';
import type { Database, Queryable } from '../db';
import { Batcher, perDatabase, statementsAtOnce } from './batcher';
import { ROOT_ORG_ID, subtreeCte } from './orgs';
import { ClientError, isoOrNull } from './util';

export interface UnionAccount {
  id: string;
  code: string;
  name: string;
}

export interface DeviceAuth {
  deviceRowId: string;
  unionId: string;
  unionCode: string;
  /** The union's organisation: what the upper unions above it publish reaches it. */
  orgId: string;
}

const CODE_LIFETIME_DAYS = 30;

export async function createUnion(
  db: Database,
  code: string,
  name: string,
  orgId: string = ROOT_ORG_ID,
): Promise<{ union: UnionAccount; enrolmentCode: string }> {
  return db.tx(async (q) => {
    const existing = await q.query('SELECT 1 FROM unions WHERE code = $1', [code]);
    if (existing.length) throw new ClientError(409, 'union-exists', `工会代码已存在：${code}`);
    const union = { id: uuidv7(), code, name };
    await q.query('INSERT INTO unions (id, code, name, org_id) VALUES ($1, $2, $3, $4)', [union.id, code, name, orgId]);
    const enrolmentCode = await issueCode(q, union.id);
    return { union, enrolmentCode };
  });
}

export async function findUnionByCode(db: Queryable, code: string): Promise<UnionAccount | null> {
  const rows = await db.query<UnionAccount>('SELECT id, code, name FROM unions WHERE code = $1', [code]);
  return rows[0] ?? null;
}

/** A fresh one-time code for one more device of a union. Only its hash is kept. */
export async function issueCode(q: Queryable, unionId: string): Promise<string> {
  const code = randomEnrolmentCode();
  await q.query(
    `INSERT INTO enrolment_codes (code_hash, union_id, expires_at) VALUES ($1, $2, now() + interval '${CODE_LIFETIME_DAYS} days')`,
    [sha256(normaliseCode(code)), unionId],
  );
  return code;
}

/** Trades a one-time code for a device token. The code is spent in the same transaction, so two devices can never both use it. */
export async function enrolDevice(
  db: Database,
  input: { unionCode: string; enrolmentCode: string; deviceId: string; deviceName: string },
): Promise<{ token: string; union: UnionAccount; enrolmentId: string; packageKey: string }> {
  return db.tx(async (q) => {
    const union = await findUnionByCode(q, input.unionCode.trim());
    const refused = new ClientError(403, 'enrolment-refused', '工会代码或注册码不正确，或注册码已使用、已过期');
    if (!union) throw refused;
    const spent = await q.query(
      'UPDATE enrolment_codes SET used_at = now() WHERE code_hash = $1 AND union_id = $2 AND used_at IS NULL AND expires_at > now() RETURNING code_hash',
      [sha256(normaliseCode(input.enrolmentCode)), union.id],
    );
    if (!spent.length) throw refused;
    const token = randomToken();
    // The package key lets the device switch to offline packages should its network go (docs/offline-packages.md).
    const enrolmentId = uuidv7();
    const packageKey = newPackageKey();
    await q.query('INSERT INTO devices (id, union_id, device_id, name, token_hash, package_key) VALUES ($1, $2, $3, $4, $5, $6)', [
      enrolmentId,
      union.id,
      input.deviceId,
      input.deviceName,
      sha256(token),
      packageKey,
    ]);
    return { token, union, enrolmentId, packageKey };
  });
}

/**
 * Finds the device by its token's hash. It runs on every request, so it only reads: a sync notes
 * the device's last contact in the statement that locks its union. Lookups that arrive together
 * (hundreds of devices syncing at the same moment) share one statement.
 */
export function authenticateDevice(db: Database, token: string): Promise<DeviceAuth | null> {
  return authBatcher(db).call(sha256(token));
}

const authBatcher = perDatabase(
  (db: Database) =>
    new Batcher<string, DeviceAuth | null>({
      parallel: statementsAtOnce(db),
      group() {
        let taken = 0;
        return () => taken++ < 1000;
      },
      async run(hashes) {
        const rows = await db.query<{ token_hash: string; id: string; union_id: string; code: string; org_id: string }>(
          `SELECT d.token_hash, d.id, d.union_id, u.code, u.org_id FROM devices d JOIN unions u ON u.id = d.union_id
           WHERE d.token_hash IN (SELECT jsonb_array_elements_text($1::jsonb)) AND d.revoked_at IS NULL`,
          [JSON.stringify(hashes)],
          'device_auth',
        );
        const byHash = new Map(
          rows.map((r) => [r.token_hash, { deviceRowId: r.id, unionId: r.union_id, unionCode: r.code, orgId: r.org_id }]),
        );
        return hashes.map((h) => byHash.get(h) ?? null);
      },
    }),
);

/** The unions of an organisation's subtree. */
export async function listUnions(
  db: Queryable,
  top: string,
): Promise<(UnionAccount & { orgId: string; createdAt: string | null; lastSyncAt: string | null; devices: number })[]> {
  const rows = await db.query<{
    id: string;
    code: string;
    name: string;
    org_id: string;
    created_at: unknown;
    last_sync_at: unknown;
    devices: unknown;
  }>(
    `${subtreeCte('$1')}
     SELECT u.id, u.code, u.name, u.org_id, u.created_at, u.last_sync_at, (SELECT count(*) FROM devices d WHERE d.union_id = u.id AND d.revoked_at IS NULL) AS devices
     FROM unions u JOIN subtree s ON s.id = u.org_id ORDER BY u.code`,
    [top],
  );
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    orgId: r.org_id,
    createdAt: isoOrNull(r.created_at),
    lastSyncAt: isoOrNull(r.last_sync_at),
    devices: Number(r.devices),
  }));
}
