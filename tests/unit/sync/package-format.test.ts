import { describe, expect, it } from 'vitest';
import { readEnrolmentFile, writeEnrolmentFile } from '../../../shared/sync/package/enrolment-file';
import { importPackageKey, newPackageKey, sealFrame } from '../../../shared/sync/package/frame';
import type { ReplyPackageBody } from '../../../shared/sync/package/format';
import { PackageError } from '../../../shared/sync/package/package-error';
import { readPushPackage, writePushPackage } from '../../../shared/sync/package/push-package';
import { readReplyPackage, writeReplyPackage } from '../../../shared/sync/package/reply-package';

const credentials = { unionCode: 'U1', enrolmentId: '0190a0b0-0000-7000-8000-000000000001', packageKey: newPackageKey() };
const reply: ReplyPackageBody = {
  v: 1,
  acked: ['c1'],
  rows: [],
  cursor: 7,
  published: [],
  notices: [],
  attachments: [],
  receipt: null,
  submissionMessage: '',
  applied: 1,
  duplicates: 0,
  serverTime: '2026-01-01T00:00:00.000Z',
};

async function refused(run: () => Promise<unknown>): Promise<PackageError> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PackageError);
  return error as PackageError;
}

describe('package files', () => {
  it('hide their contents: no member name or change id appears in the bytes', async () => {
    const change = {
      changeId: 'dev1:secret-change',
      table: 'members' as const,
      rowId: 'm1',
      hlc: '0001700000000000:0000:dev1',
      fields: { name: '张三丰' },
    };
    const bytes = await writePushPackage({ credentials, seq: 1, changes: [change], cursor: 0 });
    const text = new TextDecoder().decode(bytes);
    expect(text).not.toContain('secret-change');
    expect(text).not.toContain('张三丰');
    expect(Buffer.from(bytes).includes(Buffer.from('张三丰'))).toBe(false);
  });

  it('refuse a push package read with another device’s key or as another union', async () => {
    const bytes = await writePushPackage({ credentials, seq: 1, changes: [], cursor: 0 });
    expect((await refused(() => readPushPackage(bytes, newPackageKey(), 'U1'))).code).toBe('tampered');
    expect((await refused(() => readPushPackage(bytes, credentials.packageKey, 'U2'))).message).toContain('工会 U1');
    expect((await readPushPackage(bytes, credentials.packageKey, 'U1')).header.seq).toBe(1);
  });

  it('refuse a reply for another union or device, an older reply, a reply changed or cut short', async () => {
    const bytes = await writeReplyPackage(credentials, 3, reply);
    expect((await readReplyPackage(bytes, credentials, 3)).body.cursor).toBe(7);
    expect((await refused(() => readReplyPackage(bytes, { ...credentials, unionCode: 'U2' }, 0))).code).toBe('other-union');
    expect((await refused(() => readReplyPackage(bytes, { ...credentials, enrolmentId: 'x' }, 0))).code).toBe('other-device');
    expect((await refused(() => readReplyPackage(bytes, credentials, 4))).message).toContain('第 3 号');
    const changed = bytes.slice();
    changed[changed.length - 20] = changed[changed.length - 20]! ^ 0x80;
    expect((await refused(() => readReplyPackage(changed, credentials, 0))).code).toBe('tampered');
    expect((await refused(() => readReplyPackage(bytes.slice(0, bytes.length - 1), credentials, 0))).code).toBe('tampered');
    expect((await refused(() => readReplyPackage(bytes.slice(0, 10), credentials, 0))).code).toBe('truncated');
    const push = await writePushPackage({ credentials, seq: 1, changes: [], cursor: 0 });
    expect((await refused(() => readReplyPackage(push, credentials, 0))).message).toContain('这是离线报送包，不是回执包');
  });

  it('open an enrolment file only with its passcode, typed with any case and dashes', async () => {
    const body = {
      unionCode: 'U1',
      unionName: '一厂工会',
      enrolmentId: credentials.enrolmentId,
      token: 'x'.repeat(43),
      packageKey: credentials.packageKey,
    };
    const bytes = await writeEnrolmentFile(body, 'ABCDE-FGHJK', { iterations: 1000 });
    expect(await readEnrolmentFile(bytes, 'abcde fghjk')).toMatchObject(body);
    const wrong = await refused(() => readEnrolmentFile(bytes, 'ABCDE-FGHJM'));
    expect(wrong.code).toBe('passcode');
    expect(wrong.message).toContain('口令不正确');
    expect(new TextDecoder().decode(bytes)).not.toContain(body.token);
  });

  it('read a reply and a package from before notice attachments as carrying none and holding none', async () => {
    const { attachments: _none, ...older } = reply;
    const bytes = await writeReplyPackage(credentials, 1, older as ReplyPackageBody);
    expect((await readReplyPackage(bytes, credentials, 0)).body.attachments).toEqual([]);
    const pkg = await sealFrame(
      await importPackageKey(credentials.packageKey),
      { kind: 'push', unionCode: 'U1', enrolmentId: credentials.enrolmentId, seq: 1, createdAt: '2026-01-01T00:00:00.000Z' },
      { v: 1, changes: [], cursor: 0, submission: null },
    );
    expect((await readPushPackage(pkg, credentials.packageKey, 'U1')).body.heldAttachments).toEqual([]);
  });
});
