import { TABLE_LABELS, type TableName } from '../model/book';
import { textBoundsProblem, valueBoundsProblem, VALUE_BOUNDS } from './value-bounds';

/**
 * Names every JavaScript object answers to (`constructor`, `toString`, `valueOf`, `__proto__` …).
 * A field of that name would be read from the prototype instead of the row, so the merge would
 * acknowledge the change and silently drop it.
 */
const RESERVED_FIELDS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

export function isReservedField(name: string): boolean {
  return RESERVED_FIELDS.has(name);
}

/** A field name a row may not have, told like a value's problem; the fast check refuses these names before (fast-check.ts). */
export function checkFieldNames(table: TableName, rowId: string, fields: Readonly<Record<string, unknown>>): string | null {
  for (const field in fields) if (RESERVED_FIELDS.has(field)) return `${TABLE_LABELS[table]} ${rowId} 的字段 ${field}：字段名不允许使用`;
  return null;
}

/**
 * The one place the values of a pushed change's fields are checked, by the sync route's fast check
 * and by its schema alike, so a refusal reads the same either way: the table, the row and the
 * field. Field names and the change's shape are checked before (schemas.ts, checkFieldNames).
 *
 * Today these are the generic bounds every value keeps (value-bounds.ts). The per-table record
 * declarations (shared/records/check.ts, `fieldsProblems`) plug in here, after the bounds.
 */
export function checkChangeFields(table: TableName, rowId: string, fields: Readonly<Record<string, unknown>>): string | null {
  // Runs for every change of a first sync (hundreds of thousands): one pass, no allocation.
  for (const field in fields) {
    const problem = valueBoundsProblem(fields[field]);
    if (problem !== null) return `${TABLE_LABELS[table]} ${rowId} 的字段 ${field}：${problem}`;
  }
  return null;
}

/** The facts of a year's submission, each checked like a field; the message names the fact. */
export function checkSubmissionFacts(facts: Readonly<Record<string, unknown>>): string | null {
  const keys = Object.keys(facts);
  if (keys.length > VALUE_BOUNDS.maxItems) return `报送的年度数据超过 ${VALUE_BOUNDS.maxItems} 项`;
  for (const key of keys) {
    if (key.length > VALUE_BOUNDS.maxKeyChars || textBoundsProblem(key)) return '报送的年度数据中有名称不合法的项';
    const problem = valueBoundsProblem(facts[key]);
    if (problem) return `报送的年度数据 ${key}：${problem}`;
  }
  return null;
}
