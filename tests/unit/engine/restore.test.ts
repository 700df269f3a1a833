import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { inspectBackup, restoreBackup } from '../../../renderer/src/features/backup/book-io';
import { encodeBackup } from '../../../shared/backup/format';
import { isBookError } from '../../../shared/engine/errors';
import type { BookTables } from '../../../shared/model/book';
import { rowProblems } from '../../../shared/records/check';
import { runCli } from '../cli/capture';
import { freshDb } from '../db/helpers';
import { memoryStore, seedBook } from './fixture';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function seeded(): Promise<BookTables> {
  const store = memoryStore();
  await seedBook(store);
  return store.book;
}

/** The book as the first version wrote it: no start-of-books fields, no planned flag, the folder on the union. */
function asVersionOne(book: BookTables): BookTables {
  const old = structuredClone(book) as unknown as Record<string, Record<string, unknown>[]>;
  for (const r of old.openingBalances!) {
    delete r.month;
    delete r.booksStart;
    delete r.duesBeforeFen;
  }
  for (const a of old.activities!) delete a.planned;
  for (const u of old.union!) u.backupFolder = 'D:\\备份';
  return old as unknown as BookTables;
}

const meta = { createdAt: '2026-01-01T00:00:00Z', appVersion: '0.1.0' };

describe('restoring a book', () => {
  it('restores a backup written by the first version, every row given the fields this version declares', async () => {
    const bytes = await encodeBackup(asVersionOne(await seeded()), meta);
    const fresh = await freshDb();
    const { db } = (await restoreBackup(fresh.db, fresh.mutator, bytes)).opened;
    expect((await db.openingBalances.toArray())[0]).toMatchObject({ month: '2026-01', booksStart: false, duesBeforeFen: 0 });
    for (const u of await db.union.toArray()) {
      expect(u).not.toHaveProperty('backupFolder');
      expect(rowProblems('union', u)).toEqual([]);
    }
    expect(await db.members.count()).toBe(3);
  });

  it('refuses a file with a malformed row, naming it, and changes nothing', async () => {
    const book = await seeded();
    (book.members[1] as unknown as Record<string, unknown>).name = { 姓: '王' };
    (book.transactions[0] as unknown as Record<string, unknown>).amountFen = 'abc';
    const bytes = await encodeBackup(book, meta);
    const { db } = await freshDb();
    const error = await inspectBackup(bytes).catch((e: unknown) => e);
    expect(isBookError(error)).toBe(true);
    expect((error as Error).message).toContain(`会员 （${book.members[1]!.id}）：“姓名”应为文字`);
    expect((error as Error).message).toContain('“金额”金额应为整数分');
    expect((error as Error).message).toContain('未做任何更改');
    expect(await db.members.count()).toBe(0);
  });

  it('reads an old book file on the command line, and verify calls it sound', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'restore-')), 'v1.ubk');
    writeFileSync(path, await encodeBackup(asVersionOne(await seeded()), meta));
    const r = await runCli('verify', path);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });
});
