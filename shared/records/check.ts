import { isRealDate } from '../idcard/gb11643';
import type { RecordOf, TableName } from '../model/book';
import { HLC_PATTERN, ID_PATTERN } from '../sync/patterns';
import { MAX_FEN, type FieldSpec } from './spec';
import { RECORDS } from './tables';

/** One problem of one field of one row, worded for a person: `会员 第 3 条 的“姓名”：…`. */
export interface RecordProblem {
  table: TableName;
  rowId: string;
  field: string;
  message: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
// U+0000 breaks PostgreSQL text and many readers; a lone surrogate is not text at all.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const BAD_CHAR = /[\u0000]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

export function textProblem(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return '应为文字';
  if (value.length > max) return `不能超过 ${max} 个字`;
  if (BAD_CHAR.test(value)) return '含有不允许的控制字符或无效字符';
  return null;
}

/**
 * Removes what a person never typed on purpose: control characters other than tab and line
 * breaks, and lone surrogates. Importers run every cell through it before it reaches the book.
 */
export function cleanText(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
  );
}

function bytesLength(value: unknown): number | null {
  if (value instanceof Uint8Array) return value.length;
  // On the wire bytes travel as { $bytes: base64 } (shared/sync/wire.ts).
  if (isPlainObject(value) && Object.keys(value).length === 1 && typeof value.$bytes === 'string') {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value.$bytes)) return null;
    return Math.floor((value.$bytes.length * 3) / 4);
  }
  return null;
}

const LIMIT_KEYS = [
  'birthdayFen',
  'weddingFen',
  'birthFen',
  'hospitalFen',
  'hospitalSurgeryFen',
  'deathMemberFen',
  'deathRelativeFen',
  'retirementFen',
] as const;

function limitAmount(value: unknown): boolean {
  return value === null || (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_FEN);
}

function limitsProblem(value: unknown): string | null {
  if (!isPlainObject(value)) return '格式不正确';
  const keys = Object.keys(value);
  if (keys.some((k) => k !== 'holiday' && !(LIMIT_KEYS as readonly string[]).includes(k))) return '包含不认识的项目';
  for (const k of LIMIT_KEYS) if (!limitAmount(value[k])) return '限额应为不小于 0 的金额';
  const h = value.holiday;
  if (!isPlainObject(h)) return '节日慰问限额格式不正确';
  if (h.mode === 'per-person-year' && limitAmount(h.annualFen) && Object.keys(h).length === 2) return null;
  if (h.mode === 'per-holiday' && limitAmount(h.springFestivalFen) && limitAmount(h.otherHolidayFen) && Object.keys(h).length === 3)
    return null;
  if (h.mode === 'share-of-budget' && typeof h.percent === 'number' && h.percent >= 0 && h.percent <= 100 && Object.keys(h).length === 2)
    return null;
  return '节日慰问限额格式不正确';
}

/** A list of { purpose, remainingFen }: purposes up to 50 characters, each once, amounts whole fen. */
function grantsProblem(value: unknown, maxItems: number): string | null {
  if (!Array.isArray(value)) return '应为专项列表';
  if (value.length > maxItems) return `最多 ${maxItems} 项`;
  const seen = new Set<string>();
  for (const g of value) {
    if (!isPlainObject(g) || Object.keys(g).length !== 2) return '专项格式不正确';
    if (textProblem(g.purpose, 50) !== null || seen.has(g.purpose as string)) return '专项用途不合法或重复';
    seen.add(g.purpose as string);
    if (typeof g.remainingFen !== 'number' || !Number.isSafeInteger(g.remainingFen) || Math.abs(g.remainingFen) > MAX_FEN)
      return '专项结余应为整数分';
  }
  return null;
}

