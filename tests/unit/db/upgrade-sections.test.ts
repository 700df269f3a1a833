import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { UnionBooksDB } from '../../../renderer/src/db/database';
import { SCHEMA_V4, SCHEMA_VERSION } from '../../../renderer/src/db/schema';
import { rowProblems } from '../../../shared/records/check';
import { upgradeRow } from '../../../shared/records/upgrade';

const meta = (id: string) => ({ id, updatedAt: '000001700000000-000000-dev1', deviceId: 'dev1', deleted: 0 });

describe('year notes of earlier versions', () => {
  it('Dexie version 4 → 5 moves the three boxes into their sections, every word kept, nothing to the outbox', async () => {
    const name = `upgrade-sections-${process.pid}-${Math.random()}`;
    const v4 = new Dexie(name);
    v4.version(4).stores(SCHEMA_V4);
    await v4.open();
    await v4.table('yearNotes').bulkAdd([
      { ...meta('n1'), year: 2024, highlights: '技能比武', problems: '干部兼职\n培训不足', nextYearPlan: '换届选举' },
      { ...meta('n2'), year: 2025, highlights: '', problems: '', nextYearPlan: '' },
    ]);
    v4.close();

    const db = new UnionBooksDB(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    const n1 = await db.yearNotes.get('n1');
    expect(n1).toMatchObject({ year: 2024, updatedAt: meta('n1').updatedAt });
    expect(n1?.sections).toMatchObject({ work: '技能比武', problems: '干部兼职\n培训不足', plan: '换届选举', members: '', income: '' });
    expect(n1).not.toHaveProperty('highlights');
    expect(rowProblems('yearNotes', n1)).toEqual([]);
    expect((await db.yearNotes.get('n2'))?.sections.work).toBe('');
    expect(await db.$changes.count()).toBe(0);
    db.close();
    await db.delete();
  });

  it('a row from an older device or backup reads the same way; a newer section it lacks reads as empty', () => {
    const old = upgradeRow('yearNotes', { ...meta('n3'), year: 2023, highlights: '甲', problems: '', nextYearPlan: '丙' });
    expect(old.sections).toMatchObject({ work: '甲', problems: '', plan: '丙', funds: '' });
    const partial = upgradeRow('yearNotes', { ...meta('n4'), year: 2023, sections: { work: '乙' } });
    expect(partial.sections).toMatchObject({ work: '乙', members: '', nextSteps: '' });
    // Present sections are never overwritten by an empty earlier field.
    const both = upgradeRow('yearNotes', { ...meta('n5'), year: 2023, highlights: '', sections: { work: '留下' } });
    expect(both.sections.work).toBe('留下');
  });
});
