import 'fake-indexeddb/auto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/sync/db';
import { publishNotice } from '../../../server/sync/store/notices';
import { getOrg, ROOT_ORG_ID } from '../../../server/sync/store/orgs';
import { createUnion } from '../../../server/sync/store/unions';
import { UnionBooksDB } from '../../../renderer/src/db/database';
import { openMutator } from '../../../renderer/src/db/mutations';
import { syncEngineFor } from '../../../renderer/src/features/sync/engine';
import { enrolDevice } from '../../../renderer/src/features/sync/mutations';
import { markNoticeRead } from '../../../renderer/src/features/sync/notices';
import { getValue, KEYS } from '../../../renderer/src/features/sync/state';
import { applyNoticeChanges, noticeChanges } from '../../../shared/sync/notice-changes';
import { NOTICES_PER_ANSWER, PROTOCOL_VERSION, type Notice, type SyncResponse } from '../../../shared/sync/protocol';
import { syncResponseSchema } from '../../../shared/sync/schemas';
import { backends } from './backends';
import { post, startServer } from './harness';

const MANY = 2 * NOTICES_PER_ANSWER + 5;

const notice = (n: number): Notice => ({
  id: `n${String(n).padStart(3, '0')}`,
  title: `通知 ${n}`,
  body: '正文',
  from: '市总工会',
  publishedAt: `2026-01-01T00:00:${String(n).padStart(2, '0')}.000Z`,
  attachment: null,
});

describe('notice changes (shared)', () => {
  const all = Array.from({ length: 30 }, (_, i) => notice(i));

  it('gives the newest lacking notices first, a bounded number, and the held ids that no longer reach', () => {
    const changes = noticeChanges(all, ['n029', 'n001', 'gone-1'], 10);
    expect(changes.added.map((n) => n.id)).toEqual(['n028', 'n027', 'n026', 'n025', 'n024', 'n023', 'n022', 'n021', 'n020', 'n019']);
    expect(changes.gone).toEqual(['gone-1']);
    expect(changes.more).toBe(true);
    expect(
      noticeChanges(
        all,
        all.map((n) => n.id),
      ),
    ).toEqual({ added: [], gone: [], more: false });
  });

  it('applied page by page, ends with the same list the whole answer gives', () => {
    let held: Notice[] = [notice(99)];
    for (let round = 0; round < 10; round++) {
      const changes = noticeChanges(
        all,
        held.map((n) => n.id),
        7,
      );
      held = applyNoticeChanges(held, changes);
      if (!changes.more) break;
    }
    expect(held).toEqual(all);
  });
});

