import type { RecordOf, TableName } from '../model/book';
import { describeProblem, firstRowProblem } from '../records/check';
import { BookError } from './errors';

/**
 * Every row a store writes passes its record declaration first (types, ranges, no control
 * characters, no unknown fields), whatever path it came by: a form, an import, the command line.
 */
export function assertValidRow<T extends TableName>(table: T, row: RecordOf<T>): void {
  const first = firstRowProblem(table, row);
  if (first) throw new BookError(describeProblem(first), first.field);
}
