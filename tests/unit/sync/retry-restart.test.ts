import { describe, expect, it } from 'vitest';
import { backends } from './backends';
import { countWrites, MEMBER, post, startServer, unionWithDevices, serverPerSuite, type TestDevice } from './harness';

describe.each(backends())('pushes that fail half-way on $name', (backend) => {
  const s = serverPerSuite(backend);

  it('apply a batch retried after a dropped connection exactly once', async () => {
    const { devices } = await unionWithDevices(s.app, s.db, 'RETRY', 1);
    const device = devices[0]!;
    const member = device.insert('members', MEMBER);
    device.update('members', member.id, { phone: '1' });
    const batch = { v: 1, changes: device.pending(), cursor: 0 };
    const first = await post(s.app, '/api/v1/sync', batch, device.token);
    expect(first.status).toBe(200);
    const before = await countWrites(s.db);
    // The answer was lost on the way back: the device sends the same batch again.
    const retry = await post(s.app, '/api/v1/sync', batch, device.token);
    expect(retry.status).toBe(200);
    expect(retry.body.acked).toEqual(first.body.acked);
    expect(await countWrites(s.db)).toEqual(before);
    // Nothing new: the row was not re-stamped, so its sequence number is unchanged.
    expect(retry.body.cursor).toBe(first.body.cursor);
  });

  it('leave a later write in place when an old batch arrives again', async () => {
    const { devices } = await unionWithDevices(s.app, s.db, 'LATE', 2);
    const [a, b] = devices as [TestDevice, TestDevice];
    const member = a.insert('members', MEMBER);
    const batch = { v: 1, changes: a.pending(), cursor: 0 };
    expect((await post(s.app, '/api/v1/sync', batch, a.token)).status).toBe(200);
    await b.sync(s.app);
    b.update('members', member.id, { name: '李四' });
    await b.sync(s.app);
    const before = await countWrites(s.db);
    // A's first answer was lost; by the time it resends, B has renamed the member.
    const retry = await post(s.app, '/api/v1/sync', batch, a.token);
    expect(retry.status).toBe(200);
    expect(await countWrites(s.db)).toEqual(before);
    const rows = retry.body.rows as { rowId: string; data: { name: string } }[];
    expect(rows.find((r) => r.rowId === member.id)?.data.name).toBe('李四');
    const stored = await s.db.query<{ name: string }>("SELECT data->>'name' AS name FROM rows WHERE row_id = $1", [member.id]);
    expect(stored).toEqual([{ name: '李四' }]);
  });

  it('lose nothing when the server restarts in the middle of a push', async () => {
    const { devices } = await unionWithDevices(s.app, s.db, 'RESTART', 1);
    const device = devices[0]!;
    for (let i = 0; i < 5; i++) device.insert('members', { ...MEMBER, name: `甲${i}` });
    await device.sync(s.app);
    for (let i = 0; i < 200; i++) device.insert('members', { ...MEMBER, name: `乙${i}` });
    const inFlight = post(s.app, '/api/v1/sync', { v: 1, changes: device.pending(), cursor: device.cursor }, device.token).catch(
      (e: unknown) => e,
    );
    // Stop the server and its database while the batch is being handled.
    await new Promise((r) => setTimeout(r, 5));
    await s.app.close();
    await s.db.close();
    await inFlight;

    s.db = await backend.reopen();
    s.app = await startServer(s.db);
    // The device never saw an acknowledgement, so it sends the batch again.
    await device.sync(s.app);
    const names = await s.db.query<{ name: string }>(
      "SELECT r.data->>'name' AS name FROM rows r JOIN unions u ON u.key = r.union_key WHERE u.code = 'RESTART' AND r.tbl = 'members'",
    );
    expect(names).toHaveLength(205);
    expect(new Set(names.map((n) => n.name)).size).toBe(205);
    expect(device.pending()).toHaveLength(0);
  });
});
