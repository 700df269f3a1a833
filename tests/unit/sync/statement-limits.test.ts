import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../../server/sync/app';
import type { Database } from '../../../server/sync/db';
import { isTimeout, TimeoutError } from '../../../server/sync/db-errors';
import { backends } from './backends';
import { MEMBER, post, startServer, unionWithDevices } from './harness';

describe.each(backends())('a statement that runs past its time limit on $name', (backend) => {
  it('is answered with a timeout, and its transaction is rolled back so the next one proceeds', async () => {
    const db = await backend.fresh({ statementTimeoutMs: 300 });
    try {
      await db.exec('CREATE TABLE t (id int PRIMARY KEY)');
      const slow = db.tx(async (q) => {
        await q.query('INSERT INTO t VALUES (1)');
        await q.query('SELECT pg_sleep(1)');
      });
      await expect(slow).rejects.toSatisfy(isTimeout);
      // PGlite's thread finishes the sleep first, then rolls back: the lock is free again.
      await db.tx(async (q) => q.query('INSERT INTO t VALUES (2)'), { statementTimeoutMs: 10_000 });
      expect(await db.query('SELECT id FROM t ORDER BY id')).toEqual([{ id: 2 }]);
      // Migrations may take as long as they need.
      await expect(db.tx((q) => q.query('SELECT pg_sleep(0.5)'), { statementTimeoutMs: 0 })).resolves.toBeDefined();
    } finally {
      await db.close();
      await backend.dispose();
    }
  });
});

describe.each(backends())('health and a busy database on $name', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.fresh();
  });
  afterAll(() => backend.dispose());

  it('answers 503 “busy” when a statement times out, and the next request is served', async () => {
    let stall = false;
    const flaky: Database = {
      ...db,
      query: (text, params) => (stall && /INSERT INTO rows/.test(text) ? Promise.reject(new TimeoutError(300)) : db.query(text, params)),
    };
    const app = await buildServer({ db: flaky, authRateLimit: 1000 });
    try {
      const device = (await unionWithDevices(app, db, 'BUSY', 1)).devices[0]!;
      device.insert('members', MEMBER);
      stall = true;
      const change = device.pending();
      const busy = await post(app, '/api/v1/sync', { v: 1, changes: change, cursor: 0 }, device.token);
      expect(busy.status).toBe(503);
      expect(busy.body.error).toBe('服务器繁忙，请稍后再试');
      stall = false;
      expect((await post(app, '/api/v1/sync', { v: 1, changes: change, cursor: 0 }, device.token)).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('answers /api/health from a real query, and 503 once the database is gone', async () => {
    const app = await startServer(db);
    try {
      const up = await app.inject({ method: 'GET', url: '/api/health' });
      expect(up.statusCode).toBe(200);
      expect(up.json()).toMatchObject({ ok: true, backend: db.kind });
      await db.close();
      const down = await app.inject({ method: 'GET', url: '/api/health' });
      expect(down.statusCode).toBe(503);
      expect(down.json()).toMatchObject({ ok: false, error: '数据库无响应' });
    } finally {
      await app.close();
    }
  });
});
