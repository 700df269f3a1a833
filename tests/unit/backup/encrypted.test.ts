import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackupError, BackupPasswordError } from '../../../shared/backup/backup-error';
import { bytesSource } from '../../../shared/backup/byte-source';
import { openEncrypted, unlockBackup } from '../../../shared/backup/decrypt';
import { encryptingSink, type EncryptOptions } from '../../../shared/backup/encrypt';
import { DEFAULT_ITERATIONS, ENCRYPTED_MAGIC, TAG_BYTES } from '../../../shared/backup/encrypted-header';
import { decodeBackup, encodeBackup, isEncryptedBackup, joinPieces } from '../../../shared/backup/format';
import { generateDemoBook } from '../../../shared/demo/generator';
import { fixturePath } from '../../fixtures/path';
import { PYTHON } from '../../support/python';

/** Few iterations keep the suite quick; one test below writes with the real default. */
const FAST = 1_000;
const meta = { createdAt: '2025-12-31T00:00:00.000Z', appVersion: 'test' };
const book = generateDemoBook({ seed: 5, members: 25, years: 1, endMonth: '2025-12', photos: 2 });

async function encrypt(plain: Uint8Array, password: string, options: EncryptOptions): Promise<Uint8Array> {
  const pieces: Uint8Array[] = [];
  const sealed = await encryptingSink(password, (p) => void pieces.push(p), { iterations: FAST, ...options });
  // Uneven pieces, as a ZIP writer hands them over.
  for (let at = 0, step = 1; at < plain.length; at += step, step = (step * 7) % 997 || 1) await sealed.write(plain.subarray(at, at + step));
  await sealed.end();
  return joinPieces(pieces);
}

async function decrypt(file: Uint8Array, password: string): Promise<Uint8Array> {
  const source = await openEncrypted(bytesSource(file), password);
  return source.read(0, source.size);
}

function headerLength(file: Uint8Array): number {
  return ENCRYPTED_MAGIC.length + 4 + new DataView(file.buffer, file.byteOffset).getUint32(ENCRYPTED_MAGIC.length);
}

const random = (n: number) => {
  const out = new Uint8Array(n);
  for (let at = 0; at < n; at += 65536) crypto.getRandomValues(out.subarray(at, Math.min(n, at + 65536)));
  return out;
};

