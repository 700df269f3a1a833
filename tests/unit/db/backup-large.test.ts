import 'fake-indexeddb/auto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateDemoBook } from '../../../shared/demo/generator';
import { uuidv7 } from '../../../shared/ids/uuid7';
import { TABLE_NAMES, type BookTables } from '../../../shared/model/book';
import type { BackupProgress } from '../../../shared/backup/progress';
import { READ_BATCH } from '../../../shared/backup/read';
import { exportBackup, readWholeBook } from '../../../renderer/src/features/backup/book-io';
import { stageBackup, switchToStaged } from '../../../renderer/src/features/backup/staged-restore';
import { readBook, writeBook } from '../../../server/cli/io';
import { freshDb } from './helpers';

/**
 * The real limit on a JavaScript string is about 512 MB; a book past it is too big for a unit test.
 * So these tests lower the limit instead: every way the backup code could build a string —
 * JSON.stringify, JSON.parse, TextDecoder and fflate's strFromU8 — refuses one longer than 256 KiB, as
 * the engine refuses one past its own limit, and the book is many times that size.
 */
const LIMIT = 256 * 1024;
const limit = vi.hoisted(() => ({ on: false, longest: 0 }));

function guard(length: number): void {
  if (!limit.on) return;
  limit.longest = Math.max(limit.longest, length);
  if (length > 256 * 1024) throw new RangeError('Invalid string length');
}

vi.mock('fflate', async (importOriginal) => {
  const real = await importOriginal<typeof import('fflate')>();
  return {
    ...real,
    strFromU8: (bytes: Uint8Array, latin1?: boolean) => {
      const text = real.strFromU8(bytes, latin1);
      guard(text.length);
      return text;
    },
  };
});

const { stringify, parse } = JSON;
const decode = TextDecoder.prototype.decode;
/** Plain replacements rather than spies: a spy would keep every row it saw. */
function limitStrings(): void {
  limit.on = true;
  limit.longest = 0;
  JSON.stringify = ((...args: Parameters<typeof JSON.stringify>) => {
    const text = stringify(...args);
    guard(text?.length ?? 0);
    return text;
  }) as typeof JSON.stringify;
  JSON.parse = (text: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
    guard(text.length);
    return parse(text, reviver) as unknown;
  };
  TextDecoder.prototype.decode = function (this: TextDecoder, ...args: Parameters<TextDecoder['decode']>) {
    const text = decode.apply(this, args);
    guard(text.length);
    return text;
  };
}

afterEach(() => {
  limit.on = false;
  JSON.stringify = stringify;
  JSON.parse = parse;
  TextDecoder.prototype.decode = decode;
});

/** A demo book with 200 scan-sized attachments: a table past the limit and the book over ten times it. */
function largeBook(): BookTables {
  const book = generateDemoBook({ seed: 19, members: 120, years: 1, endMonth: '2025-12', photos: 4 });
  const template = book.attachments[0]!;
  let seed = 1;
  for (let i = 0; i < 200; i++) {
    const data = new Uint8Array(16 * 1024);
    for (let j = 0; j < data.length; j++) data[j] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    book.attachments.push({ ...template, id: uuidv7(Date.UTC(2025, 5, 1) + i), name: `scan-${i + 1}.jpg`, size: data.length, data });
  }
  return book;
}

function bookBytes(book: BookTables): number {
  let n = book.attachments.reduce((sum, a) => sum + a.data.length, 0);
  for (const table of TABLE_NAMES)
    for (const row of book[table]) n += stringify(row, (_k, v: unknown) => (v instanceof Uint8Array ? undefined : v)).length;
  return n;
}

/**
 * The same rows, and the same bytes in every attachment. Bytes are compared as buffers: a deep
 * equality walks a typed array one element at a time.
 */
function expectSameBook(actual: BookTables, expected: BookTables): void {
  const bytes = (book: BookTables) => new Map(book.attachments.map((a) => [a.id, Buffer.from(a.data)]));
  const rows = (book: BookTables) => ({ ...book, attachments: book.attachments.map(({ data: _data, ...rest }) => rest) });
  expect(rows(actual)).toEqual(rows(expected));
  const want = bytes(expected);
  for (const [id, data] of bytes(actual)) expect(data.equals(want.get(id) ?? Buffer.alloc(0)), id).toBe(true);
}

describe('a book larger than one string can hold', () => {
  it('is the size this test claims: tables past the limit, the book many times it', () => {
    const book = largeBook();
    expect(stringify(book.duesPayments).length).toBeGreaterThan(LIMIT);
    expect(bookBytes(book)).toBeGreaterThan(10 * LIMIT);
  });

  it(
    'round-trips through the app: backup from one database, restored through the staging store into another, every row and byte the same',
    { timeout: 240_000 },
    async () => {
      const source = await freshDb();
      const book = largeBook();
      await source.mutator.replaceBook(book);
      const written: BackupProgress[] = [];
      const read: BackupProgress[] = [];

      limitStrings();
      const bytes = await exportBackup(source.db, (p) => written.push(p));
      // Restored over a book already there, staged a batch at a time: no batch holds a table.
      const target = await freshDb();
      await target.mutator.replaceBook(generateDemoBook({ seed: 7, members: 3, years: 1, endMonth: '2025-06' }));
      const before = await readWholeBook(target.db);
      const staged = await stageBackup(target.db, bytes, (p) => read.push(p));
      const longest = limit.longest;
      limit.on = false;
      expect(await readWholeBook(target.db)).toEqual(before);
      let largest = 0;
      await target.db.$restore.each((batch) => {
        largest = Math.max(largest, batch.rows.length);
        if (batch.table === 'attachments') expect(batch.rows).toHaveLength(1);
      });
      // Each staged batch is later added to the book in one write, one task of the window's: it stays small.
      expect(READ_BATCH).toBe(250);
      expect(largest).toBe(READ_BATCH);
      expect(await target.db.$restore.count()).toBeGreaterThan(book.duesPayments.length / READ_BATCH);
      const opened = await switchToStaged(target.db, target.mutator, staged);
      // The staged rows go with the replaced book's database; none is carried into the new one.
      expect(await opened.db.$restore.count()).toBe(0);

      expect(longest).toBeGreaterThan(0);
      expect(longest).toBeLessThanOrEqual(LIMIT);
      const restored = await readWholeBook(opened.db);
      expectSameBook(restored, await readWholeBook(source.db));
      expect(restored.attachments).toHaveLength(204);
      // Progress names every table, and the last report of each counts all its rows.
      for (const reports of [written, read]) {
        for (const table of TABLE_NAMES)
          expect(reports.filter((p) => p.step === table).at(-1)).toEqual({
            step: table,
            done: book[table].length,
            total: book[table].length,
          });
        expect(reports.filter((p) => p.step === 'files').at(-1)).toEqual({ step: 'files', done: 204, total: 204 });
      }
    },
  );

  it('round-trips through the command line, written to disk and read back a piece at a time', { timeout: 240_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ub-large-'));
    try {
      const path = join(dir, 'large.ubk');
      const book = largeBook();
      limitStrings();
      await writeBook(path, book);
      const back = await readBook(path);
      limit.on = false;
      expect((await stat(path)).size).toBeGreaterThan(10 * LIMIT);
      expectSameBook(back, book);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
