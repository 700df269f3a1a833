import { textProblem } from '../records/check';
import { LIMITS } from './protocol';

/**
 * Bounds every value a client sends must keep, whatever it is: the server's own protection against
 * a broken or hostile client. Values nested thousands deep, text PostgreSQL cannot store (U+0000, a
 * lone surrogate), numbers JSON turns into Infinity — each has stopped a server or a union's sync
 * before. A field its record kind declares (shared/records/tables.ts) is held to its declaration,
 * which lies within these bounds (tests/unit/sync/record-fields.test.ts holds every declaration to
 * that); these are what holds for the rest: fields no declaration knows, and a submission's facts.
 */
export const VALUE_BOUNDS = {
  /** Containers (arrays, objects) nested in one value. The data model uses three at most. */
  maxDepth: 8,
  /** Characters of one string: far beyond any note or template. */
  maxTextChars: 1_000_000,
  /** Characters of the base64 of one file (`{ $bytes }`, shared/sync/wire.ts): the body limit bounds it. */
  maxBytesChars: LIMITS.syncBodyBytes,
  /** Items of one array or keys of one object. */
  maxItems: 100_000,
  maxKeyChars: 256,
  /** Beyond this a figure is no amount anyone keeps (money is integer fen: 10 万亿元). */
  maxAbsNumber: 1e15,
} as const;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Why a string may not be stored (or null): too long, or U+0000 or a lone surrogate, which break
 * PostgreSQL and most readers. The rule is the record declarations' own (shared/records/check.ts).
 */
export function textBoundsProblem(text: string, max: number = VALUE_BOUNDS.maxTextChars): string | null {
  return textProblem(text, max);
}

function numberProblem(n: number): string | null {
  return n <= VALUE_BOUNDS.maxAbsNumber && n >= -VALUE_BOUNDS.maxAbsNumber ? null : '数值无效或超出允许范围（绝对值不超过 10^15）';
}

function keyProblem(key: string): string | null {
  return key.length <= VALUE_BOUNDS.maxKeyChars && textBoundsProblem(key) === null ? null : '含有不合法的键名';
}

/** A file on the wire: `{ $bytes: base64 }` and nothing else. */
function bytesBox(value: object): string | null {
  for (const key in value) if (key !== '$bytes') return null;
  const text = (value as { $bytes?: unknown }).$bytes;
  return typeof text === 'string' ? text : null;
}

function check(value: unknown, depth: number): string | null {
  switch (typeof value) {
    case 'string':
      return textBoundsProblem(value);
    case 'number':
      // NaN fails both comparisons; ±Infinity (JSON's 1e400) fails one.
      return numberProblem(value);
    case 'boolean':
      return null;
    case 'object':
      break;
    default:
      return '含有无法保存的值';
  }
  if (value === null) return null;
  if (depth >= VALUE_BOUNDS.maxDepth) return `嵌套超过 ${VALUE_BOUNDS.maxDepth} 层`;
  if (Array.isArray(value)) {
    if (value.length > VALUE_BOUNDS.maxItems) return `超过 ${VALUE_BOUNDS.maxItems} 项`;
    for (let i = 0; i < value.length; i++) {
      const problem = check(value[i], depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  const bytes = bytesBox(value);
  if (bytes !== null) {
    if (bytes.length > VALUE_BOUNDS.maxBytesChars) return '文件太大';
    return BASE64.test(bytes) ? null : '文件内容不是有效的 base64';
  }
  const keys = Object.keys(value);
  if (keys.length > VALUE_BOUNDS.maxItems) return `超过 ${VALUE_BOUNDS.maxItems} 项`;
  for (const key of keys) {
    const problem = keyProblem(key) ?? check((value as Record<string, unknown>)[key], depth + 1);
    if (problem) return problem;
  }
  return null;
}

/** Why a value (a field of a change no declaration knows, one of a submission's facts) is refused, in Chinese, or null. */
export function valueBoundsProblem(value: unknown): string | null {
  return check(value, 0);
}
