import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEnrolmentFile } from '../../../shared/sync/package/enrolment-file';
import { writePushPackage } from '../../../shared/sync/package/push-package';
import { readReplyPackage } from '../../../shared/sync/package/reply-package';
import { MEMBER, TestDevice } from '../sync/harness';
import { runCli } from './capture';

describe('server enrolment-file and import-package', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ub-packages-cli-'));
  const data = join(dir, 'data');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('enrol a union by file, import its package twice and write a reply it can open', async () => {
    expect((await runCli('server', 'add-union', '--code', 'SL01', '--name', '山林管理局工会', '--data', data)).code).toBe(0);
    const enrolPath = join(dir, 'SL01.ubenrol');
    const made = await runCli('server', 'enrolment-file', '--union', 'SL01', '--out', enrolPath, '--data', data);
    expect(made.code).toBe(0);
    const passcode = /注册文件口令：(\S+)/.exec(made.out)?.[1] ?? '';
    const enrolment = await readEnrolmentFile(new Uint8Array(readFileSync(enrolPath)), passcode);
    expect(enrolment).toMatchObject({ unionCode: 'SL01', unionName: '山林管理局工会' });

    const credentials = { unionCode: 'SL01', enrolmentId: enrolment.enrolmentId, packageKey: enrolment.packageKey };
    const device = new TestDevice('pc1', '');
    device.insert('members', MEMBER);
    const [change] = device.pending();
    const pkgPath = join(dir, 'SL01-1.ubpkg');
    writeFileSync(pkgPath, await writePushPackage({ credentials, seq: 1, changes: [change!], cursor: 0 }));

    const replyPath = join(dir, 'SL01-1.reply');
    const first = await runCli('server', 'import-package', pkgPath, '--reply-out', replyPath, '--json', '--data', data);
    expect(first.err).toBe('');
    expect(JSON.parse(first.out)).toMatchObject({ applied: 1, duplicates: 0, unionCode: 'SL01', seq: 1 });
    const again = await runCli('server', 'import-package', pkgPath, '--reply-out', replyPath, '--json', '--data', data);
    expect(JSON.parse(again.out)).toMatchObject({ applied: 0, duplicates: 1 });
    const { body } = await readReplyPackage(new Uint8Array(readFileSync(replyPath)), credentials, 0);
    expect(body.acked).toEqual([change!.changeId]);
    expect(body.rows.map((r) => r.data.name)).toEqual(['张三']);

    const cut = join(dir, 'cut.ubpkg');
    writeFileSync(cut, readFileSync(pkgPath).subarray(0, 40));
    const refused = await runCli('server', 'import-package', cut, '--reply-out', join(dir, 'none'), '--data', data);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('离线报送包不完整');
  });
});
