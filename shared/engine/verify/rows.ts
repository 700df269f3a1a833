import { TABLE_NAMES, type BookTables, type TableName } from '../../model/book';
import { rowProblems } from '../../records/check';
import { RECORDS } from '../../records/tables';
import { IdSet } from './id-set';
import type { VerifyProblem } from './problem';

/** The ids of a table so far: an IdSet, or any Set of strings. */
export interface SeenIds {
  has(id: string): boolean;
  add(id: string): unknown;
}

/**
 * Each row against its record declaration (types, ranges, characters, no unknown fields), and ids
 * unique per table. Returns the problems and the rows that passed, per table: the other checks
 * read only sound rows, so one row of the wrong type cannot make them fail or print nonsense.
 */
export function checkRows(book: BookTables): { problems: VerifyProblem[]; sound: BookTables } {
  const problems: VerifyProblem[] = [];
  const sound = {} as Record<TableName, unknown[]>;
  for (const table of TABLE_NAMES) {
    const rows: unknown = book[table];
    sound[table] = [];
    if (!Array.isArray(rows)) {
      problems.push({ table, rowId: '', message: '数据不是记录列表' });
      continue;
    }
    const seen = new IdSet();
    rows.forEach((row: unknown, i) => {
      const found = checkRow(table, row, i, seen);
      problems.push(...found);
      if (found.length === 0) sound[table].push(row);
    });
  }
  return { problems, sound: sound as unknown as BookTables };
}

/**
 * One row of `table`, the `index`-th of its table, against its record declaration, and its id against
 * `seen` (the ids of the table so far, which it joins). A restore checks rows this way as they stream in.
 */
export function checkRow(table: TableName, row: unknown, index: number, seen: SeenIds): VerifyProblem[] {
  const problems: VerifyProblem[] = [];
  const id = typeof (row as { id?: unknown })?.id === 'string' ? (row as { id: string }).id : '';
  for (const p of rowProblems(table, row)) {
    const spec = (RECORDS[table].fields as Record<string, { label: string } | undefined>)[p.field];
    problems.push({
      table,
      rowId: id,
      label: id ? undefined : `第 ${index + 1} 条`,
      message: `${spec ? `“${spec.label}”` : p.field || '记录'}${p.message}`,
    });
  }
  if (id && seen.has(id)) problems.push({ table, rowId: id, message: '记录编号重复' });
  if (id) seen.add(id);
  return problems;
}
