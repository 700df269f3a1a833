import type { BookTables } from '../model/book';
import { BookErrors } from './errors';
import { upgradeBook } from './upgrade-book';
import { describeVerifyProblem } from './verify/problem';
import { checkRows } from './verify/rows';
import { verifyBook } from './verify/verify-book';

export interface Restorable {
  book: BookTables;
  /** What verify finds in a book that is well formed but not sound (kept: it is the user's own record). */
  warnings: string[];
}

/**
 * What a restore (or any whole-book replacement) accepts: a book whose every row is well formed for
 * its kind once upgraded to this version. A file with a malformed row is refused whole, naming the
 * first rows; a well-formed book that breaks a rule of the books is restored — it is the union's own
 * record — and the problems are returned so the user sees what to put right.
 */
export function checkRestorable(input: BookTables, today?: string): Restorable {
  const book = upgradeBook(input);
  const { problems } = checkRows(book);
  if (problems.length > 0) {
    const shown = problems.slice(0, 5).map((p) => ({ message: describeVerifyProblem(p) }));
    const more = problems.length > 5 ? [{ message: `等共 ${problems.length} 处，未做任何更改` }] : [{ message: '未做任何更改' }];
    throw new BookErrors([...shown, ...more]);
  }
  return { book, warnings: verifyBook(book, today).map(describeVerifyProblem) };
}
