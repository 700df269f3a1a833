import { describe, expect, it } from 'vitest';
import { HybridLogicalClock } from '../../../shared/clock/hlc';
import { PackageError } from '../../../shared/sync/package/package-error';
import { readReplyPackage } from '../../../shared/sync/package/reply-package';
import { importPackage } from '../../../server/sync/store/packages';
import { currentSubmissions } from '../../../server/sync/store/submissions';
import { backends } from './backends';
import { ADMIN_PASSWORD, countWrites, MEMBER, post, serverPerSuite } from './harness';
import { createAdmin, createOrg, ROOT_ORG_ID } from '../../../server/sync/store/orgs';
import { offlineUnion } from './package-helpers';

const clock = new HybridLogicalClock('servertest');

async function refusal(run: () => Promise<unknown>): Promise<PackageError> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PackageError);
  return error as PackageError;
}

describe.each(backends())('offline packages on $name', (backend) => {
  const s = serverPerSuite(backend);

  it('apply as a sync would, and a second import of the same package changes nothing', async () => {
    const { device } = await offlineUnion(s.db, 'P1');
    const a = device.insert('members', MEMBER);
    device.insert('members', { ...MEMBER, name: '李四' });
    device.update('members', a.id, { phone: '13800000000' });
    const pkg = await device.exportPackage();

    const first = await importPackage(s.db, clock, pkg);
    expect(first.report).toMatchObject({ unionCode: 'P1', seq: 1, applied: 3, duplicates: 0 });
    const before = await countWrites(s.db);
    const again = await importPackage(s.db, clock, pkg);
    expect(again.report).toMatchObject({ applied: 0, duplicates: 3 });
    expect(await countWrites(s.db)).toEqual(before);

    // The device's own rows are not carried back (its cursor moves over the range its package wrote),
    // only the one where a pushed field lost: the insert's phone, to the update in the same package.
    const answered = await readReplyPackage(first.reply, device.credentials, 0);
    expect(answered.body.rows.map((r) => r.rowId)).toEqual([a.id]);
    expect(answered.body.cursor).toBe(2);
    await device.importReply(first.reply);
    expect(device.pending()).toEqual([]);
    expect(device.get('members', a.id)).toMatchObject({ name: '张三', phone: '13800000000' });
    // The reply of the second import is the same answer again: applying it changes nothing.
    const members = () =>
      [...device.rows.values()].map((r) => ({ id: r.id, name: r.name, phone: r.phone, deleted: r.deleted, updatedAt: r.updatedAt }));
    const held = members();
    await device.importReply(again.reply);
    expect(members()).toEqual(held);
  });

  it('refuse an older package after a newer one, with nothing written', async () => {
    const { device } = await offlineUnion(s.db, 'P2');
    device.insert('members', MEMBER);
    const older = await device.exportPackage();
    device.insert('members', { ...MEMBER, name: '王五' });
    const newer = await device.exportPackage();
    expect((await importPackage(s.db, clock, newer)).report.applied).toBe(2);
    const before = await countWrites(s.db);
    const error = await refusal(() => importPackage(s.db, clock, older));
    expect(error.code).toBe('stale');
    expect(error.message).toContain('第 1 号');
    expect(await countWrites(s.db)).toEqual(before);
  });

  it('refuse a package imported as another union, tampered anywhere or cut short, with nothing written', async () => {
    const { device } = await offlineUnion(s.db, 'P3');
    await offlineUnion(s.db, 'P4');
    device.insert('members', MEMBER);
    const pkg = await device.exportPackage();
    const before = await countWrites(s.db);

    const other = await refusal(() => importPackage(s.db, clock, pkg, { code: 'P4' }));
    expect(other.code).toBe('other-union');
    expect(other.message).toContain('P3');

    for (const at of [20, pkg.length - 40, pkg.length - 1]) {
      const tampered = pkg.slice();
      tampered[at] = tampered[at]! ^ 1;
      expect((await refusal(() => importPackage(s.db, clock, tampered))).message).toMatch(/改动|损坏/);
    }
    for (const cut of [5, 30, pkg.length - 10]) {
      expect((await refusal(() => importPackage(s.db, clock, pkg.slice(0, cut)))).message).toMatch(/不完整|截断|校验失败|损坏/);
    }
    expect(await countWrites(s.db)).toEqual(before);
    const seqs = await s.db.query<{ package_seq: unknown }>('SELECT package_seq FROM devices WHERE id = $1', [
      device.credentials.enrolmentId,
    ]);
    expect(seqs.map((d) => Number(d.package_seq))).toEqual([0]);
  });

  it('receive the year submission once, the receipt coming back in the reply', async () => {
    const { unionId, device } = await offlineUnion(s.db, 'P5');
    device.insert('members', MEMBER);
    const submission = { v: 1, year: 2025, recordId: 'sub-p5-2025', facts: { members: 1 }, documents: [] };
    const pkg = await device.exportPackage(submission);
    const first = await importPackage(s.db, clock, pkg);
    expect(first.report.submission?.receiptNumber).toBe('BS-2025-P5-01');
    const again = await importPackage(s.db, clock, pkg);
    expect(again.report.submission?.receiptNumber).toBe('BS-2025-P5-01');
    expect(await currentSubmissions(s.db, 2025, { unionId })).toHaveLength(1);

    await device.importReply(again.reply);
    expect(device.get('submissions', 'sub-p5-2025')).toMatchObject({ status: 'submitted', receiptNumber: 'BS-2025-P5-01' });
  });

  it('import through the dashboard only for a union of the admin’s subtree, under that union’s own row', async () => {
    const district = await createOrg(s.db, ROOT_ORG_ID, { code: 'PD', name: '山区总工会' });
    await createAdmin(s.db, ROOT_ORG_ID, { orgCode: 'PD', name: 'pd', password: ADMIN_PASSWORD });
    const { device } = await offlineUnion(s.db, 'P6');
    await s.db.query('UPDATE unions SET org_id = $1 WHERE code = $2', [district.id, 'P6']);
    const { unionId: outsideId } = await offlineUnion(s.db, 'P7');
    const [p6] = await s.db.query<{ id: string }>("SELECT id FROM unions WHERE code = 'P6'");
    device.insert('members', MEMBER);
    const pkg = await device.exportPackage();
    const token = String((await post(s.app, '/api/admin/login', { name: 'pd', password: ADMIN_PASSWORD })).body.token);
    const upload = (unionId: string) =>
      s.app.inject({
        method: 'POST',
        url: `/api/admin/unions/${unionId}/packages`,
        payload: Buffer.from(pkg),
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      });

    const before = await countWrites(s.db);
    expect((await upload(outsideId)).statusCode).toBe(404);
    expect(await countWrites(s.db)).toEqual(before);

    const done = await upload(p6!.id);
    expect(done.statusCode).toBe(200);
    const body = done.json<{ applied: number; replyName: string; reply: string }>();
    expect(body).toMatchObject({ applied: 1, replyName: 'P6-回执包-001.ubreply' });
    await device.importReply(new Uint8Array(Buffer.from(body.reply, 'base64')));
    expect(device.pending()).toEqual([]);
    const audit = await s.db.query<{ action: string; target: string }>(
      "SELECT action, target FROM audit_log WHERE action = 'package-imported'",
    );
    expect(audit).toEqual([{ action: 'package-imported', target: 'P6 第 1 号' }]);
  });
});
