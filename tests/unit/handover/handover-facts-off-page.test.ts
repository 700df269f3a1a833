import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { generateDemoBook } from '../../../shared/demo/generator';
import { handoverFacts } from '../../../shared/handover/handover-facts';
import { readWholeBook } from '../../../renderer/src/db/read-whole-book';
import { OFFICE } from '../../../renderer/src/workers/office-api';
import { freshDb } from '../db/helpers';
import { TODAY } from '../engine/fixture';

const DATE = '2025-12-20';

describe('交接’s facts counted where the office worker runs', () => {
  it('open the book’s database by name and state what the page would count, leaving the database usable', async () => {
    const { db, mutator } = await freshDb(undefined, TODAY);
    await mutator.replaceBook(generateDemoBook({ seed: 11, members: 40, years: 2, endMonth: '2025-12', today: DATE, photos: 1 }));
    const expected = handoverFacts(await readWholeBook(db), DATE);
    const facts = await OFFICE.handoverFacts(db.name, DATE);
    expect(facts).toEqual(expected);
    expect(facts.members).toBeGreaterThan(0);
    expect(facts.vouchers.length).toBeGreaterThan(0);
    // The worker's own connection is closed: the page's still reads and writes.
    expect(await db.table('members').count()).toBeGreaterThan(0);
  });
});
