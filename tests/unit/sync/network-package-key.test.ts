import 'fake-indexeddb/auto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HybridLogicalClock } from '../../../shared/clock/hlc';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';
import { fromBase64 } from '../../../shared/backup/encrypted-header';
import { PROTOCOL_VERSION } from '../../../shared/sync/protocol';
import { sha256 } from '../../../server/sync/crypto';
import type { Database } from '../../../server/sync/db';
import { migrate, MIGRATIONS } from '../../../server/sync/migrations';
import { importPackage } from '../../../server/sync/store/packages';
import { getRows } from '../../../server/sync/store/rows';
import { createUnion, issueCode } from '../../../server/sync/store/unions';
import { UnionBooksDB } from '../../../renderer/src/db/database';
import { openMutator, type Mutator } from '../../../renderer/src/db/mutations';
import { syncEngineFor } from '../../../renderer/src/features/sync/engine';
import { enrolDevice } from '../../../renderer/src/features/sync/mutations';
import { exportPackage, importReply } from '../../../renderer/src/features/sync/packages';
import { pendingCount } from '../../../renderer/src/features/sync/queries';
import { getValue, KEYS, setValue, type SyncConfig } from '../../../renderer/src/features/sync/state';
import { backends } from './backends';
import { post, listeningServer } from './harness';

const clock = new HybridLogicalClock('servertest');

const keyOf = async (db: Database, token: string) =>
  (
    await db.query<{ id: string; package_key: string | null }>('SELECT id, package_key FROM devices WHERE token_hash = $1', [sha256(token)])
  )[0];

