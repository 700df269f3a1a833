import type { AnnualFacts } from '../../../shared/facts/types';
import type { AuditReview } from '../../../shared/audit/review';
import type { LedgerOptions } from '../../../shared/dues/ledger-xlsx';
import type { Journal } from '../../../shared/finance/journal';
import type { JournalXlsxOptions } from '../../../shared/finance/journal-xlsx';
import type { Statement } from '../../../shared/finance/statement';
import type { StatementXlsxOptions } from '../../../shared/finance/statement-xlsx';
import type { Attachment, Member, WageBase } from '../../../shared/model/records';
import type { SheetRow } from '../../../shared/roster/cells';
import type { RosterExportOptions } from '../../../shared/roster/export-xlsx';
import type { PlanInput, RejectedRow } from '../../../shared/roster/plan';
import type { IsoDate } from '../../../shared/model/records';
import type { BookTables } from '../../../shared/model/book';
import type { BookDatabase } from '../db/book-database';
import type { PackedDuesYearView, PackedYearGrid } from '../../../shared/dues/grid-wire';
import type { PackedPaymentLines } from '../../../shared/dues/payment-list';
import { auditReviewError, duesYearError, paymentLinesError, yearFactsError } from './count-errors';

async function wordDocument(source: string, facts: AnnualFacts, attachments: readonly Pick<Attachment, 'id' | 'data' | 'mimeType'>[]) {
  const { generateDocx } = await import('../../../shared/documents/generate');
  const byId = new Map(attachments.map((a) => [a.id, a]));
  return generateDocx(source, facts, (id) => byId.get(id));
}

/** A year's facts and a Word file of each template (base64, named by its title), from the whole book. */
export async function yearReportOf(book: BookTables, year: number, templates: readonly string[]) {
  const [{ computeAnnualFacts, documentDate }, { buildDocument, documentFileName }, { bytesToBase64 }] = await Promise.all([
    import('../../../shared/facts/annual'),
    import('../../../shared/documents/generate'),
    import('../../../shared/sync/wire'),
  ]);
  const facts = computeAnnualFacts(book, year, { today: documentDate(year) });
  const documents = [];
  for (const source of templates) {
    const { meta, bytes } = await wordDocument(source, facts, book.attachments);
    documents.push({ name: documentFileName(buildDocument(source, facts).model, meta, year), base64: bytesToBase64(bytes) });
  }
  return { facts, documents };
}

/** The book's database opened by name where this runs (as 备份's worker does), read, then closed. */
async function withBook<T>(databaseName: string, read: (db: BookDatabase) => Promise<T>): Promise<T> {
  const { openBookDatabase } = await import('../db/current-database');
  const db = await openBookDatabase(databaseName);
  try {
    return await read(db);
  } finally {
    db.close();
  }
}

async function readBook(databaseName: string): Promise<BookTables> {
  const { readWholeBook } = await import('../db/read-whole-book');
  return withBook(databaseName, readWholeBook);
}

/** A year's 经费审查, or the reason there is none. */
export interface CountedReview {
  review: AuditReview | null;
  error: string | null;
}

/** What the 会费 page shows of a year (its grid packed to cross threads: unpackDuesYearView), or why it could not be counted. */
export interface CountedDuesYear {
  view: PackedDuesYearView | null;
  error: string | null;
}

/** A year's 缴费记录 (packed to cross threads: unpackPaymentLines), or why it could not be read. */
export interface ListedPayments {
  lines: PackedPaymentLines | null;
  error: string | null;
}

/** A year's facts for its documents, or the reason there are none. */
export interface DocumentFacts {
  facts: AnnualFacts | null;
  error: string | null;
  photos: Attachment[];
}

/**
 * What the office worker does for the page: reading and planning a roster, writing every workbook
 * and Word document, and reading and counting the whole book for 交接 and a year's 报送. Each is the
 * shared/ function itself, loaded inside the worker on first use, so exceljs, docx and a long book's
 * count never run on the page's thread.
 */
