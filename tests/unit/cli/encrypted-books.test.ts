import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesSource } from '../../../shared/backup/byte-source';
import { isEncryptedBackup } from '../../../shared/backup/format';
import { readBook } from '../../../server/cli/io';
import { main } from '../../../server/cli/main';
import { runCli } from './capture';

let dir = '';
let plain = '';
let locked = '';
let passwordFile = '';
const PASSWORD = '换届 2025 交接';

/** The command line in-process with the environment it would see. */
async function runWithEnv(env: Record<string, string>, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, env);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const encrypted = async (path: string) => isEncryptedBackup(bytesSource(new Uint8Array(await readFile(path))));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ub-cli-crypt-'));
  plain = join(dir, 'plain.ubk');
  locked = join(dir, 'locked.ubk');
  passwordFile = join(dir, 'password.txt');
  await writeFile(passwordFile, `${PASSWORD}\n`);
  expect((await runCli('demo', '--out', plain, '--members', '20', '--end', '2025-06')).code).toBe(0);
  const r = await runCli('backup', 'encrypt', '--book', plain, '--out', locked, '--password-file', passwordFile);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('encrypted books on the command line', () => {
  it('backup encrypt writes an encrypted file holding the same book', async () => {
    expect(await encrypted(locked)).toBe(true);
    expect(await encrypted(plain)).toBe(false);
    expect(await readBook(locked, PASSWORD)).toEqual(await readBook(plain));
  });

  it('a command opening an encrypted book without a password says how to give one, and changes nothing', async () => {
    const before = await readFile(locked);
    const r = await runCli('verify', locked);
    expect(r.code).toBe(1);
    expect(r.err).toContain('设有密码');
    expect(r.err).toContain('--password-file');
    expect(r.err).toContain('UNIONBOOKS_PASSWORD');
    const add = await runCli(
      'books',
      'add',
      '--date',
      '2025-06-10',
      '--account',
      '50102',
      '--amount',
      '100',
      '--place',
      'bank',
      '--summary',
      '测试',
      '--book',
      locked,
    );
    expect(add.code).toBe(1);
    expect(await readFile(locked)).toEqual(before);
  });

  it('opens with --password-file or with UNIONBOOKS_PASSWORD, and refuses a wrong one', async () => {
    expect(await runCli('verify', locked, '--password-file', passwordFile)).toMatchObject({ code: 0 });
    expect(await runWithEnv({ UNIONBOOKS_PASSWORD: PASSWORD }, 'verify', locked)).toMatchObject({ code: 0 });
    const facts = await runWithEnv({ UNIONBOOKS_PASSWORD: PASSWORD }, 'facts', '--year', '2025', '--book', locked);
    expect(facts.code).toBe(0);
    expect(JSON.parse(facts.out)).toHaveProperty('year', 2025);
    const wrong = await runWithEnv({ UNIONBOOKS_PASSWORD: 'not it' }, 'verify', locked);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/^密码不正确/);
  });

  it('refuses a password given as a plain argument, saying why, before opening anything', async () => {
    for (const argv of [
      ['verify', locked, '--password', PASSWORD],
      ['verify', locked, `--password=${PASSWORD}`],
      ['backup', 'decrypt', '--book', locked, '--out', join(dir, 'x.ubk'), '--password', PASSWORD],
    ]) {
      const r = await runCli(...argv);
      expect(r.code).toBe(2);
      expect(r.err).toContain('不接受 --password');
      expect(r.err).toContain('进程列表');
      expect(r.err).toContain('--password-file');
    }
  });

  it('a change to an encrypted book is written back encrypted under the same password', async () => {
    const copy = join(dir, 'copy.ubk');
    await writeFile(copy, await readFile(locked));
    const r = await runWithEnv(
      { UNIONBOOKS_PASSWORD: PASSWORD },
      ...[
        'books',
        'add',
        '--date',
        '2025-06-10',
        '--account',
        '50102',
        '--amount',
        '123.45',
        '--place',
        'bank',
        '--summary',
        '加密账簿记账',
        '--book',
        copy,
      ],
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(await encrypted(copy)).toBe(true);
    const book = await readBook(copy, PASSWORD);
    expect(book.transactions.find((t) => t.summary === '加密账簿记账')?.amountFen).toBe(12_345);
  });

  it('backup decrypt gives back the plain book; an unencrypted one is left alone', async () => {
    const out = join(dir, 'opened.ubk');
    expect(await runCli('backup', 'decrypt', '--book', locked, '--out', out, '--password-file', passwordFile)).toMatchObject({ code: 0 });
    expect(await encrypted(out)).toBe(false);
    expect(await readBook(out)).toEqual(await readBook(plain));
    const again = await runCli('backup', 'decrypt', '--book', plain, '--out', join(dir, 'y.ubk'), '--password-file', passwordFile);
    expect(again.code).toBe(2);
    expect(again.err).toContain('没有加密');
  });

  it('needs a password to encrypt, and a password file that has one', async () => {
    const none = await runWithEnv({}, 'backup', 'encrypt', '--book', plain, '--out', join(dir, 'z.ubk'));
    expect(none.code).toBe(2);
    expect(none.err).toContain('--password-file');
    const empty = join(dir, 'empty.txt');
    await writeFile(empty, '\n');
    const blank = await runCli('backup', 'encrypt', '--book', plain, '--out', join(dir, 'z.ubk'), '--password-file', empty);
    expect(blank.code).toBe(2);
    expect(blank.err).toContain('密码文件的第一行是空的');
  });
});