/** Devices enrolled over the network get a package key, so a union that loses its network can switch to packages. */
describe('package keys for devices enrolled over the network', () => {
  let server: Database;
  let app: FastifyInstance;
  let url = '';

  beforeAll(async () => {
    ({ db: server, app, url } = await listeningServer());
  });
  afterAll(async () => {
    await app.close();
    await server.close();
  });

  async function enrolOverNetwork(code: string) {
    const { union, enrolmentCode } = await createUnion(server, code, `${code} 工会`);
    const res = await post(app, '/api/v1/enrol', {
      v: PROTOCOL_VERSION,
      unionCode: code,
      enrolmentCode,
      deviceId: `${code.toLowerCase()}dev`,
      deviceName: '网络设备',
    });
    expect(res.status).toBe(200);
    return { unionId: union.id, body: res.body as { token: string; enrolmentId: string; packageKey: string } };
  }

  it('answers a network enrolment with the device’s enrolment id and a 32-byte package key, the one the server keeps', async () => {
    const { body } = await enrolOverNetwork('NETA');
    expect(fromBase64(body.packageKey).length).toBe(32);
    const stored = await keyOf(server, body.token);
    expect(stored).toEqual({ id: body.enrolmentId, package_key: body.packageKey });
  });

  it('gives a token its own device’s key and no other: a device of union A never gets B’s', async () => {
    const a = await enrolOverNetwork('ISOA');
    const b = await enrolOverNetwork('ISOB');
    const [unionA] = await server.query<{ id: string }>("SELECT id FROM unions WHERE code = 'ISOA'");
    const a2 = await post(app, '/api/v1/enrol', {
      v: PROTOCOL_VERSION,
      unionCode: 'ISOA',
      enrolmentCode: await issueCode(server, unionA!.id),
      deviceId: 'isoadev2',
      deviceName: '第二台',
    });
    const second = a2.body as { token: string; enrolmentId: string; packageKey: string };
    for (const { token, enrolmentId, packageKey } of [a.body, b.body, second]) {
      const res = await post(app, '/api/v1/package-key', undefined, token);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ v: PROTOCOL_VERSION, enrolmentId, packageKey });
    }
    expect(new Set([a.body.packageKey, b.body.packageKey, second.packageKey]).size).toBe(3);
    // Nothing in a request can name another device: a body or a query naming B's device is not read.
    const named = await app.inject({
      method: 'POST',
      url: `/api/v1/package-key?enrolmentId=${b.body.enrolmentId}`,
      payload: { enrolmentId: b.body.enrolmentId },
      headers: { authorization: `Bearer ${a.body.token}` },
    });
    expect(named.json()).toEqual({ v: PROTOCOL_VERSION, enrolmentId: a.body.enrolmentId, packageKey: a.body.packageKey });
    expect((await post(app, '/api/v1/package-key', undefined)).status).toBe(401);
    expect((await post(app, '/api/v1/package-key', undefined, 'x'.repeat(43))).status).toBe(401);

    await app.inject({ method: 'GET', url: '/api/v1/package-key' }).then((r) => expect(r.statusCode).not.toBe(200));
    await server.query('UPDATE devices SET revoked_at = now() WHERE id = $1', [b.body.enrolmentId]);
    await server.query('UPDATE device_revocations SET generation = generation + 1');
    expect((await post(app, '/api/v1/package-key', undefined, b.body.token)).status).toBe(401);
  });

  describe('the app', () => {
    const demo = generateDemoBook({ ...SMALL_DEMO, endMonth: '2025-12' });
    let device: { db: UnionBooksDB; mutator: Mutator };

    it('keeps the key from its network enrolment and, once the network is gone, reports by package; the reply comes back in', async () => {
      const { union, enrolmentCode } = await createUnion(server, 'NETP', 'NETP 工会');
      const local = new UnionBooksDB('network-then-offline');
      device = { db: local, mutator: await openMutator(local) };
      await device.mutator.replaceBook(demo);
      const config = await enrolDevice(local, device.mutator, { serverUrl: url, unionCode: 'NETP', enrolmentCode });
      expect(config.packages?.packageKey).toBeTruthy();
      expect(await syncEngineFor(local, device.mutator).syncNow()).toBe(true);
      expect(await pendingCount(local)).toBe(0);

      // The network goes: edits now travel by package.
      const [m0, m1] = [demo.members[0]!, demo.members[1]!];
      await device.mutator.update('members', m0.id, { note: '断网后修改' });
      await device.mutator.update('members', m1.id, { phone: '13700000000' });
      const pkg = await exportPackage(local, device.mutator, 2025);
      expect(pkg).toMatchObject({ seq: 1, changes: 2, year: 2025 });
      const { report, reply } = await importPackage(server, clock, pkg.bytes, { code: 'NETP' });
      expect(report).toMatchObject({ unionCode: 'NETP', applied: 2, duplicates: 0 });
      expect(report.submission?.receiptNumber).toBe('BS-2025-NETP-01');
      const [stored] = await getRows(server, union.id, [{ table: 'members', rowId: m0.id }]);
      expect(stored?.data.note).toBe('断网后修改');

      const imported = await importReply(local, device.mutator, reply);
      expect(imported.receipt?.receiptNumber).toBe('BS-2025-NETP-01');
      expect(await pendingCount(local)).toBe(0);

      // The network is back: the next sync carries on from where the reply left the device.
      await device.mutator.update('members', m0.id, { note: '恢复联网' });
      expect(await syncEngineFor(local, device.mutator).syncNow()).toBe(true);
      expect(await pendingCount(local)).toBe(0);
    });

    it('an app enrolled before keys came with enrolment gets its own key on its next sync', async () => {
      const { enrolmentCode } = await createUnion(server, 'OLDK', 'OLDK 工会');
      const local = new UnionBooksDB('enrolled-before-keys');
      const mutator = await openMutator(local);
      await mutator.replaceBook(demo);
      const enrolled = await enrolDevice(local, mutator, { serverUrl: url, unionCode: 'OLDK', enrolmentCode });
      // As an older app stored it, and as the server held it before migration 13.
      const { packages: _dropped, ...withoutKey } = enrolled;
      await setValue(local, KEYS.config, withoutKey);
      await server.query('UPDATE devices SET package_key = NULL WHERE id = $1', [enrolled.packages!.enrolmentId]);
      await expect(exportPackage(local, mutator, null)).rejects.toThrow(/还没有报送包密钥/);

      expect(await syncEngineFor(local, mutator).syncNow()).toBe(true);
      const config = (await getValue<SyncConfig>(local, KEYS.config))!;
      const [row] = await server.query<{ package_key: string }>('SELECT package_key FROM devices WHERE id = $1', [
        enrolled.packages!.enrolmentId,
      ]);
      expect(config.packages).toEqual({ enrolmentId: enrolled.packages!.enrolmentId, packageKey: row!.package_key });
      expect(config.token).toBe(enrolled.token);

      await mutator.update('members', demo.members[3]!.id, { note: '有了密钥' });
      const pkg = await exportPackage(local, mutator, null);
      const { report, reply } = await importPackage(server, clock, pkg.bytes);
      expect(report.applied).toBe(1);
      await importReply(local, mutator, reply);
      expect(await pendingCount(local)).toBe(0);
    });
  });
});

describe.each(backends())('migration 13 on $name', (backend) => {
  it('migration 13 gives every device that has none a key of its own, and leaves revoked devices and existing keys alone', async () => {
    const old = await backend.fresh();
    try {
      await migrate(old, 12);
      await old.query("INSERT INTO unions (id, code, name) VALUES ('u1', 'MIG1', '迁移工会')");
      for (const [id, revoked, key] of [
        ['d1', false, null],
        ['d2', false, null],
        ['d3', true, null],
        ['d4', false, 'KEPT'],
      ] as const) {
        await old.query(
          `INSERT INTO devices (id, union_id, device_id, name, token_hash, package_key, revoked_at) VALUES ($1, 'u1', $1, '', $1, $2, ${revoked ? 'now()' : 'NULL'})`,
          [id, key],
        );
      }
      expect(await migrate(old)).toBe(MIGRATIONS.length - 12);
      const rows = await old.query<{ id: string; package_key: string | null }>('SELECT id, package_key FROM devices ORDER BY id');
      const keys = Object.fromEntries(rows.map((r) => [r.id, r.package_key]));
      expect(fromBase64(keys.d1!).length).toBe(32);
      expect(fromBase64(keys.d2!).length).toBe(32);
      expect(keys.d1).not.toBe(keys.d2);
      expect(keys.d3).toBeNull();
      expect(keys.d4).toBe('KEPT');
    } finally {
      await old.close();
      await backend.dispose();
    }
  });
});
