import { TABLE_LABELS, type TableName } from '../../model/book';

/** One broken invariant, tied to the table and row where it shows. */
export interface VerifyProblem {
  table: TableName;
  /** The row's id ('' for a problem of the whole table or book). */
  rowId: string;
  /** How a person finds the row: a voucher number, a member's name, a month. */
  label?: string;
  message: string;
}

export function describeVerifyProblem(p: VerifyProblem): string {
  const where = [TABLE_LABELS[p.table], p.label, p.rowId ? `（${p.rowId}）` : ''].filter(Boolean).join(' ');
  return `${where}：${p.message}`;
}
