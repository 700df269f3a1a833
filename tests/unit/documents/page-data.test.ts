import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UnionBooksDB } from '../../../renderer/src/db/database';
import { openMutator, type Mutator } from '../../../renderer/src/db/mutations';
import { BUNDLED } from '../../../renderer/src/features/documents/bundled';
import { copyTemplate, saveTemplate, saveYearNote } from '../../../renderer/src/features/documents/mutations';
import { loadYearBook } from '../../../renderer/src/db/read-year-book';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';
import { computeAnnualFacts } from '../../../shared/facts/annual';
import { emptySections } from '../../../shared/facts/sections';
import { smallBook } from '../facts/small-book';

let db: UnionBooksDB;
let mutator: Mutator;

beforeEach(async () => {
  db = new UnionBooksDB(`documents-${Math.random()}`);
  await db.open();
  mutator = await openMutator(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('文档 page data', () => {
  it('loads the year from IndexedDB and gets the same facts as the whole book', async () => {
    const book = smallBook();
    await mutator.replaceBook(book);
    const fromDb = computeAnnualFacts(await loadYearBook(db, 2025), 2025);
    expect(fromDb).toEqual(computeAnnualFacts(book, 2025));
  });

  it('loads what a year’s documents count, last year included, to any document date', async () => {
    const book = generateDemoBook({ ...SMALL_DEMO, endMonth: '2026-12', today: '2026-12-31' });
    await mutator.replaceBook(book);
    const loaded = await loadYearBook(db, 2026);
    for (const date of ['2026-06-30', '2026-12-01', '2026-12-31']) {
      const fromDb = computeAnnualFacts(loaded, 2026, { date });
      expect(fromDb).toEqual(computeAnnualFacts(book, 2026, { date }));
      expect(fromDb.previous.available).toBe(true);
    }
  });

  it('keeps one narrative row per year, through the outbox', async () => {
    const id = await saveYearNote(mutator, 2025, null, { ...emptySections(), work: '甲' });
    expect(await saveYearNote(mutator, 2025, id, { ...emptySections(), work: '乙', problems: '问题' })).toBe(id);
    const rows = await db.yearNotes.toArray();
    expect(rows.map((r) => [r.year, r.sections.work, r.sections.problems, r.sections.members])).toEqual([[2025, '乙', '问题', '']]);
    expect(await db.$changes.where('table').equals('yearNotes').count()).toBe(2);
  });

  it('copies a bundled template under a new name and saves edits to the copy only', async () => {
    const bundled = BUNDLED[0]!;
    const copy = await copyTemplate(mutator, bundled.source, bundled.key);
    expect(copy.name).toBe('年度工会工作总结（副本）');
    expect(copy.source).toContain('name: 年度工会工作总结（副本）');
    expect(copy).toMatchObject({ kind: 'annual-summary', origin: 'local', basedOn: 'bundled:annual-summary' });
    await saveTemplate(mutator, copy, copy.source.replace('name: 年度工会工作总结（副本）', 'name: 我的总结'));
    const saved = await db.templates.get(copy.id);
    expect(saved!.name).toBe('我的总结');
    expect(BUNDLED[0]!.source).toContain('name: 年度工会工作总结\n');
  });
});
