import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';
import { TABLE_NAMES } from '../../../shared/model/book';
import { LIMITS, type WireChange } from '../../../shared/sync/protocol';
import { UnionBooksDB } from '../../../renderer/src/db/database';
import { openMutator } from '../../../renderer/src/db/mutations';
import { nextBootstrapBatch } from '../../../renderer/src/features/sync/outgoing';
import type { BootstrapProgress } from '../../../renderer/src/features/sync/state';

/** A first sync's batches: the whole book, each row once, read a page at a time with the window's turn between pages. */
describe('the first sync’s batches', () => {
  it('send every row once, table by table in id order, reading a page at a time', async () => {
    const db = new UnionBooksDB('bootstrap-batches');
    const mutator = await openMutator(db);
    const book = generateDemoBook({ ...SMALL_DEMO, endMonth: '2025-12' });
    await mutator.replaceBook(book);
    const rows = book as unknown as Record<string, { id: string }[]>;
    const biggest = Math.max(...TABLE_NAMES.map((t) => rows[t]?.length ?? 0));
    // Several pages in one table, so the paging is exercised.
    expect(biggest).toBeGreaterThan(2000);

    let progress: BootstrapProgress = { done: false, tableIndex: 0, lastId: '', sent: 0, total: 0 };
    const batches: WireChange[][] = [];
    let pauses = 0;
    while (!progress.done) {
      const { changes, next } = await nextBootstrapBatch(db, mutator.deviceId, progress, async () => {
        pauses++;
      });
      if (changes.length) batches.push(changes);
      progress = next;
    }

    for (const batch of batches) {
      expect(batch.length).toBeLessThanOrEqual(batch[0]!.table === 'attachments' ? 50 : LIMITS.maxChangesPerPush);
      expect(new Set(batch.map((c) => c.table)).size).toBe(1);
    }
    const sent = batches.flat().map((c) => `${c.table}/${c.rowId}`);
    const expected = TABLE_NAMES.flatMap((t) =>
      (rows[t] ?? [])
        .map((r) => r.id)
        .sort()
        .map((id) => `${t}/${id}`),
    );
    expect(sent).toEqual(expected);
    expect(progress.sent).toBe(expected.length);
    // A turn after every full page of 1,000 rows read.
    expect(pauses).toBeGreaterThanOrEqual(Math.floor(biggest / 1000));
    db.close();
  });
});