describe.each(backends())('notices in sync answers on $name', (backend) => {
  let db: Database;
  let app: FastifyInstance;
  let url = '';
  let token = '';
  let published: string[] = [];
  const publish = async (title: string) => {
    const sent = await publishNotice(db, { fromOrgId: ROOT_ORG_ID, to: await getOrg(db, ROOT_ORG_ID), title, body: `${title}的正文` });
    published.push(sent.id);
    return sent;
  };
  const round = async (extra: Record<string, unknown>) => {
    const res = await post(app, '/api/v1/sync', { v: PROTOCOL_VERSION, changes: [], cursor: 0, ...extra }, token);
    expect(res.status).toBe(200);
    return syncResponseSchema.parse(res.body) as SyncResponse;
  };

  beforeAll(async () => {
    db = await backend.fresh();
    app = await startServer(db);
    url = await app.listen({ host: '127.0.0.1', port: 0 });
    const { enrolmentCode } = await createUnion(db, 'TZ01', '通知测试工会');
    const enrol = await post(app, '/api/v1/enrol', {
      v: PROTOCOL_VERSION,
      unionCode: 'TZ01',
      enrolmentCode,
      deviceId: 'pc-tz01',
      deviceName: '办公室电脑',
    });
    token = String(enrol.body.token);
    published = [];
    // A second apart, so that the order by publication time is the order of this list.
    for (let i = 1; i <= MANY; i++) {
      const sent = await publish(`第 ${i} 号通知`);
      await db.query('UPDATE published SET published_at = $2 WHERE id = $1', [
        sent.id,
        new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
      ]);
    }
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await backend.dispose();
  });

  it('an app that lists nothing gets every notice, as before', async () => {
    const res = await round({});
    expect(res.notices?.map((n) => n.id)).toEqual(published);
    expect(res.noticeChanges).toBeUndefined();
  });

  it('an app that lists what it holds gets a bounded page of what it lacks, newest first, and no notices on a push-only round', async () => {
    const first = await round({ notices: [] });
    expect(first.notices).toBeUndefined();
    expect(first.noticeChanges!.added.map((n) => n.id)).toEqual([...published].reverse().slice(0, NOTICES_PER_ANSWER));
    expect(first.noticeChanges!.more).toBe(true);

    const held = published.slice(0, -1);
    const caughtUp = await round({ notices: [...held, 'no-longer-sent'] });
    expect(caughtUp.noticeChanges).toEqual({
      added: [expect.objectContaining({ id: published.at(-1) })],
      gone: ['no-longer-sent'],
      more: false,
    });

    const pushOnly = await round({ notices: [], pullLimit: 0 });
    expect(pushOnly.notices).toBeUndefined();
    expect(pushOnly.noticeChanges).toBeUndefined();
  });

  it('refuses a notice list that is not one, naming it', async () => {
    const res = await post(app, '/api/v1/sync', { v: PROTOCOL_VERSION, changes: [], cursor: 0, notices: 'n001' }, token);
    expect(res.status).toBe(400);
    expect(String(res.body.error)).toContain('notices');
  });

  it('the app’s engine fetches them all in bounded answers, then only a new one, and keeps what was read', async () => {
    const local = new UnionBooksDB(`notices-${backend.name}`);
    const mutator = await openMutator(local);
    const { enrolmentCode } = await createUnion(db, 'TZ02', '通知测试二工会');
    await enrolDevice(local, mutator, { serverUrl: url, unionCode: 'TZ02', enrolmentCode });
    const engine = syncEngineFor(local, mutator);

    const realFetch = globalThis.fetch;
    let perAnswer: number[] = [];
    globalThis.fetch = async (input, init) => {
      const res = await realFetch(input, init);
      if (String(input).endsWith('/api/v1/sync')) {
        const body = (await res.clone().json()) as SyncResponse;
        perAnswer.push((body.notices?.length ?? 0) + (body.noticeChanges?.added.length ?? 0));
      }
      return res;
    };
    const held = async () => ((await getValue<Notice[]>(local, KEYS.notices)) ?? []).map((n) => n.id);
    try {
      expect(await engine.syncNow()).toBe(true);
      expect(await held()).toEqual(published);
      expect(Math.max(...perAnswer)).toBe(NOTICES_PER_ANSWER);
      expect(perAnswer.reduce((a, b) => a + b, 0)).toBe(MANY);

      await markNoticeRead(local, published[3]!);
      const fresh = await publish('关于年终慰问的通知');
      perAnswer = [];
      expect(await engine.syncNow()).toBe(true);
      expect(await held()).toEqual(published);
      expect(perAnswer).toEqual([1]);
      const stored = (await getValue<Notice[]>(local, KEYS.notices))!;
      expect(stored.at(-1)).toMatchObject({ id: fresh.id, title: '关于年终慰问的通知', body: '关于年终慰问的通知的正文' });
      expect(await getValue<string[]>(local, KEYS.noticesRead)).toEqual([published[3]]);

      perAnswer = [];
      expect(await engine.syncNow()).toBe(true);
      expect(perAnswer).toEqual([0]);

      // A server older than notice changes ignores the list and answers with every notice: the app keeps that list.
      const newest = await publish('旧版服务器时期的通知');
      globalThis.fetch = async (input, init) => {
        if (!String(input).endsWith('/api/v1/sync') || typeof init?.body !== 'string') return realFetch(input, init);
        const { notices: _ignored, ...older } = JSON.parse(init.body) as Record<string, unknown>;
        return realFetch(input, { ...init, body: JSON.stringify(older) });
      };
      expect(await engine.syncNow()).toBe(true);
      expect(await held()).toEqual(published);
      expect(published.at(-1)).toBe(newest.id);
      expect(await getValue<string[]>(local, KEYS.noticesRead)).toEqual([published[3]]);
    } finally {
      globalThis.fetch = realFetch;
      local.close();
    }
  });
});
