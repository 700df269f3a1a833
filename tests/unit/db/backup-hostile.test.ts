import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { BackupError, decodeBackup, encodeBackup } from '../../../shared/backup/format';
import { generateDemoBook } from '../../../shared/demo/generator';
import { appendEntries, crc32OfZeros, declareSize, pointAt, zeroDeflate, type RawEntry } from './zip-craft';

/** Counts every byte that comes out of a deflate stream, so a test can tell what the reader inflated. */
const inflated = vi.hoisted(() => ({ bytes: 0 }));
vi.mock('fflate', async (importOriginal) => {
  const real = await importOriginal<typeof import('fflate')>();
  class CountingInflate extends real.Inflate {
    constructor(ondata: (chunk: Uint8Array, final: boolean) => void) {
      super((chunk, final) => {
        inflated.bytes += chunk.length;
        ondata(chunk, final);
      });
    }
  }
  return { ...real, Inflate: CountingInflate };
});

const MB = 1024 * 1024;

async function smallBook(): Promise<Uint8Array> {
  const book = generateDemoBook({ seed: 7, members: 60, years: 1, endMonth: '2025-12', photos: 12 });
  return encodeBackup(book, { createdAt: '2025-12-31T00:00:00.000Z', appVersion: 'test' });
}

function zeros(name: string, megabytes: number): RawEntry {
  return { name, method: 8, compressed: zeroDeflate(megabytes), size: megabytes * MB, crc: crc32OfZeros(megabytes) };
}

async function refusal(bytes: Uint8Array): Promise<BackupError> {
  inflated.bytes = 0;
  const error = await decodeBackup(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackupError);
  return error as BackupError;
}

/** Declared sizes of the deflated entries a reader of this book needs: the manifest and the tables. */
function knownDeflatedBytes(bytes: Uint8Array): number {
  let total = 0;
  unzipSync(bytes, {
    filter: (f) => {
      if (f.compression === 8 && (f.name === 'manifest.json' || f.name.startsWith('tables/'))) total += f.originalSize;
      return false;
    },
  });
  return total;
}

describe('a book file with oversized entries', () => {
  it('refuses a 2 MB book carrying three 700 MB zero-filled entries without inflating them', async () => {
    const book = await smallBook();
    const bomb = appendEntries(book, [zeros('extra/a.bin', 700), zeros('extra/b.bin', 700), zeros('extra/c.bin', 700)]);
    expect(bomb.length).toBeLessThan(5 * MB);
    const error = await refusal(bomb);
    expect(error.message).toMatch(/条目 extra\/a\.bin 解压后有 700\.0 MB，超过上限.*未做任何更改/);
    expect(inflated.bytes).toBeLessThan(MB);
  });

  it('never inflates entries it does not know, and still reads the book', async () => {
    const book = await smallBook();
    const orphanAttachment = 'attachments/0190aaaa-0000-7000-8000-000000000000';
    const padded = appendEntries(book, [zeros('extra/notes.bin', 8), zeros(orphanAttachment, 8)]);
    inflated.bytes = 0;
    const decoded = await decodeBackup(padded);
    expect(inflated.bytes).toBe(knownDeflatedBytes(book));
    expect(decoded.book).toEqual((await decodeBackup(book)).book);
  });

  it('stops inflating a known entry once more comes out than it declared', async () => {
    const entries = unzipSync(await smallBook());
    delete entries['tables/budgets.json'];
    const lying = appendEntries(zipSync(entries), [{ ...zeros('tables/budgets.json', 700), size: 1000 }]);
    const error = await refusal(lying);
    expect(error.message).toMatch(/tables\/budgets\.json 的实际大小超过声明/);
    expect(inflated.bytes).toBeLessThan(100 * MB);
  });

  it('refuses a known entry that declares more than its cap', async () => {
    const entries = unzipSync(await smallBook());
    delete entries['tables/members.json'];
    const error = await refusal(appendEntries(zipSync(entries), [zeros('tables/members.json', 600)]));
    expect(error.message).toMatch(/条目 tables\/members\.json 解压后有 600\.0 MB，超过上限/);
    expect(inflated.bytes).toBeLessThan(MB);
  });

  it('refuses entries that together declare far more than the file could hold', async () => {
    const error = await refusal(appendEntries(await smallBook(), [zeros('extra/a.bin', 400), zeros('extra/b.bin', 400)]));
    expect(error.message).toMatch(/解压后的总大小（\d+\.\d MB）超出合理范围/);
    expect(inflated.bytes).toBe(0);
  });

  it('refuses two entries sharing the same bytes', async () => {
    const zip = zipSync({ 'manifest.json': strToU8('{}'), 'tables/union.json': strToU8('[]') });
    const error = await refusal(pointAt(zip, 'tables/union.json', 'manifest.json'));
    expect(error.message).toMatch(/条目相互重叠/);
  });

  it('refuses an entry that appears twice', async () => {
    const book = await smallBook();
    const manifest = unzipSync(book)['manifest.json'] as Uint8Array;
    const twice = appendEntries(book, [{ name: 'manifest.json', method: 0, compressed: manifest, size: manifest.length, crc: 0 }]);
    expect((await refusal(twice)).message).toMatch(/manifest\.json 重复出现/);
  });

  it('refuses an entry whose size was made smaller than its content', async () => {
    const error = await refusal(declareSize(await smallBook(), 'tables/transactions.json', 10));
    expect(error.message).toMatch(/tables\/transactions\.json 的实际大小超过声明/);
  });
});

