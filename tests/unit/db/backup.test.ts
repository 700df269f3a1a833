import 'fake-indexeddb/auto';
import { zipSync, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BACKUP_VERSION, decodeBackup, encodeBackup } from '../../../shared/backup/format';
import { generateDemoBook } from '../../../shared/demo/generator';
import { exportBackup, readWholeBook, restoreBackup } from '../../../renderer/src/features/backup/book-io';
import { freshDb } from './helpers';

const demo = () => {
  const book = generateDemoBook({ seed: 11, members: 40, years: 1, endMonth: '2025-12', photos: 3 });
  return book;
};

async function dbWithDemo() {
  const env = await freshDb();
  await env.mutator.replaceBook(demo());
  return env;
}

describe('backup and restore', () => {
  it('round-trips every table, attachments included, exactly', async () => {
    const source = await dbWithDemo();
    const bytes = await exportBackup(source.db);
    const target = await freshDb();
    const { opened } = await restoreBackup(target.db, target.mutator, bytes);
    const a = await readWholeBook(source.db);
    const b = await readWholeBook(opened.db);
    expect(b).toEqual(a);
    expect(b.attachments).toHaveLength(3);
    expect(b.attachments[0]?.data).toBeInstanceOf(Uint8Array);
    expect(b.attachments[0]?.data.length).toBeGreaterThan(1000);
  });

  it('round-trips through a password-protected file, and a wrong password leaves the book as it was', async () => {
    const source = await dbWithDemo();
    const bytes = await exportBackup(source.db, undefined, new Date('2025-12-31T00:00:00Z'), {
      password: '交接 密码 2025',
      iterations: 1_000,
    });
    const target = await dbWithDemo();
    await target.db.members.limit(5).delete();
    const before = await readWholeBook(target.db);
    await expect(restoreBackup(target.db, target.mutator, bytes, undefined, 'wrong')).rejects.toThrow(/^密码不正确/);
    await expect(restoreBackup(target.db, target.mutator, bytes)).rejects.toThrow(/设有密码/);
    expect(await readWholeBook(target.db)).toEqual(before);
    const { opened } = await restoreBackup(target.db, target.mutator, bytes, undefined, '交接 密码 2025');
    expect(await readWholeBook(opened.db)).toEqual(await readWholeBook(source.db));
  });

  it('writes a password-protected book of many encrypted chunks from one read transaction', async () => {
    // Each chunk is sealed with crypto.subtle, an await that is not a database read: the snapshot's
    // read transaction must stay open through it (with the default 1 MiB chunk, any book whose file
    // passes 1 MiB).
    const source = await dbWithDemo();
    const encryption = { password: '交接 密码 2025', iterations: 1_000, chunkSize: 4096 };
    const bytes = await exportBackup(source.db, undefined, new Date('2025-12-31T00:00:00Z'), encryption);
    expect(bytes.length).toBeGreaterThan(8 * encryption.chunkSize);
    const target = await freshDb();
    const { opened } = await restoreBackup(target.db, target.mutator, bytes, undefined, encryption.password);
    expect(await readWholeBook(opened.db)).toEqual(await readWholeBook(source.db));
  });

  const refusals: [string, (bytes: Uint8Array) => Uint8Array, RegExp][] = [
    ['a truncated file', (b) => b.slice(0, Math.floor(b.length / 2)), /已损坏|不完整/],
    ['a file that is not a backup', () => strToU8('hello, not a zip'), /不是工会账簿备份文件/],
    ['a zip of something else', () => zipSync({ 'readme.txt': strToU8('x') }), /缺少 manifest/],
    [
      'a backup from a newer version',
      (b) => {
        const entries = unzipSync(b);
        const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json']));
        manifest.version = BACKUP_VERSION + 1;
        entries['manifest.json'] = strToU8(JSON.stringify(manifest));
        return zipSync(entries);
      },
      /格式版本为 2.*请先升级/,
    ],
    [
      'a backup whose table was altered',
      (b) => {
        const entries = unzipSync(b);
        entries['tables/members.json'] = strToU8('[]');
        return zipSync(entries);
      },
      /members\.json 校验失败/,
    ],
  ];

  for (const [what, damage, message] of refusals) {
    it(`refuses ${what} and leaves the current book untouched`, async () => {
      const source = await dbWithDemo();
      const bytes = await exportBackup(source.db);
      const target = await freshDb();
      await target.mutator.replaceBook(generateDemoBook({ seed: 99, members: 5, years: 1, endMonth: '2025-06' }));
      const before = await readWholeBook(target.db);
      await expect(restoreBackup(target.db, target.mutator, damage(bytes))).rejects.toThrow(message);
      expect(await readWholeBook(target.db)).toEqual(before);
    });
  }

  it('writes a manifest with a checksum for every entry', async () => {
    const bytes = await encodeBackup(demo(), { createdAt: '2025-12-31T00:00:00.000Z', appVersion: 'test' });
    const { manifest } = await decodeBackup(bytes);
    expect(manifest.format).toBe('unionbooks-backup');
    expect(manifest.counts.members).toBe(40);
    expect(Object.keys(manifest.checksums)).toContain('tables/transactions.json');
    expect(Object.keys(manifest.checksums).filter((k) => k.startsWith('attachments/'))).toHaveLength(3);
  });
});
