import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../server/sync/migrations';
import { backends } from './backends';
import { startServer } from './harness';

describe.each(backends())('GET /api/health on $name', (backend) => {
  afterAll(() => backend.dispose());

  it('says the database is reachable and at this version’s migration level, and 503 when either fails', async () => {
    const db = await backend.fresh();
    const app = await startServer(db);
    try {
      const up = await app.inject({ method: 'GET', url: '/api/health' });
      expect(up.statusCode).toBe(200);
      expect(up.json()).toEqual({
        ok: true,
        backend: db.kind,
        database: true,
        migrations: { applied: MIGRATIONS.length, expected: MIGRATIONS.length },
      });

      // A database behind this server's code: reachable, but not what the server needs.
      await db.query('DELETE FROM schema_migrations WHERE version = $1', [MIGRATIONS.length]);
      const behind = await app.inject({ method: 'GET', url: '/api/health' });
      expect(behind.statusCode).toBe(503);
      expect(behind.json()).toMatchObject({
        ok: false,
        database: true,
        code: 'migration',
        migrations: { applied: MIGRATIONS.length - 1, expected: MIGRATIONS.length },
        error: `数据库结构为第 ${MIGRATIONS.length - 1} 版，本服务器需要第 ${MIGRATIONS.length} 版`,
      });

      await db.close();
      const down = await app.inject({ method: 'GET', url: '/api/health' });
      expect(down.statusCode).toBe(503);
      expect(down.json()).toMatchObject({ ok: false, database: false, code: 'database', error: '数据库无响应' });
    } finally {
      await app.close();
    }
  });
});