describe('a malformed manifest', () => {
  /** The book with its manifest text replaced. */
  async function withManifest(edit: (text: string) => string): Promise<Uint8Array> {
    const entries = unzipSync(await smallBook());
    const text = new TextDecoder().decode(entries['manifest.json']);
    entries['manifest.json'] = strToU8(edit(text));
    return zipSync(entries);
  }
  const someHash = 'a'.repeat(64);
  const cases: [string, (text: string) => string, RegExp][] = [
    ['null', () => 'null', /不是工会账簿备份文件（格式标识不符）/],
    ['an array', () => '[1, 2]', /不是工会账簿备份文件（格式标识不符）/],
    ['a string', () => '"unionbooks-backup"', /不是工会账簿备份文件（格式标识不符）/],
    [
      'a __proto__ checksum key',
      (t) => t.replace('"checksums": {', `"checksums": {"__proto__": "${someHash}",`),
      /manifest\.json 中校验清单的条目名“__proto__”无效/,
    ],
    [
      'a constructor checksum key',
      (t) => t.replace('"checksums": {', `"checksums": {"constructor": "${someHash}",`),
      /manifest\.json 中校验清单的条目名“constructor”无效/,
    ],
    [
      'a number for a checksum',
      (t) => t.replace(/"tables\/members\.json": "[0-9a-f]+"/, '"tables/members.json": 12345'),
      /manifest\.json 中“tables\/members\.json”的校验值无效/,
    ],
    [
      'an object for a checksum',
      (t) => t.replace(/"tables\/members\.json": "[0-9a-f]+"/, '"tables/members.json": {"length": 64}'),
      /manifest\.json 中“tables\/members\.json”的校验值无效/,
    ],
    ['checksums that are null', (t) => t.replace(/"checksums": \{[^}]*\}/, '"checksums": null'), /manifest\.json 中字段“checksums”无效/],
    ['checksums that are a list', (t) => t.replace(/"checksums": \{[^}]*\}/, '"checksums": ["x"]'), /manifest\.json 中字段“checksums”无效/],
    ['a version that is text', (t) => t.replace('"version": 1', '"version": "1"'), /manifest\.json 中字段“version”无效/],
    [
      'a creation time that is not a time',
      (t) => t.replace(/"createdAt": "[^"]*"/, '"createdAt": {}'),
      /manifest\.json 中字段“createdAt”无效/,
    ],
    ['counts that are not numbers', (t) => t.replace('"members": 60', '"members": "many"'), /manifest\.json 中字段“counts”无效/],
  ];

  for (const [what, edit, message] of cases) {
    it(`refuses ${what} with a Chinese message`, async () => {
      const error = await refusal(await withManifest(edit));
      expect(error.message).toMatch(message);
      expect(error.message).toMatch(/未做任何更改|请先升级/);
    });
  }
});
