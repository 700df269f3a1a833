import { describe, expect, it } from 'vitest';
import { backends } from './backends';
import { MEMBER, unionWithDevices, serverPerSuite } from './harness';

describe.each(backends())('two devices of one union on $name', (backend) => {
  const s = serverPerSuite(backend);

  it('see each other’s rows and converge after concurrent edits of different fields', async () => {
    const { devices } = await unionWithDevices(s.app, s.db, 'U1', 2);
    const [a, b] = devices as [NonNullable<(typeof devices)[0]>, NonNullable<(typeof devices)[0]>];
    const member = a.insert('members', MEMBER);
    await a.sync(s.app);
    await b.sync(s.app);
    expect(b.get('members', member.id)?.name).toBe('张三');

    a.update('members', member.id, { phone: '13800000000' });
    b.update('members', member.id, { department: '二车间' });
    await a.sync(s.app);
    await b.sync(s.app);
    await a.sync(s.app);

    for (const d of [a, b]) {
      expect(d.get('members', member.id)).toMatchObject({ name: '张三', phone: '13800000000', department: '二车间' });
    }
    expect(a.get('members', member.id)?.updatedAt).toBe(b.get('members', member.id)?.updatedAt);
  });

  it('converge on the later write when both edit the same field, whichever pushes first', async () => {
    const { devices } = await unionWithDevices(s.app, s.db, 'U2', 2);
    const [a, b] = devices as [NonNullable<(typeof devices)[0]>, NonNullable<(typeof devices)[0]>];
    const member = a.insert('members', MEMBER);
    await a.sync(s.app);
    await b.sync(s.app);

    a.update('members', member.id, { name: '张叁' });
    b.update('members', member.id, { name: '张珊' }); // b's clock is later: it received a's stamps first
    // The later write is pushed first; the earlier one arriving afterwards must not win.
    await b.sync(s.app);
    await a.sync(s.app);
    await b.sync(s.app);
    expect(a.get('members', member.id)?.name).toBe('张珊');
    expect(b.get('members', member.id)?.name).toBe('张珊');
  });

  it('carry tombstones: a delete on one device reaches the other', async () => {
    const { devices } = await unionWithDevices(s.app, s.db, 'U3', 2);
    const [a, b] = devices as [NonNullable<(typeof devices)[0]>, NonNullable<(typeof devices)[0]>];
    const member = a.insert('members', MEMBER);
    await a.sync(s.app);
    await b.sync(s.app);
    b.update('members', member.id, { deleted: 1 });
    await b.sync(s.app);
    await a.sync(s.app);
    expect(a.get('members', member.id)?.deleted).toBe(1);
  });

  it('keep a local edit made between push and pull instead of overwriting it with the server copy', async () => {
    const { devices } = await unionWithDevices(s.app, s.db, 'U4', 2);
    const [a, b] = devices as [NonNullable<(typeof devices)[0]>, NonNullable<(typeof devices)[0]>];
    const member = a.insert('members', MEMBER);
    await a.sync(s.app);
    await b.sync(s.app);
    b.update('members', member.id, { phone: '1' });
    await b.sync(s.app);
    a.update('members', member.id, { note: '本地未推送' });
    // Pull only (no push): the pulled row must not erase a's pending note.
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/v1/sync',
      payload: { v: 1, changes: [], cursor: a.cursor },
      headers: { authorization: `Bearer ${a.token}` },
    });
    a.apply(res.json());
    expect(a.get('members', member.id)).toMatchObject({ phone: '1', note: '本地未推送' });
    await a.sync(s.app);
    await b.sync(s.app);
    expect(b.get('members', member.id)).toMatchObject({ phone: '1', note: '本地未推送' });
  });
});