/** Why a value does not fit its declaration (without the field's name), or null. */
export function valueProblem(spec: FieldSpec, value: unknown): string | null {
  switch (spec.kind) {
    case 'text':
      if (value === undefined && spec.optional) return null;
      return textProblem(value, spec.max);
    case 'enum':
      if (value === undefined && spec.optional) return null;
      if (spec.allowEmpty && value === '') return null;
      return typeof value === 'string' && spec.values.includes(value) ? null : `应为以下之一：${spec.values.join('、')}`;
    case 'int':
    case 'fen': {
      if (value === undefined && spec.optional) return null;
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) return spec.kind === 'fen' ? '金额应为整数分' : '应为整数';
      if (value < spec.min || value > spec.max) return `超出允许范围（${spec.min}～${spec.max}）`;
      return null;
    }
    case 'bool':
      if (value === undefined && spec.optional) return null;
      return typeof value === 'boolean' ? null : '应为是或否';
    case 'date':
      if (spec.allowEmpty && value === '') return null;
      return typeof value === 'string' && isRealDate(value) ? null : '不是有效日期（YYYY-MM-DD）';
    case 'month':
      if (spec.allowEmpty && value === '') return null;
      return typeof value === 'string' && MONTH.test(value) ? null : '不是有效月份（YYYY-MM）';
    case 'timestamp':
      return value === '' || (typeof value === 'string' && TIMESTAMP.test(value)) ? null : '不是有效时间';
    case 'ref':
      if (value === undefined && spec.optional) return null;
      if (spec.allowEmpty && value === '') return null;
      return typeof value === 'string' && ID_PATTERN.test(value) ? null : '记录编号不合法';
    case 'refs':
      if (!Array.isArray(value)) return '应为记录编号列表';
      if (value.length > spec.maxItems) return `最多 ${spec.maxItems} 项`;
      return value.every((v) => typeof v === 'string' && ID_PATTERN.test(v)) ? null : '列表中有不合法的记录编号';
    case 'bytes': {
      const length = bytesLength(value);
      if (length === null) return '文件内容格式不正确';
      return length > spec.maxBytes ? `文件太大（不能超过 ${Math.round(spec.maxBytes / 1024 / 1024)} MB）` : null;
    }
    case 'object': {
      if (value === undefined && spec.optional) return null;
      if (!isPlainObject(value)) return '格式不正确';
      for (const key of Object.keys(value)) if (!Object.hasOwn(spec.fields, key)) return `包含不认识的项目 ${key}`;
      for (const [key, inner] of Object.entries(spec.fields)) {
        const problem = valueProblem(inner, value[key]);
        if (problem) return `${inner.label}${problem}`;
      }
      return null;
    }
    case 'limits':
      if (value === undefined && spec.optional) return null;
      return limitsProblem(value);
    case 'grants':
      if (value === undefined && spec.optional) return null;
      return grantsProblem(value, spec.maxItems);
  }
}

function metaProblem(field: string, value: unknown): string | null {
  switch (field) {
    case 'id':
      return typeof value === 'string' && ID_PATTERN.test(value) ? null : '记录编号不合法';
    case 'updatedAt':
      return typeof value === 'string' && HLC_PATTERN.test(value) ? null : '修改时间戳不合法';
    case 'deviceId':
      return typeof value === 'string' && value.length <= 64 && !BAD_CHAR.test(value) ? null : '设备编号不合法';
    case 'deleted':
      return value === 0 || value === 1 ? null : '删除标记应为 0 或 1';
    default:
      return null;
  }
}

const META = ['id', 'updatedAt', 'deviceId', 'deleted'] as const;

function specs(table: TableName): Readonly<Record<string, FieldSpec>> {
  return RECORDS[table].fields as Readonly<Record<string, FieldSpec>>;
}

// Each table's declared fields as a list, made once: the check of every write walks it.
const DECLARED = new Map((Object.keys(RECORDS) as TableName[]).map((table) => [table, Object.entries(specs(table))]));

/**
 * The first of `rowProblems(table, row)`, or null, without building the whole list: the check the
 * stores run on every row they write, thousands at a time when a month of dues is posted.
 */
