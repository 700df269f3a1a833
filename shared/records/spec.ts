/**
 * The vocabulary of record declarations: what kind of value a field holds, its Chinese label, its
 * bounds and its default. One declaration per record kind (see tables.ts) is read by validation
 * (the book engine, restore, verify, the sync server), by Dexie upgrades (defaults for rows written
 * by an older version) and by forms and exports (labels).
 */
export type FieldSpec =
  | { kind: 'text'; label: string; max: number; default: string; optional?: boolean }
  | { kind: 'enum'; label: string; values: readonly string[]; default: string; allowEmpty?: boolean; optional?: boolean }
  | { kind: 'int'; label: string; min: number; max: number; default: number; optional?: boolean }
  | { kind: 'fen'; label: string; min: number; max: number; default: number; optional?: boolean }
  | { kind: 'bool'; label: string; default: boolean; optional?: boolean }
  | { kind: 'date'; label: string; allowEmpty: boolean; default: string }
  | { kind: 'month'; label: string; allowEmpty: boolean; default: string }
  | { kind: 'timestamp'; label: string; default: string }
  | { kind: 'ref'; label: string; allowEmpty: boolean; default: string; optional?: boolean }
  | { kind: 'refs'; label: string; maxItems: number; default: readonly string[] }
  | { kind: 'bytes'; label: string; maxBytes: number }
  | { kind: 'object'; label: string; fields: Readonly<Record<string, FieldSpec>>; optional: boolean; default: unknown }
  | { kind: 'limits'; label: string; optional: boolean }
  | { kind: 'grants'; label: string; maxItems: number; optional: boolean };

/** The largest amount any record may hold: 1 万亿元. The engine asks for confirmation far below this. */
export const MAX_FEN = 100_000_000_000_000;

export const text = (label: string, max: number): FieldSpec => ({ kind: 'text', label, max, default: '' });
export const enumOf = (label: string, values: readonly string[], fallback: string, allowEmpty = false): FieldSpec => ({
  kind: 'enum',
  label,
  values,
  default: fallback,
  allowEmpty,
});
export const int = (label: string, min: number, max: number, fallback = 0): FieldSpec => ({
  kind: 'int',
  label,
  min,
  max,
  default: fallback,
});
export const fen = (label: string, signed = false): FieldSpec => ({
  kind: 'fen',
  label,
  min: signed ? -MAX_FEN : 0,
  max: MAX_FEN,
  default: 0,
});
export const bool = (label: string, fallback = false): FieldSpec => ({ kind: 'bool', label, default: fallback });

/**
 * A field added after rows of its kind were already being written by code that does not set it
 * (hand-built rows in older backups and tools): a missing value reads as the default and is valid.
 */
export const optional = (spec: FieldSpec): FieldSpec => ({ ...spec, optional: true }) as FieldSpec;
export const date = (label: string, allowEmpty = false): FieldSpec => ({ kind: 'date', label, allowEmpty, default: '' });
export const month = (label: string, allowEmpty = false): FieldSpec => ({ kind: 'month', label, allowEmpty, default: '' });
export const timestamp = (label: string): FieldSpec => ({ kind: 'timestamp', label, default: '' });
export const ref = (label: string, allowEmpty = false): FieldSpec => ({ kind: 'ref', label, allowEmpty, default: '' });
export const refs = (label: string, maxItems: number): FieldSpec => ({ kind: 'refs', label, maxItems, default: [] });
