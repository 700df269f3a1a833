import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesSource } from '../../../shared/backup/byte-source';
import { isEncryptedBackup } from '../../../shared/backup/format';
import { TABLE_NAMES } from '../../../shared/model/book';
import { withBookPassword } from '../../../server/cli/book-password';
import { readBookSession } from '../../../server/cli/book-session';
import { runCli } from './capture';

interface ExportJson {
  ok: boolean;
  seq: number;
  changes: number;
  year: number | null;
  pending: number;
}

/**
 * The offline round trip on the command line: the upper union's data folder (PGlite, in process)
 * and a book file of a union without a network, exchanging files as a USB stick would carry them.
 */
describe('unionbooks sync enrol-file, export-package and import-package', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ub-cli-packages-'));
  const data = join(dir, 'data');
  const book = join(dir, 'book.ubk');
  const otherBook = join(dir, 'other.ubk');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Makes an enrolment file for a union and writes its passcode to a file of its own. */
  async function enrolmentFile(code: string, name: string): Promise<{ file: string; passcodeFile: string; passcode: string }> {
    expect((await runCli('server', 'add-union', '--code', code, '--name', name, '--data', data)).code).toBe(0);
    const file = join(dir, `${code}.ubenrol`);
    const made = await runCli('server', 'enrolment-file', '--union', code, '--out', file, '--data', data);
    expect(made.code).toBe(0);
    const passcode = /注册文件口令：(\S+)/.exec(made.out)?.[1] ?? '';
    expect(passcode).not.toBe('');
    const passcodeFile = join(dir, `${code}.passcode`);
    writeFileSync(passcodeFile, `${passcode}\n`);
    return { file, passcodeFile, passcode };
  }

  const exportPackage = async (path: string, out: string, ...extra: string[]) => {
    const r = await runCli('sync', 'export-package', '--book', path, '--out', out, '--json', ...extra);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    return JSON.parse(r.out) as ExportJson;
  };
  const serverImport = async (pkg: string, reply: string) => {
    const r = await runCli('server', 'import-package', pkg, '--reply-out', reply, '--json', '--data', data);
    expect(r.err).toBe('');
    return JSON.parse(r.out) as { applied: number; duplicates: number; submission: { receiptNumber: string } | null };
  };

  let sl01: Awaited<ReturnType<typeof enrolmentFile>>;

  beforeAll(async () => {
    sl01 = await enrolmentFile('SL01', '山林管理局工会');
    expect((await runCli('init', '--name', '山林管理局工会', '--out', book)).code).toBe(0);
    expect((await runCli('init', '--name', '林场工会', '--out', otherBook)).code).toBe(0);
  });

  it('refuses a wrong passcode and a passcode on the command line, leaving the book as it was', async () => {
    const before = readFileSync(book);
    const wrongFile = join(dir, 'wrong.passcode');
    writeFileSync(wrongFile, 'AAAAA-BBBBB\n');
    const wrong = await runCli('sync', 'enrol-file', sl01.file, '--book', book, '--passcode-file', wrongFile);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('注册文件口令不正确');
    const plain = await runCli('sync', 'enrol-file', sl01.file, '--book', book, '--passcode', sl01.passcode);
    expect(plain.code).toBe(2);
    expect(plain.err).toContain('不接受 --passcode');
    const none = await runCli('sync', 'enrol-file', sl01.file, '--book', book);
    expect(none.code).toBe(2);
    expect(none.err).toContain('UNIONBOOKS_ENROL_PASSCODE');
    expect(readFileSync(book).equals(before)).toBe(true);
    expect((await readBookSession(book)).sync).toBeNull();
  });

  it('enrols by file, sends the book and the year by package, and takes the receipt back from the reply', async () => {
    const enrolled = await runCli('sync', 'enrol-file', sl01.file, '--book', book, '--passcode-file', sl01.passcodeFile, '--json');
    expect(enrolled.err).toBe('');
    expect(JSON.parse(enrolled.out)).toMatchObject({ ok: true, union: { code: 'SL01', name: '山林管理局工会' }, packagesOnly: true });
    const state = (await readBookSession(book)).sync!;
    expect(state.credentials).toMatchObject({ serverUrl: '', unionCode: 'SL01' });
    expect(state.credentials.packages?.enrolmentId).toBeTruthy();

    // A book enrolled by file has no server to sync with, and says so.
    const network = await runCli('sync', '--book', book);
    expect(network.code).toBe(1);
    expect(network.err).toContain('只能用离线报送包同步');

    const added = await runCli(
      'books',
      'add',
      '--date',
      '2025-03-10',
      '--account',
      '408',
      '--amount',
      '300',
      '--place',
      'bank',
      '--summary',
      '收到捐赠',
      '--book',
      book,
    );
    expect(added.code).toBe(0);

    // The first package carries the whole book, and the writes made since enrolment from the outbox.
    const beforeExport = await readBookSession(book);
    const bookRows = TABLE_NAMES.reduce((n, t) => n + beforeExport.book[t].length, 0);
    expect(beforeExport.sync!.outbox.length).toBeGreaterThan(0);
    const pkg1 = join(dir, 'SL01-1.ubpkg');
    const first = await exportPackage(book, pkg1, '--year', '2025');
    expect(first).toMatchObject({ ok: true, seq: 1, year: 2025, changes: bookRows + beforeExport.sync!.outbox.length });

    const reply1 = join(dir, 'SL01-1.reply');
    const report = await serverImport(pkg1, reply1);
    expect(report.applied).toBe(first.changes);
    expect(report.submission?.receiptNumber).toBe('BS-2025-SL01-01');

    const imported = await runCli('sync', 'import-package', reply1, '--book', book, '--json');
    expect(imported.err).toBe('');
    expect(JSON.parse(imported.out)).toMatchObject({
      ok: true,
      seq: 1,
      receipt: { year: 2025, receiptNumber: 'BS-2025-SL01-01' },
      pending: 0,
    });
    const after = await readBookSession(book);
    expect(after.book.submissions).toEqual([expect.objectContaining({ year: 2025, receiptNumber: 'BS-2025-SL01-01' })]);
    expect(after.sync!.outbox).toEqual([]);

    // The same reply again changes nothing, not even the file's bytes.
    const bytes = readFileSync(book);
    const again = await runCli('sync', 'import-package', reply1, '--book', book, '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject({ changed: false });
    expect(readFileSync(book).equals(bytes)).toBe(true);

    const second = await exportPackage(book, join(dir, 'SL01-2.ubpkg'));
    expect(second).toMatchObject({ seq: 2, changes: 0, pending: 0 });
    const secondReport = await serverImport(join(dir, 'SL01-2.ubpkg'), join(dir, 'SL01-2.reply'));
    expect(secondReport).toMatchObject({ applied: 0, duplicates: 0 });
  });

  it('refuses an older reply, a reply for another union or device, a tampered or cut-short reply, leaving the book byte for byte', async () => {
    const ll02 = await enrolmentFile('LL02', '林场工会');
    process.env.UNIONBOOKS_ENROL_PASSCODE = ll02.passcode;
    try {
      expect((await runCli('sync', 'enrol-file', ll02.file, '--book', otherBook)).code).toBe(0);
    } finally {
      delete process.env.UNIONBOOKS_ENROL_PASSCODE;
    }
    // A second device of SL01, enrolled by a file of its own.
    const secondFile = join(dir, 'SL01-b.ubenrol');
    const made = await runCli('server', 'enrolment-file', '--union', 'SL01', '--out', secondFile, '--data', data);
    const secondPasscode = join(dir, 'SL01-b.passcode');
    writeFileSync(secondPasscode, /注册文件口令：(\S+)/.exec(made.out)?.[1] ?? '');
    const secondBook = join(dir, 'second.ubk');
    expect((await runCli('init', '--name', '山林管理局工会', '--out', secondBook)).code).toBe(0);
    expect((await runCli('sync', 'enrol-file', secondFile, '--book', secondBook, '--passcode-file', secondPasscode)).code).toBe(0);
    await exportPackage(secondBook, join(dir, 'SL01-b-1.ubpkg'));
    const secondReply = join(dir, 'SL01-b-1.reply');
    await serverImport(join(dir, 'SL01-b-1.ubpkg'), secondReply);

    const foreignPkg = join(dir, 'LL02-1.ubpkg');
    await exportPackage(otherBook, foreignPkg);
    const foreignReply = join(dir, 'LL02-1.reply');
    await serverImport(foreignPkg, foreignReply);

    expect((await runCli('sync', 'import-package', join(dir, 'SL01-2.reply'), '--book', book)).code).toBe(0);
    const before = readFileSync(book);
    const older = await runCli('sync', 'import-package', join(dir, 'SL01-1.reply'), '--book', book);
    expect(older.code).toBe(1);
    expect(older.err).toContain('这是较早的回执包（第 1 号）');
    const foreign = await runCli('sync', 'import-package', foreignReply, '--book', book);
    expect(foreign.code).toBe(1);
    expect(foreign.err).toContain('这个回执包属于工会 LL02');

    const tampered = readFileSync(join(dir, 'SL01-2.reply'));
    tampered[tampered.length - 30] = tampered[tampered.length - 30]! ^ 4;
    const tamperedPath = join(dir, 'tampered.reply');
    writeFileSync(tamperedPath, tampered);
    const otherDevice = await runCli('sync', 'import-package', secondReply, '--book', book);
    expect(otherDevice.code).toBe(1);
    expect(otherDevice.err).toContain('这个回执包是发给本工会另一台设备的');

    const cutPath = join(dir, 'cut.reply');
    writeFileSync(cutPath, readFileSync(join(dir, 'SL01-2.reply')).subarray(0, 20));
    const cut = await runCli('sync', 'import-package', cutPath, '--book', book);
    expect(cut.code).toBe(1);
    expect(cut.err).toContain('回执包不完整');

    const changed = await runCli('sync', 'import-package', tamperedPath, '--book', book, '--json');
    expect(changed.code).toBe(1);
    expect(JSON.parse(changed.out)).toMatchObject({ ok: false, error: { code: 'tampered' } });
    expect(readFileSync(book).equals(before)).toBe(true);
  });

  it('keeps an encrypted book encrypted through enrolment, export and import, credentials included', async () => {
    const jm03 = await enrolmentFile('JM03', '金矿工会');
    const plain = join(dir, 'jm03-plain.ubk');
    const locked = join(dir, 'jm03.ubk');
    const passwordFile = join(dir, 'jm03.password');
    writeFileSync(passwordFile, '金矿 2025 报送\n');
    expect((await runCli('init', '--name', '金矿工会', '--out', plain)).code).toBe(0);
    expect((await runCli('backup', 'encrypt', '--book', plain, '--out', locked, '--password-file', passwordFile)).code).toBe(0);
    const withPassword = ['--book', locked, '--password-file', passwordFile];

    expect((await runCli('sync', 'enrol-file', jm03.file, ...withPassword, '--passcode-file', jm03.passcodeFile)).code).toBe(0);
    const pkg = join(dir, 'JM03-1.ubpkg');
    const exported = await exportPackage(locked, pkg, '--password-file', passwordFile);
    expect(exported.changes).toBeGreaterThan(0);
    const reply = join(dir, 'JM03-1.reply');
    expect((await serverImport(pkg, reply)).applied).toBe(exported.changes);
    expect((await runCli('sync', 'import-package', reply, ...withPassword)).code).toBe(0);

    const bytes = new Uint8Array(readFileSync(locked));
    expect(await isEncryptedBackup(bytesSource(bytes))).toBe(true);
    const state = await withBookPassword('金矿 2025 报送', async () => (await readBookSession(locked)).sync);
    expect(state).toMatchObject({ credentials: { unionCode: 'JM03', serverUrl: '' }, values: { 'sync.replySeq': 1 }, outbox: [] });
    expect(Buffer.from(bytes).includes(state!.credentials.packages!.packageKey)).toBe(false);
    expect((await runCli('sync', 'export-package', '--book', locked, '--out', join(dir, 'none.ubpkg'))).err).toContain('设有密码');
  });
});
