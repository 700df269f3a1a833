import type { TableName } from '../model/book';
import { describeProblem, fieldsProblems, valueProblem } from '../records/check';
import type { FieldSpec } from '../records/spec';
import { RECORDS } from '../records/tables';
import type { WireChange } from './protocol';
import { textBoundsProblem, valueBoundsProblem, VALUE_BOUNDS } from './value-bounds';

/**
 * Names every JavaScript object answers to (`constructor`, `toString`, `valueOf`, `__proto__` …).
 * A field of that name would be read from the prototype instead of the row, so the merge would
 * acknowledge the change and silently drop it. No version of the app ever had such a field.
 */
const RESERVED_FIELDS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

export function isReservedField(name: string): boolean {
  return RESERVED_FIELDS.has(name);
}

/** A field name a row may not have, told like a value's problem; the fast check refuses these names before (fast-check.ts). */
export function checkFieldNames(table: TableName, rowId: string, fields: Readonly<Record<string, unknown>>): string | null {
  for (const field in fields) if (RESERVED_FIELDS.has(field)) return describeProblem({ table, rowId, field, message: '字段名不允许使用' });
  return null;
}

/** The sync fields a change may carry besides the declared ones (`updatedAt` and `deviceId` are refused by name before). */
const META_FIELDS: ReadonlySet<string> = new Set(['id', 'deleted']);

const declarations = RECORDS as { readonly [T in TableName]: { fields: Readonly<Record<string, FieldSpec>> } };

function declared(table: TableName, field: string): FieldSpec | undefined {
  const fields = declarations[table].fields;
  return Object.hasOwn(fields, field) ? fields[field] : undefined;
}

/**
 * The one place the values of a pushed change's fields are checked, by the sync route's fast check
 * and by its schema alike, so a refusal reads the same either way: the table, the row and the
 * field's label (`会员 r1 的“姓名”：…`, shared/records/check.ts). Field names and the change's
 * shape are checked before (schemas.ts, checkFieldNames).
 *
 * A field its record kind declares is held to its declaration (type, range, length, the characters
 * of text): the same rules the book engine, restore and verify apply. A field no declaration knows
 * (one an older version had, like the union's `backupFolder`, or a newer version's) is held to the
 * generic bounds only; the server then drops it (keepDeclaredFields) rather than refuse the change.
 */
export function checkChangeFields(table: TableName, rowId: string, fields: Readonly<Record<string, unknown>>): string | null {
  for (const field in fields) {
    const value = fields[field];
    const spec = declared(table, field);
    if (spec) {
      if (spec.kind === 'date' && validDates.has(value)) continue;
      const message = valueProblem(spec, value);
      if (message !== null) return describeProblem({ table, rowId, field, message });
      // '' passes only where a date may be empty, so only real dates are remembered.
      if (spec.kind === 'date' && value !== '' && validDates.size < MAX_REMEMBERED) validDates.add(value);
    } else if (field === 'id' && value === rowId) {
      // The row's own id, whose form the shape check tested (schemas.ts, fast-check.ts).
      continue;
    } else if (META_FIELDS.has(field)) {
      if (field === 'deleted' && validDeleted.has(value)) continue;
      const [problem] = fieldsProblems(table, rowId, { [field]: value });
      if (problem) return describeProblem(problem);
      if (field === 'deleted') validDeleted.add(value);
    } else {
      const message = valueBoundsProblem(value);
      if (message !== null) return describeProblem({ table, rowId, field, message });
    }
  }
  return null;
}

/**
 * A first sync sends hundreds of thousands of changes; most carry a tombstone flag and a few
 * dates, from a small set of values, and a date is the costliest value to check. A value that
 * passed once is not checked again. Only values that passed are kept, and a bounded number, so
 * made-up values cannot grow the sets without bound.
 */
const MAX_REMEMBERED = 20_000;
const validDates = new Set<unknown>();
const validDeleted = new Set<unknown>();

/** Fields the server dropped from a batch, as `table.field` with how many changes carried each. */
export type DroppedFields = Map<string, number>;

/**
 * The changes with only the fields their record kinds declare (and `id`, `deleted`). A field no
 * declaration knows is never stored: every device would otherwise skip the whole row when it pulls
 * it (its declarations do not know the field either, renderer/src/features/sync/apply.ts), and the
 * server could not say what it holds. Refusing the change instead would set it aside on the device
 * for good: the user can correct a value, but cannot remove a field the app itself sends. A change
 * left with no field at all stays in the list, to be acknowledged, and changes nothing.
 */
export function keepDeclaredFields(changes: readonly WireChange[]): { changes: WireChange[]; dropped: DroppedFields } {
  const dropped: DroppedFields = new Map();
  const kept = (table: TableName, field: string) => declared(table, field) !== undefined || META_FIELDS.has(field);
  const out = changes.map((change) => {
    const names = Object.keys(change.fields);
    if (names.every((field) => kept(change.table, field))) return change;
    const fields: Record<string, unknown> = {};
    for (const field of names) {
      if (kept(change.table, field)) fields[field] = change.fields[field];
      else dropped.set(`${change.table}.${field}`, (dropped.get(`${change.table}.${field}`) ?? 0) + 1);
    }
    return { ...change, fields };
  });
  return { changes: out, dropped };
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
