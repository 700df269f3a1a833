import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../shared/sync/protocol';
import { backends } from './backends';
import { countWrites, MEMBER, post, unionWithDevices, type TestDevice, serverPerSuite } from './harness';

describe.each(backends())('payloads the server refuses on $name', (backend) => {
  const s = serverPerSuite(backend);
  let device: TestDevice;
  beforeAll(async () => {
    device = (await unionWithDevices(s.app, s.db, 'VAL', 1)).devices[0]!;
  });

  async function expectRefused(payload: unknown, status: number, message: RegExp, url = '/api/v1/sync', raw = false) {
    const before = await countWrites(s.db);
    const res = await s.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
      payload: raw ? (payload as string) : JSON.stringify(payload),
    });
    expect(res.statusCode).toBe(status);
    expect(res.json().error).toMatch(message);
    expect(res.json().error).toMatch(/[\u4e00-\u9fff]/);
    expect(await countWrites(s.db)).toEqual(before);
  }

  function goodChange() {
    const d = device;
    const m = d.insert('members', MEMBER);
    d.outbox.pop();
    return {
      changeId: `${d.deviceId}:${m.updatedAt}`,
      table: 'members',
      rowId: m.id,
      hlc: m.updatedAt,
      fields: { id: m.id, name: m.name },
    };
  }

  it('malformed JSON', () => expectRefused('{"v":1,"changes":[', 400, /JSON/, '/api/v1/sync', true));

  it('a wrong or missing protocol version, before anything else is looked at', async () => {
    await expectRefused({ v: 2, changes: [goodChange()], cursor: 0 }, 400, /协议版本不一致/);
    await expectRefused({ changes: [goodChange()], cursor: 0 }, 400, /缺少协议版本号/);
  });

  it('a batch with one bad change is refused whole', async () => {
    const bad = { ...goodChange(), table: 'secrets' };
    await expectRefused({ v: 1, changes: [goodChange(), bad], cursor: 0 }, 400, /changes\.1\.table/);
    await expectRefused({ v: 1, changes: [{ ...goodChange(), hlc: 'yesterday' }], cursor: 0 }, 400, /时钟值格式不正确/);
    await expectRefused({ v: 1, changes: [{ ...goodChange(), fields: { __proto__x: 1 } }], cursor: 0 }, 400, /字段名不合法/);
    await expectRefused({ v: 1, changes: [{ ...goodChange(), fields: { updatedAt: 'x' } }], cursor: 0 }, 400, /updatedAt/);
    await expectRefused({ v: 1, changes: [{ ...goodChange(), fields: { id: 'another-row' } }], cursor: 0 }, 400, /id 与记录编号不一致/);
    await expectRefused({ v: 1, changes: [{ ...goodChange(), fields: { deleted: 7 } }], cursor: 0 }, 400, /deleted/);
    await expectRefused({ v: 1, changes: 'all', cursor: 0 }, 400, /changes/);
  });

  it('a clock far in the future', async () => {
    const future = `${String(Date.now() + 3 * 86_400_000).padStart(15, '0')}-000000-evil`;
    await expectRefused({ v: 1, changes: [{ ...goodChange(), hlc: future }], cursor: 0 }, 400, /时钟超前/);
  });

  it('an oversized body', async () => {
    const huge = 'x'.repeat(17 * 1024 * 1024);
    await expectRefused({ v: 1, changes: [{ ...goodChange(), fields: { note: huge } }], cursor: 0 }, 413, /过大/);
  });

  it('too many changes in one batch', async () => {
    const changes = Array.from({ length: LIMITS.maxChangesPerPush + 1 }, () => goodChange());
    await expectRefused({ v: 1, changes, cursor: 0 }, 400, new RegExp(`最多推送 ${LIMITS.maxChangesPerPush}`));
  });

  it('a malformed submission or enrolment', async () => {
    await expectRefused({ v: 1, year: 1800, recordId: 'r', facts: {}, documents: [] }, 400, /年度不合法/, '/api/v1/submissions');
    await expectRefused(
      { v: 1, year: 2025, recordId: 'r', facts: {}, documents: [{ name: 'a.docx', mimeType: 'x', base64: '%%%' }] },
      400,
      /base64/,
      '/api/v1/submissions',
    );
    await expectRefused({ v: 1, unionCode: '', enrolmentCode: 'ABCDE', deviceId: 'd' }, 400, /工会代码/, '/api/v1/enrol');
  });

  it('accepts the good change afterwards, so the refusals were not just a broken route', async () => {
    const res = await post(s.app, '/api/v1/sync', { v: 1, changes: [goodChange()], cursor: 0 }, device.token);
    expect(res.status).toBe(200);
    expect((await countWrites(s.db)).rows).toBe(1);
    // The device was caught up, so it gets no echo of its own row, only the cursor past it.
    expect(res.body).toMatchObject({ rows: [], cursor: 1 });
  });
});
