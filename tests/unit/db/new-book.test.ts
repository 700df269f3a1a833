import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { generateDemoBook } from '../../../shared/demo/generator';
import { ATTACHMENT_BYTES_PER_STEP, buildBookDatabase, ROWS_PER_STEP, steps } from '../../../renderer/src/db/new-book';
import { readWholeBook } from '../../../renderer/src/db/read-whole-book';
import { TABLE_NAMES } from '../../../shared/model/book';

describe('building a new book', () => {
  it('cuts rows into steps of at most ROWS_PER_STEP, and attachments by their bytes', () => {
    const rows = Array.from({ length: 2 * ROWS_PER_STEP + 7 }, (_, i) => ({ id: String(i) }));
    expect([...steps('members', rows)].map((s) => s.length)).toEqual([ROWS_PER_STEP, ROWS_PER_STEP, 7]);
    expect([...steps('members', [])]).toEqual([]);
    const file = (bytes: number) => ({ id: String(bytes), data: new Uint8Array(bytes) });
    const third = Math.floor(ATTACHMENT_BYTES_PER_STEP / 3);
    const attachments = [file(third), file(third), file(third), file(ATTACHMENT_BYTES_PER_STEP * 4), file(10)];
    // A file larger than a step goes alone; no step is empty.
    expect([...steps('attachments', attachments)].map((s) => s.length)).toEqual([3, 1, 1]);
  });

  it('writes every row in transactions of at most a step each, and the book reads back whole', async () => {
    const book = generateDemoBook({ seed: 3, members: 200, years: 2, endMonth: '2025-12', photos: 2 });
    expect(book.duesPayments.length).toBeGreaterThan(3 * ROWS_PER_STEP);
    const sizes: number[] = [];
    const db = await buildBookDatabase(async (add, built) => {
      // Each step is a bulkAdd of its own, outside any transaction: IndexedDB gives it one of its own.
      const tables = Object.getPrototypeOf(built.table('members')) as { bulkAdd: (rows: unknown[]) => Promise<unknown> };
      const original = tables.bulkAdd;
      vi.spyOn(tables, 'bulkAdd').mockImplementation(function (this: unknown, rows: unknown[]) {
        sizes.push(Dexie.currentTransaction ? Infinity : rows.length);
        return original.call(this, rows);
      });
      for (const name of TABLE_NAMES) await add(name, book[name]);
    });
    expect(Math.max(...sizes)).toBeLessThanOrEqual(ROWS_PER_STEP);
    expect(sizes.length).toBeGreaterThan(book.duesPayments.length / ROWS_PER_STEP);
    vi.restoreAllMocks();
    expect(await readWholeBook(db)).toEqual(book);
    db.close();
    await Dexie.delete(db.name);
  });

  it('deletes what it built when the filling fails, and throws its error', async () => {
    const before = await Dexie.getDatabaseNames();
    const failing = vi.fn(async (add: (table: 'members', rows: unknown[]) => Promise<void>) => {
      await add('members', generateDemoBook({ seed: 4, members: 20, years: 1, endMonth: '2025-06' }).members);
      throw new Error('磁盘已满');
    });
    await expect(buildBookDatabase(failing)).rejects.toThrow('磁盘已满');
    expect(failing).toHaveBeenCalledOnce();
    expect(await Dexie.getDatabaseNames()).toEqual(before);
  });
});
