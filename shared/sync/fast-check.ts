import { TABLE_NAMES } from '../model/book';
import { checkChangeFields, isReservedField } from './change-fields';
import { LIMITS, NOTICES_KNOWN_MAX, type SyncRequest, type WireChange } from './protocol';
import { FIELD_PATTERN, HLC_PATTERN, ID_PATTERN } from './patterns';
import { syncRequestSchema } from './schemas';

/**
 * The sync request schema, checked by hand. A first sync sends hundreds of thousands of changes
 * and the general schema costs several milliseconds per thousand; this accepts exactly what
 * `syncRequestSchema` accepts (and keeps only the keys it keeps), the bounds of every value
 * included (change-fields.ts, a loop rather than a schema). Anything it does not accept goes
 * through the schema itself, so a refusal reads the same either way.
 */
const TABLES = new Set<string>(TABLE_NAMES);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

const isInt = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);

/**
 * A batch repeats the same few dozen field names on every change, so a name that passed once is
 * not run through the pattern again. The set is capped so that a stream of made-up names cannot
 * grow it without bound.
 */
const knownFields = new Set<string>();
const MAX_KNOWN_FIELDS = 4096;

function goodField(key: string): boolean {
  if (knownFields.has(key)) return true;
  if (!FIELD_PATTERN.test(key) || key === 'updatedAt' || key === 'deviceId' || isReservedField(key)) return false;
  if (knownFields.size < MAX_KNOWN_FIELDS) knownFields.add(key);
  return true;
}

function checkChange(value: unknown): WireChange | null {
  if (!isPlainObject(value)) return null;
  const { changeId, table, rowId, hlc, fields } = value;
  if (typeof changeId !== 'string' || !ID_PATTERN.test(changeId)) return null;
  if (typeof table !== 'string' || !TABLES.has(table)) return null;
  if (typeof rowId !== 'string' || !ID_PATTERN.test(rowId)) return null;
  if (typeof hlc !== 'string' || !HLC_PATTERN.test(hlc)) return null;
  if (!isPlainObject(fields)) return null;
  const keys = Object.keys(fields);
  if (keys.length === 0 || keys.length > LIMITS.maxFieldsPerChange) return null;
  for (const key of keys) if (!goodField(key)) return null;
  if ('id' in fields && fields.id !== rowId) return null;
  if (checkChangeFields(table as WireChange['table'], rowId, fields) !== null) return null;
  return { changeId, table: table as WireChange['table'], rowId, hlc, fields };
}

function fastSyncRequest(body: unknown): SyncRequest | null {
  if (!isPlainObject(body)) return null;
  const { v, changes, cursor, pullLimit, notices } = body;
  if (!isInt(v) || !isInt(cursor) || cursor < 0 || !Array.isArray(changes)) return null;
  if (changes.length > LIMITS.maxChangesPerPush) return null;
  if (pullLimit !== undefined && (!isInt(pullLimit) || pullLimit < 0 || pullLimit > LIMITS.maxPullLimit)) return null;
  if (notices !== undefined && !knownNotices(notices)) return null;
  const out: WireChange[] = new Array<WireChange>(changes.length);
  for (let i = 0; i < changes.length; i++) {
    const change = checkChange(changes[i]);
    if (!change) return null;
    out[i] = change;
  }
  return {
    v,
    changes: out,
    cursor,
    ...(pullLimit === undefined ? {} : { pullLimit }),
    ...(notices === undefined ? {} : { notices: notices as string[] }),
  };
}

const knownNotices = (value: unknown): boolean =>
  Array.isArray(value) && value.length <= NOTICES_KNOWN_MAX && value.every((id) => typeof id === 'string' && id.length <= 64);

export type SyncRequestCheck = { ok: true; data: SyncRequest } | { ok: false; error: import('zod').ZodError };

export function checkSyncRequest(body: unknown): SyncRequestCheck {
  const fast = fastSyncRequest(body);
  if (fast) return { ok: true, data: fast };
  const result = syncRequestSchema.safeParse(body);
  return result.success ? { ok: true, data: result.data } : { ok: false, error: result.error };
}
