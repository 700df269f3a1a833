import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { generateDemoBook } from '../../../shared/demo/generator';
import { computeAnnualFacts, documentDate } from '../../../shared/facts/annual';
import { handoverFacts } from '../../../shared/handover/handover-facts';
import { base64ToBytes } from '../../../shared/sync/wire';
import { readWholeBook } from '../../../renderer/src/db/read-whole-book';
import { OFFICE } from '../../../renderer/src/workers/office-api';
import { freshDb } from '../db/helpers';
import { TODAY } from '../engine/fixture';

const DATE = '2025-12-20';

async function demoDb() {
  const { db, mutator } = await freshDb(undefined, TODAY);
  await mutator.replaceBook(generateDemoBook({ seed: 11, members: 40, years: 2, endMonth: '2025-12', today: DATE, photos: 1 }));
  return db;
}

/** The office worker's work on the whole book: it opens the book's database by name, as the page would not. */
describe('the office worker reading the book itself', () => {
  it('counts 交接’s facts as the page would, and leaves the database usable', async () => {
    const db = await demoDb();
    const expected = handoverFacts(await readWholeBook(db), DATE);
    const facts = await OFFICE.handoverFacts(db.name, DATE);
    expect(facts).toEqual(expected);
    expect(facts.members).toBeGreaterThan(0);
    expect(facts.vouchers.length).toBeGreaterThan(0);
    // The worker's own connection is closed: the page's still reads.
    expect(await db.table('members').count()).toBeGreaterThan(0);
  });

  it('counts a year’s report and writes a Word file of each template, named by its title', async () => {
    const db = await demoDb();
    const expected = computeAnnualFacts(await readWholeBook(db), 2025, { today: documentDate(2025) });
    const source = '---\nname: 工作总结\nkind: annual-summary\n---\n# {{ year }}年工会工作总结\n\n会员 {{ members.total }} 人。\n';
    const report = await OFFICE.yearReport(db.name, 2025, [source]);
    expect(report.facts).toEqual(expected);
    expect(report.documents.map((d) => d.name)).toEqual(['2025年工会工作总结.docx']);
    // A .docx is a zip: it starts with the local file header.
    expect([...base64ToBytes(report.documents[0]!.base64).subarray(0, 2)]).toEqual([0x50, 0x4b]);
  });
});
