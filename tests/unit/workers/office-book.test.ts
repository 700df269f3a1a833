import { unpackDuesYearView } from '../../../shared/dues/grid-wire';
import { paymentLines, unpackPaymentLines } from '../../../shared/dues/payment-list';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { generateDemoBook } from '../../../shared/demo/generator';
import { computeAnnualFacts, documentDate } from '../../../shared/facts/annual';
import { handoverFacts } from '../../../shared/handover/handover-facts';
import { base64ToBytes } from '../../../shared/sync/wire';
import { readWholeBook } from '../../../renderer/src/db/read-whole-book';
import { loadYearBook } from '../../../renderer/src/db/read-year-book';
import { loadAuditBook } from '../../../renderer/src/features/ledger/load';
import { auditReview } from '../../../shared/audit/review';
import { OFFICE } from '../../../renderer/src/workers/office-api';
import { freshDb } from '../db/helpers';
import { TODAY } from '../engine/fixture';
import { checkDuesAgreement } from '../../../shared/dues/agreement';
import { arrearsToday } from '../../../shared/dues/arrears-today';
import { buildDuesIndex } from '../../../shared/dues/data';
import { buildYearGrid } from '../../../shared/dues/grid';
import { dueThrough } from '../../../shared/dues/overdue';
import { arrearsContextOf } from '../../../shared/dues/year-view';

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

  it('counts 文档’s facts of a year as of a day from the year’s part of the book, with its photos', async () => {
    const db = await demoDb();
    const expected = computeAnnualFacts(await loadYearBook(db, 2025), 2025, { date: '2025-06-30' });
    const counted = await OFFICE.documentFacts(db.name, 2025, '2025-06-30');
    expect(counted.error).toBeNull();
    expect(counted.facts).toEqual(expected);
    // the whole year's facts differ: the day is the one asked for
    expect(counted.facts).not.toEqual(computeAnnualFacts(await readWholeBook(db), 2025, { date: '2025-12-20' }));
    expect(counted.photos.length).toBeGreaterThan(0);
    expect(counted.photos.every((p) => p.deleted === 0 && p.data.byteLength > 0)).toBe(true);
  });

  it('says why a document date gives no facts, in Chinese, without reading the book', async () => {
    const db = await demoDb();
    expect(await OFFICE.documentFacts(db.name, 2025, '2024-12-31')).toEqual({
      facts: null,
      error: '成文日期 2024-12-31 早于 2025 年，无法统计该年度',
      photos: [],
    });
    expect((await OFFICE.documentFacts(db.name, 2025, '2025-02-30')).error).toBe('成文日期不存在：2025-02-30');
  });

  it('reviews a year’s accounts (经费审查) as the page did, from the database opened by name', async () => {
    const db = await demoDb();
    const expected = auditReview(await loadAuditBook(db, 2025), 2025, DATE);
    const counted = await OFFICE.auditReview(db.name, 2025, DATE);
    expect(counted.error).toBeNull();
    expect(counted.review).toEqual(expected);
    expect(counted.review?.checks.length).toBeGreaterThan(0);
    // what the worker sends the page must survive the trip
    expect(structuredClone(counted)).toEqual(counted);
  });

  it('counts the 会费 page of a year as from the whole book; the agreement reads the payments paid in the year, whatever month they pay', async () => {
    const db = await demoDb();
    // a late payment: a month of 2023 (before the payments the page reads) paid in 2025, booked nowhere
    const first = (await db.table('duesPayments').toCollection().first()) as Record<string, unknown>;
    await db
      .table('duesPayments')
      .add({ ...first, id: 'late-2023-06', month: '2023-06', paidDate: '2025-02-03', amountFen: 1234, batchId: 'late' });
    const book = await readWholeBook(db);
    const context = arrearsContextOf(book.union, book.openingBalances);
    const counted = await OFFICE.duesYear(db.name, 2025, DATE);
    expect(counted.error).toBeNull();
    // What the page gets: the answer copied across threads, its packed grid unpacked.
    const view = unpackDuesYearView(structuredClone(counted.view!));
    expect(view.grid).toEqual(buildYearGrid(book, 2025, context.rule, dueThrough(2025, DATE), context.booksStart));
    expect(view.grid.rows.length).toBeGreaterThan(30);
    expect(view.arrears).toEqual(arrearsToday({ data: book, index: buildDuesIndex(book) }, context, DATE));
    const agreement = checkDuesAgreement(book.duesPayments, book.transactions, 2025);
    expect(view.agreement).toEqual(agreement);
    expect(agreement.ok).toBe(false);
    expect(agreement.problems).toContain('有一批会费 12.34 元没有记入 401 会费收入');
    expect(view.years).toEqual([2026, 2025, 2024, 2023]);
    expect(view.unpaidPeople).toBe(view.grid.rows.filter((r) => r.cells.some((c) => c.state === 'unpaid')).length);
  });

  it('lists a year’s 缴费记录 as from the whole book', async () => {
    const db = await demoDb();
    const book = await readWholeBook(db);
    const listed = await OFFICE.paymentLines(db.name, 2025);
    expect(listed.error).toBeNull();
    const lines = unpackPaymentLines(structuredClone(listed.lines!));
    expect(lines).toEqual(paymentLines(book.members, book.duesPayments, 2025));
    expect(lines.length).toBeGreaterThan(100);
    expect(new Set(lines.map((l) => l.month.slice(0, 4)))).toEqual(new Set(['2025']));
  });
});
