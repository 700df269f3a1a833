import 'fake-indexeddb/auto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, type SyncRequest } from '../../../shared/sync/protocol';
import type { Database } from '../../../server/sync/db';
import { createUnion, issueCode } from '../../../server/sync/store/unions';
import { UnionBooksDB } from '../../../renderer/src/db/database';
import { openMutator, type Mutator } from '../../../renderer/src/db/mutations';
import { syncEngineFor } from '../../../renderer/src/features/sync/engine';
import { enrolDevice } from '../../../renderer/src/features/sync/mutations';
import { pendingCount, refusedRecords } from '../../../renderer/src/features/sync/queries';
import { MEMBER, listeningServer } from './harness';

const MB = 1024 * 1024;

/** Bytes that do not compress, so the body sizes below are what a scan costs. */
function scan(bytes: number, seed: number): Uint8Array {
  const out = new Uint8Array(bytes);
  let x = seed || 1;
  for (let i = 0; i < bytes; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** Attachments travel in batches of their own, bounded by bytes, against the real server and its real body limit. */
describe('attachments on the way up', () => {
  let server: Database;
  let app: FastifyInstance;
  let url = '';
  let unionId = '';
  let n = 0;
  /** Every push the client made: its body size and the tables in it. */
  let pushes: { bytes: number; tables: string[]; status: number }[] = [];
  const realFetch = globalThis.fetch;

  beforeAll(async () => {
    ({ db: server, app, url } = await listeningServer());
    unionId = (await createUnion(server, 'ATT1', '附件测试工会')).union.id;
    globalThis.fetch = async (input, init) => {
      const res = await realFetch(input, init);
      // A push goes as a Blob of JSON (features/sync/request-body.ts), a pull as text.
      if (String(input).endsWith('/api/v1/sync') && init?.body) {
        const text = await new Response(init.body).text();
        const body = JSON.parse(text) as SyncRequest;
        if (body.changes.length)
          pushes.push({ bytes: Buffer.byteLength(text), tables: [...new Set(body.changes.map((c) => c.table))], status: res.status });
      }
      return res;
    };
  });
  afterAll(async () => {
    globalThis.fetch = realFetch;
    await app.close();
    await server.close();
  });

  async function client(): Promise<{ db: UnionBooksDB; mutator: Mutator; sync: () => Promise<boolean> }> {
    const db = new UnionBooksDB(`attachments-${++n}`);
    const mutator = await openMutator(db);
    await enrolDevice(db, mutator, { serverUrl: url, unionCode: 'ATT1', enrolmentCode: await issueCode(server, unionId) });
    const sync = () => syncEngineFor(db, mutator).syncNow();
    expect(await sync()).toBe(true);
    pushes = [];
    return { db, mutator, sync };
  }

  const attachment = (name: string, data: Uint8Array) => ({ name, mimeType: 'image/jpeg', size: data.length, data, caption: '' });

  it('sends scans apart from records, several to a push where they fit, every push within the body limit', async () => {
    const c = await client();
    for (let i = 0; i < 4; i++) {
      await c.mutator.insert('attachments', attachment(`票据${i}.jpg`, scan(2.5 * MB, i + 1)));
      await c.mutator.insert('members', { ...MEMBER, name: `附件后${i}` });
    }
    expect(await c.sync()).toBe(true);
    expect(await pendingCount(c.db)).toBe(0);
    expect(pushes.every((p) => p.status === 200 && p.bytes <= LIMITS.syncBodyBytes)).toBe(true);
    expect(pushes.every((p) => p.tables.length === 1)).toBe(true);
    const withFiles = pushes.filter((p) => p.tables[0] === 'attachments');
    expect(withFiles.length).toBeGreaterThan(1);
    expect(withFiles.length).toBeLessThan(4);
  });

  it('sets aside a scan too large for any push (413) and sends everything else', async () => {
    const c = await client();
    // Written by an older version, before attachments were limited at the point of entry.
    const huge = await c.mutator.insert('attachments', attachment('超大扫描件.jpg', new Uint8Array(1)));
    const hugeData = scan(13 * MB, 7);
    await c.db.attachments.update(huge.id, { data: hugeData, size: hugeData.length });
    await c.db.$changes
      .where('synced')
      .equals(0)
      .filter((e) => e.rowId === huge.id)
      .modify((e) => void Object.assign(e.fields, { data: hugeData, size: hugeData.length }));
    const small = await c.mutator.insert('attachments', attachment('小票.jpg', scan(300 * 1024, 8)));
    const later = await c.mutator.insert('members', { ...MEMBER, name: '大附件之后' });
    expect(await c.sync()).toBe(true);

    expect(pushes.some((p) => p.status === 413)).toBe(true);
    const listed = await refusedRecords(c.db);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ table: 'attachments', rowId: huge.id, title: '超大扫描件.jpg', field: '文件内容' });
    expect(listed[0]!.reason).toMatch(/^内容约 17(\.\d)? MB，超过服务器一次能接收的大小$/);
    expect(await pendingCount(c.db)).toBe(0);

    const reader = await client();
    expect(await reader.db.attachments.get(small.id)).toMatchObject({ name: '小票.jpg', size: 300 * 1024 });
    expect(await reader.db.members.get(later.id)).toMatchObject({ name: '大附件之后' });
    expect(await reader.db.attachments.get(huge.id)).toBeUndefined();
  });
});