describe('a password-protected book file', () => {
  it.each([64, 100, 256, 4096])('gives back exactly the bytes it was given at chunk size %i, whatever the length', async (chunkSize) => {
    for (const length of [0, 1, chunkSize - 1, chunkSize, chunkSize + 1, 3 * chunkSize, 3 * chunkSize + 17]) {
      const plain = random(length);
      const file = await encrypt(plain, '工会2025!', { chunkSize });
      const chunks = Math.max(1, Math.ceil(length / chunkSize));
      expect(file.length).toBe(headerLength(file) + length + chunks * TAG_BYTES);
      expect(await decrypt(file, '工会2025!')).toEqual(plain);
    }
  });

  it.each([64, 1000, 65536, undefined])('round-trips a whole book with attachments at chunk size %s', async (chunkSize) => {
    const file = await encodeBackup(book, meta, { password: 'correct horse', iterations: FAST, ...(chunkSize ? { chunkSize } : {}) });
    expect(await isEncryptedBackup(bytesSource(file))).toBe(true);
    // Nothing of the book is readable without the password.
    const text = new TextDecoder('latin1').decode(file);
    expect(text).not.toContain('manifest.json');
    expect(text).not.toContain(book.members[0]!.idNumber.slice(0, 10));
    const { book: back, manifest } = await decodeBackup(file, { password: 'correct horse' });
    expect(back).toEqual(book);
    expect(manifest.unionName).toBe(book.union[0]!.name);
  });

  it('derives its key with the default cost and records the parameters in the file', async () => {
    const file = await encodeBackup(book, meta, { password: 'p@ss' });
    const header = JSON.parse(new TextDecoder().decode(file.subarray(ENCRYPTED_MAGIC.length + 4, headerLength(file)))) as {
      kdf: { name: string; iterations: number; salt: string };
      chunkSize: number;
      cipher: string;
    };
    expect(header.kdf).toMatchObject({ name: 'PBKDF2-SHA-256', iterations: DEFAULT_ITERATIONS });
    expect(DEFAULT_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(header.cipher).toBe('AES-256-GCM');
    expect(header.chunkSize).toBe(1024 * 1024);
    // A fresh salt per file: the same book and password never give the same file.
    const again = await encodeBackup(book, meta, { password: 'p@ss', iterations: FAST });
    expect(JSON.parse(new TextDecoder().decode(again.subarray(12, headerLength(again)))).kdf.salt).not.toBe(header.kdf.salt);
    expect((await decodeBackup(file, { password: 'p@ss' })).book).toEqual(book);
  });

  it('refuses a wrong password, and a missing one, saying so in Chinese', async () => {
    const file = await encodeBackup(book, meta, { password: 'right', iterations: FAST, chunkSize: 4096 });
    const wrong = await decodeBackup(file, { password: 'Right' }).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(BackupPasswordError);
    expect((wrong as BackupPasswordError).kind).toBe('wrong');
    expect((wrong as Error).message).toMatch(/^密码不正确.*未做任何更改/);
    const missing = await decodeBackup(file).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(BackupPasswordError);
    expect((missing as BackupPasswordError).kind).toBe('missing');
    expect((missing as Error).message).toContain('设有密码');
  });

  it('takes the password as typed on any system (Unicode normalised)', async () => {
    const file = await encodeBackup(book, meta, { password: 'cafe\u0301', iterations: FAST });
    expect((await decodeBackup(file, { password: 'caf\u00e9' })).book).toEqual(book);
  });

  describe('refuses a file that was tampered with', () => {
    const chunkSize = 1024;
    const made = encodeBackup(book, meta, { password: 'pw', iterations: FAST, chunkSize });
    const sealed = chunkSize + TAG_BYTES;
    const refuse = async (file: Uint8Array, why: RegExp) => {
      const error = await decodeBackup(file, { password: 'pw' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackupError);
      expect(error).not.toBeInstanceOf(BackupPasswordError);
      expect((error as Error).message).toMatch(why);
      expect((error as Error).message).toContain('未做任何更改');
    };

    it('a flipped byte anywhere in the encrypted data or a tag', async () => {
      const file = await made;
      const start = headerLength(file);
      for (const at of [
        start,
        start + 5,
        start + sealed + 100,
        start + chunkSize + 3,
        Math.floor((start + file.length) / 2),
        file.length - 1,
      ]) {
        const copy = file.slice();
        copy[at]! ^= 0x01;
        await refuse(copy, /已被改动或不完整.*校验失败/);
      }
    });

    it('a changed header (chunk size), which every chunk authenticates', async () => {
      const file = await made;
      const text = new TextDecoder().decode(file.subarray(12, headerLength(file)));
      const changed = new TextEncoder().encode(text.replace('"chunkSize":1024', '"chunkSize":2048'));
      expect(changed.length).toBe(headerLength(file) - 12);
      await refuse(joinPieces([file.subarray(0, 12), changed, file.subarray(headerLength(file))]), /已被改动或不完整/);
    });

    it('a file cut short at a chunk boundary or inside a chunk', async () => {
      const file = await made;
      const start = headerLength(file);
      const chunks = Math.ceil((file.length - start) / sealed);
      await refuse(file.subarray(0, start + (chunks - 1) * sealed), /已被改动或不完整/);
      await refuse(file.subarray(0, start + 2 * sealed), /已被改动或不完整/);
      await refuse(file.subarray(0, file.length - 7), /已被改动或不完整/);
      await refuse(file.subarray(0, start + 5), /不完整/);
      await refuse(file.subarray(0, start), /不完整/);
      await refuse(file.subarray(0, 20), /不完整|已损坏/);
    });

    it('chunks swapped, or one dropped from the middle', async () => {
      const file = await made;
      const start = headerLength(file);
      const chunk = (i: number) => file.subarray(start + i * sealed, start + (i + 1) * sealed);
      const swapped = joinPieces([file.subarray(0, start), chunk(1), chunk(0), file.subarray(start + 2 * sealed)]);
      await refuse(swapped, /第 1 块.*校验失败/);
      const dropped = joinPieces([file.subarray(0, start), chunk(0), file.subarray(start + 2 * sealed)]);
      await refuse(dropped, /第 2 块.*校验失败/);
    });
  });

  it('leaves an unencrypted book file as it always was, with or without a password given', async () => {
    const old = new Uint8Array(await readFile(fixturePath('backup/plain-v1.ubk')));
    expect(await isEncryptedBackup(bytesSource(old))).toBe(false);
    expect(await unlockBackup(bytesSource(old), undefined)).toMatchObject({ size: old.length });
    const plain = await decodeBackup(old);
    expect(plain.book.members).toHaveLength(12);
    expect((await decodeBackup(old, { password: 'ignored' })).book).toEqual(plain.book);
  });

  it('is read by an independent AES-GCM implementation following docs/backup-format.md', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ub-crypt-'));
    try {
      const path = join(dir, 'book.ubk');
      await writeFile(path, await encodeBackup(book, meta, { password: '密码 123', iterations: FAST, chunkSize: 700 }));
      const seen = JSON.parse(execFileSync(PYTHON, ['-c', PYTHON_READER, path, '密码 123'], { encoding: 'utf8' })) as {
        entries: string[];
        members: number;
      };
      expect(seen.entries).toContain('manifest.json');
      expect(seen.members).toBe(book.members.length);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/** The documented layout, decrypted with Python's `cryptography`, then opened with `zipfile`. */
const PYTHON_READER = `
import base64, io, json, struct, sys, unicodedata, zipfile
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'UBKCRYPT'
(n,) = struct.unpack('>I', data[8:12])
header_bytes = data[:12 + n]
h = json.loads(header_bytes[12:])
bits = PBKDF2HMAC(hashes.SHA256(), 48, base64.b64decode(h['kdf']['salt']), h['kdf']['iterations']).derive(unicodedata.normalize('NFC', sys.argv[2]).encode())
assert bits[32:] == base64.b64decode(h['check'])
aes, prefix, size = AESGCM(bits[:32]), base64.b64decode(h['noncePrefix']), h['chunkSize'] + 16
body = data[12 + n:]
chunks = [body[i:i + size] for i in range(0, len(body), size)]
plain = b''.join(aes.decrypt(prefix + struct.pack('>I', i) + bytes([i == len(chunks) - 1]), c, header_bytes) for i, c in enumerate(chunks))
z = zipfile.ZipFile(io.BytesIO(plain))
assert z.testzip() is None
print(json.dumps({'entries': z.namelist(), 'members': len(json.loads(z.read('tables/members.json')))}))
`;