export const OFFICE = {
  async readRoster(fileName: string, bytes: Uint8Array) {
    const { readRosterFile } = await import('../../../shared/roster/read');
    return readRosterFile(fileName, bytes);
  },
  async planRosterImport(input: PlanInput, existing: readonly Member[], options: { year: number; today?: IsoDate }) {
    const { planImport } = await import('../../../shared/roster/plan');
    return planImport(input, existing, options);
  },
  async rosterWorkbook(members: readonly Member[], wageBases: readonly WageBase[], options: RosterExportOptions) {
    const { writeRosterWorkbook } = await import('../../../shared/roster/export-xlsx');
    return writeRosterWorkbook(members, wageBases, options);
  },
  async rejectedWorkbook(headers: readonly string[], rows: readonly SheetRow[], rejected: readonly RejectedRow[]) {
    const { writeRejectedWorkbook } = await import('../../../shared/roster/rejected-xlsx');
    return writeRejectedWorkbook(headers, rows, rejected);
  },
  /** The grid arrives packed (shared/dues/grid-wire.ts): as an object per cell its copy held the window. */
  async ledgerWorkbook(grid: PackedYearGrid, options: LedgerOptions) {
    const [{ buildLedgerXlsx }, { unpackYearGrid }] = await Promise.all([
      import('../../../shared/dues/ledger-xlsx'),
      import('../../../shared/dues/grid-wire'),
    ]);
    return buildLedgerXlsx(unpackYearGrid(grid), options);
  },
  async journalWorkbook(journal: Journal, options: JournalXlsxOptions) {
    const { journalXlsx } = await import('../../../shared/finance/journal-xlsx');
    return journalXlsx(journal, options);
  },
  async statementWorkbook(statement: Statement, options: StatementXlsxOptions) {
    const { statementXlsx } = await import('../../../shared/finance/statement-xlsx');
    return statementXlsx(statement, options);
  },
  /** The photos a document shows travel with it: the worker has no database of its own. */
  wordDocument,
  /**
   * 交接's facts, the book read and counted here: on the page a long book's read and count held the
   * window for seconds. The worker opens the book's database by name, as 备份's does.
   */
  async handoverFacts(databaseName: string, date: IsoDate) {
    const { handoverFacts } = await import('../../../shared/handover/handover-facts');
    return handoverFacts(await readBook(databaseName), date);
  },
  /**
   * 文档's figures: the year's facts as of the document's date, with the photos its activities show,
   * or why there are none (a date outside the year, books that cannot be summed). Read and counted
   * here: on the page a long book's year held the window on every change of date and every save.
   */
  async documentFacts(databaseName: string, year: number, date: IsoDate): Promise<DocumentFacts> {
    const [{ loadYearBook }, { computeAnnualFacts, documentDateProblem }] = await Promise.all([
      import('../db/read-year-book'),
      import('../../../shared/facts/annual'),
    ]);
    const problem = documentDateProblem(year, date);
    if (problem) return { facts: null, error: problem, photos: [] };
    try {
      const book = await withBook(databaseName, (db) => loadYearBook(db, year));
      return { facts: computeAnnualFacts(book, year, { date }), error: null, photos: book.attachments };
    } catch (error) {
      // e.g. an entry on an account code the chart does not know: say so instead of breaking the page
      return { facts: null, error: yearFactsError(year, error), photos: [] };
    }
  },
  /**
   * 经费审查 of a year as of `today`, read and counted here: the review reads every entry and the
   * year's payments, which held the window on a long book at every change.
   */
  async auditReview(databaseName: string, year: number, today: IsoDate): Promise<CountedReview> {
    const [{ loadAuditBook }, { auditReview }] = await Promise.all([
      import('../features/ledger/load'),
      import('../../../shared/audit/review'),
    ]);
    try {
      const book = await withBook(databaseName, (db) => loadAuditBook(db, year));
      return { review: auditReview(book, year, today), error: null };
    } catch (error) {
      return { review: null, error: auditReviewError(year, error) };
    }
  },
  /**
   * What the 会费 page shows of a year on a day: the 台账 grid, arrears, the agreement with the books
   * and the years it offers. Read and counted here: on the page, building two years of a large
   * union's payments into lookups, the grid and the arrears held the window for seconds at every
   * posting, and the agreement read every payment of every year.
   */
  async duesYear(databaseName: string, year: number, today: IsoDate): Promise<CountedDuesYear> {
    const [{ readDuesYear }, { duesYearView }, { packDuesYearView }] = await Promise.all([
      import('../db/read-dues-year'),
      import('../../../shared/dues/year-view'),
      import('../../../shared/dues/grid-wire'),
    ]);
    try {
      const input = await withBook(databaseName, (db) => readDuesYear(db, year, today));
      return { view: packDuesYearView(duesYearView(input, year, today)), error: null };
    } catch (error) {
      return { view: null, error: duesYearError(year, error) };
    }
  },
  /**
   * 缴费记录 of a year, listed here: a large union's year is some 60,000 payments, and reading them,
   * naming each and sorting them held the window for a third of a second (more on an old PC) each
   * time the tab opened or a payment was written.
   */
  async paymentLines(databaseName: string, year: number): Promise<ListedPayments> {
    const [{ readPaymentLines }, { packPaymentLines }] = await Promise.all([
      import('../db/read-payment-lines'),
      import('../../../shared/dues/payment-list'),
    ]);
    try {
      return { lines: packPaymentLines(await withBook(databaseName, (db) => readPaymentLines(db, year))), error: null };
    } catch (error) {
      return { lines: null, error: paymentLinesError(year, error) };
    }
  },
  /**
   * A year's report to the upper union: the year's facts and a Word file of each template, named by
   * its title. The book is read, counted and written here: on the page a long book's read and count
   * held the window for seconds.
   */
  async yearReport(databaseName: string, year: number, templates: readonly string[]) {
    return yearReportOf(await readBook(databaseName), year, templates);
  },
  /** Loads the libraries ahead of the first use, off the page's thread. */
  async warmUp() {
    await Promise.all([import('../../../shared/roster/read'), import('../../../shared/documents/generate')]);
    return true;
  },
};

export type OfficeApi = typeof OFFICE;
