import type { BookTables, RecordOf, TableName } from '../model/book';
import { upgradeRow } from '../records/upgrade';
import { BookErrors } from './errors';
import { upgradeBook } from './upgrade-book';
import { IdSet } from './verify/id-set';
import { describeVerifyProblem, type VerifyProblem } from './verify/problem';
import { checkRow, checkRows } from './verify/rows';
import { verifyBook } from './verify/verify-book';

export interface Restorable {
  book: BookTables;
  /** What verify finds in a book that is well formed but not sound (kept: it is the user's own record). */
  warnings: string[];
}

/** Problems named in the refusal; the rest are counted. */
const SHOWN = 5;

/**
 * What a restore (or any whole-book replacement) accepts: a book whose every row is well formed for
 * its kind once upgraded to this version. A file with a malformed row is refused whole, naming the
 * first rows; a well-formed book that breaks a rule of the books is restored — it is the union's own
 * record — and the problems are returned so the user sees what to put right.
 */
export function checkRestorable(input: BookTables, today?: string): Restorable {
  const book = upgradeBook(input);
  const { problems } = checkRows(book);
  if (problems.length > 0) refuse(problems.slice(0, SHOWN), problems.length);
  return { book, warnings: restoreWarnings(book, today) };
}

/** The rules of the books a restored book breaks, as the restore dialog lists them. */
export function restoreWarnings(book: BookTables, today?: string): string[] {
  return verifyBook(book, today).map(describeVerifyProblem);
}

/**
 * The same acceptance as checkRestorable, a row at a time, for a restore that streams the file into
 * a staging area instead of holding the book: each row is upgraded and checked as it comes, and
 * `finish` refuses the whole file, naming the first rows, if any failed. Only the ids of each table
 * so far are kept, to find one given twice, packed in an IdSet: a large book's 639k ids take 16 MiB
 * there, 54 MiB as strings in a Set.
 */
export class RestorableRows {
  private readonly first: VerifyProblem[] = [];
  private count = 0;
  private readonly seen = new Map<TableName, { ids: IdSet; rows: number }>();

  /** Whether a row has failed: the rows after it need only be checked, no longer kept. */
  get failed(): boolean {
    return this.count > 0;
  }

  /** The row upgraded to this version, or null when it fails (the problem is kept for `finish`). */
  check<T extends TableName>(table: T, input: unknown): RecordOf<T> | null {
    let state = this.seen.get(table);
    if (!state) this.seen.set(table, (state = { ids: new IdSet(), rows: 0 }));
    const row =
      typeof input === 'object' && input !== null && !Array.isArray(input) ? upgradeRow(table, input as Record<string, unknown>) : input;
    const problems = checkRow(table, row, state.rows++, state.ids);
    if (problems.length === 0) return row as RecordOf<T>;
    this.count += problems.length;
    for (const p of problems) if (this.first.length < SHOWN) this.first.push(p);
    return null;
  }

  /** Throws the refusal when any row failed. */
  finish(): void {
    if (this.count > 0) refuse(this.first, this.count);
  }
}

function refuse(shown: readonly VerifyProblem[], total: number): never {
  const more = total > SHOWN ? [{ message: `等共 ${total} 处，未做任何更改` }] : [{ message: '未做任何更改' }];
  throw new BookErrors([...shown.map((p) => ({ message: describeVerifyProblem(p) })), ...more]);
}
