import type { FastifyInstance } from 'fastify';
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/sync/db';
import { issueCode } from '../../../server/sync/store/unions';
import { LIMITS, type RemoteRow, type SyncResponse, type WireChange } from '../../../shared/sync/protocol';
import { UnionBooksDB } from '../../../renderer/src/db/database';
import { openMutator } from '../../../renderer/src/db/mutations';
import { syncEngineFor } from '../../../renderer/src/features/sync/engine';
import { enrolDevice } from '../../../renderer/src/features/sync/mutations';
import { backends } from './backends';
import { post, serverPerSuite, listeningServer, unionWithDevices, type TestDevice } from './harness';

const MB = 1024 * 1024;

/** Bytes that differ per attachment, so a mixed-up row would show. */
function bytesOf(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = (i * 31 + seed * 7) & 0xff;
  return out;
}

/** An attachment as the app pushes it: the bytes as `{ $bytes: base64 }` (shared/sync/wire.ts). */
function attachment(device: TestDevice, id: string, size: number, seed: number): WireChange {
  const hlc = device.clock.now();
  return {
    changeId: `${device.deviceId}:${id}`,
    table: 'attachments',
    rowId: id,
    hlc,
    fields: {
      id,
      name: `${id}.jpg`,
      mimeType: 'image/jpeg',
      size,
      data: { $bytes: Buffer.from(bytesOf(size, seed)).toString('base64') },
      caption: '',
      deleted: 0,
    },
  };
}

const rowText = (r: RemoteRow) => JSON.stringify(r.data).length + JSON.stringify(r.clocks).length;

/**
 * Three photos of 2.25 MiB (3 MiB of base64 each), then a scan larger than a whole page, then a
 * small row: together more text than the 8 MiB a page may hold, all of which a 2,000-row page
 * used to carry at once.
 */
const PHOTO = 2.25 * MB;
const SCAN = 7 * MB;

async function pushLargeRows(app: Parameters<typeof post>[0], device: TestDevice, withScan = true): Promise<void> {
  const first = ['p1', 'p2', 'p3'].map((id, i) => attachment(device, id, PHOTO, i));
  const second = [attachment(device, 'scan', SCAN, 9), attachment(device, 'small', 1000, 4)];
  for (const changes of withScan ? [first, second] : [first]) {
    const res = await post(app, '/api/v1/sync', { v: 1, changes, cursor: 0, pullLimit: 0 }, device.token);
    expect(res.status, String(res.body.error)).toBe(200);
  }
}

describe.each(backends())('pull pages bounded in bytes on $name', (backend) => {
  const s = serverPerSuite(backend);
  let pusher: TestDevice;
  let reader: TestDevice;
  beforeAll(async () => {
    [pusher, reader] = (await unionWithDevices(s.app, s.db, 'PHOTOS', 2)).devices as [TestDevice, TestDevice];
    await pushLargeRows(s.app, pusher);
  });

  it('gives a first pull pages of at most 8 MiB of rows, a larger row alone, and every row once', async () => {
    const pages: string[][] = [];
    let cursor = 0;
    for (let more = true; more;) {
      const res = await post(s.app, '/api/v1/sync', { v: 1, changes: [], cursor, pullLimit: LIMITS.maxPullLimit }, reader.token);
      expect(res.status).toBe(200);
      const page = res.body as unknown as SyncResponse;
      const text = page.rows.reduce((n, r) => n + rowText(r), 0);
      if (page.rows.length > 1) expect(text).toBeLessThanOrEqual(8 * MB);
      pages.push(page.rows.map((r) => r.rowId));
      cursor = page.cursor;
      more = page.more;
    }
    expect(pages).toEqual([['p1', 'p2'], ['p3'], ['scan'], ['small']]);
  });
});

/** The app's own sync client follows `more` until the union's book is complete. */
describe('the app’s first pull of a union with large attachments', () => {
  let db: Database;
  let app: FastifyInstance;
  let url = '';
  beforeAll(async () => {
    ({ db: db, app, url } = await listeningServer());
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('brings every attachment, byte for byte', async () => {
    const { unionId, devices } = await unionWithDevices(app, db, 'BIGPULL', 1);
    // 9 MiB of photos: more than one page holds.
    await pushLargeRows(app, devices[0]!, false);
    const local = new UnionBooksDB('big-pull');
    const mutator = await openMutator(local);
    await enrolDevice(local, mutator, { serverUrl: url, unionCode: 'BIGPULL', enrolmentCode: await issueCode(db, unionId) });
    expect(await syncEngineFor(local, mutator).syncNow()).toBe(true);
    const stored = await local.attachments.orderBy('id').toArray();
    expect(stored.map((a) => [a.id, a.data.length])).toEqual([
      ['p1', PHOTO],
      ['p2', PHOTO],
      ['p3', PHOTO],
    ]);
    expect(stored.find((a) => a.id === 'p2')!.data).toEqual(bytesOf(PHOTO, 1));
    // Megabytes of base64 through a real server and fake IndexedDB: a generous limit, so a loaded
    // machine does not fail a test that only guards against a hang.
  }, 240_000);
});