export function firstRowProblem(table: TableName, row: unknown): RecordProblem | null {
  if (!isPlainObject(row)) return { table, rowId: '', field: '', message: '记录格式不正确' };
  const rowId = typeof row.id === 'string' ? row.id : '';
  for (const field of META) {
    const message = metaProblem(field, row[field]);
    if (message) return { table, rowId, field, message };
  }
  for (const [field, spec] of DECLARED.get(table) ?? []) {
    const message = valueProblem(spec, row[field]);
    if (message) return { table, rowId, field, message };
  }
  const declared = specs(table);
  for (const field of Object.keys(row)) {
    if (!Object.hasOwn(declared, field) && !(META as readonly string[]).includes(field))
      return { table, rowId, field, message: '不认识的字段' };
  }
  return null;
}

/**
 * Every problem of a whole stored row: its sync fields and each declared field, and no field the
 * declaration does not know. Used by restore, verify and the engine before a write.
 */
export function rowProblems(table: TableName, row: unknown): RecordProblem[] {
  const rowId = isPlainObject(row) && typeof row.id === 'string' ? row.id : '';
  if (!isPlainObject(row)) return [{ table, rowId, field: '', message: '记录格式不正确' }];
  const out: RecordProblem[] = [];
  for (const field of META) {
    const message = metaProblem(field, row[field]);
    if (message) out.push({ table, rowId, field, message });
  }
  const declared = specs(table);
  for (const [field, spec] of Object.entries(declared)) {
    const message = valueProblem(spec, row[field]);
    if (message) out.push({ table, rowId, field, message });
  }
  for (const field of Object.keys(row)) {
    if (!Object.hasOwn(declared, field) && !(META as readonly string[]).includes(field))
      out.push({ table, rowId, field, message: '不认识的字段' });
  }
  return out;
}

/**
 * Problems of a partial write (a patch, or the fields of one change on the wire): every named
 * field must be declared for the table and hold a value of its kind.
 */
export function fieldsProblems(table: TableName, rowId: string, fields: Readonly<Record<string, unknown>>): RecordProblem[] {
  const declared = specs(table);
  const out: RecordProblem[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if ((META as readonly string[]).includes(field)) {
      const message = field === 'updatedAt' || field === 'deviceId' ? '不能直接修改' : metaProblem(field, value);
      if (message) out.push({ table, rowId, field, message });
      continue;
    }
    const spec = Object.hasOwn(declared, field) ? declared[field] : undefined;
    if (!spec) {
      out.push({ table, rowId, field, message: '不认识的字段' });
      continue;
    }
    const message = valueProblem(spec, value);
    if (message) out.push({ table, rowId, field, message });
  }
  return out;
}

/** A problem as one Chinese sentence naming the table, the row and the field's label. */
export function describeProblem(p: RecordProblem): string {
  const table = RECORDS[p.table].label;
  // Own fields only: a field named like one every object has (`constructor`) is not declared.
  const spec = Object.hasOwn(specs(p.table), p.field) ? specs(p.table)[p.field] : undefined;
  const field = spec ? `“${spec.label}”` : p.field ? `字段 ${p.field}` : '';
  return `${table}${p.rowId ? ` ${p.rowId}` : ''}${field ? ` 的${field}` : ''}：${p.message}`;
}

/**
 * A row written by an older version (an older backup, device or database) gets the declared
 * default of every field it lacks. Present fields are left exactly as they are.
 */
export function withDefaults<T extends TableName>(table: T, row: Record<string, unknown>): RecordOf<T> {
  const out: Record<string, unknown> = { ...row };
  for (const [field, spec] of Object.entries(specs(table))) {
    if (out[field] !== undefined) continue;
    const fallback = defaultOf(spec);
    if (fallback !== undefined) out[field] = fallback;
  }
  return out as unknown as RecordOf<T>;
}

function defaultOf(spec: FieldSpec): unknown {
  switch (spec.kind) {
    case 'bytes':
    case 'limits':
    case 'grants':
      return undefined;
    case 'object':
      return spec.optional ? undefined : structuredClone(spec.default);
    case 'refs':
      return [...spec.default];
    case 'int':
    case 'fen':
    case 'bool':
    case 'text':
    case 'enum':
    case 'ref':
      // An optional field reads as its default where absent; writing it in would change rows that never had it.
      return spec.optional ? undefined : spec.default;
    default:
      return spec.default;
  }
}
