/**
 * The manifest of a book file, checked field by field before anything in it is used: a file is
 * data from anywhere, so a `null`, an array, a checksum named `__proto__` or a number where a hash
 * belongs is refused with a message, never left to fail as a TypeError further on.
 */
export const BACKUP_FORMAT = 'unionbooks-backup';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  appVersion: string;
  unionName: string;
  /** Entry path → lower-case hex SHA-256 of its bytes. */
  checksums: Record<string, string>;
  /** Table → row count, for a quick look without reading the tables. */
  counts: Record<string, number>;
}

export type ManifestCheck =
  | { ok: true; manifest: BackupManifest; checksums: Map<string, string> }
  | { ok: false; reason: 'format' }
  | { ok: false; reason: 'version'; version: number }
  /** `field` says in Chinese what is wrong, e.g. 字段“createdAt”. */
  | { ok: false; reason: 'field'; field: string };

const SHA256 = /^[0-9a-f]{64}$/;
/** Every entry but the manifest sits in a folder; the name has no empty, `.` or `..` segment. */
const ENTRY_PATH = /^(?:[A-Za-z0-9_-][A-Za-z0-9_.-]*\/)+[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;

export function checkManifest(value: unknown, newestVersion: number): ManifestCheck {
  if (!isPlainObject(value) || value.format !== BACKUP_FORMAT) return { ok: false, reason: 'format' };
  const { version, createdAt, appVersion, unionName, checksums, counts } = value;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return { ok: false, reason: 'field', field: '字段“version”' };
  if (version > newestVersion) return { ok: false, reason: 'version', version };
  if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt))) return { ok: false, reason: 'field', field: '字段“createdAt”' };
  if (typeof appVersion !== 'string') return { ok: false, reason: 'field', field: '字段“appVersion”' };
  if (typeof unionName !== 'string') return { ok: false, reason: 'field', field: '字段“unionName”' };
  if (!isPlainObject(checksums)) return { ok: false, reason: 'field', field: '字段“checksums”' };
  const sums = new Map<string, string>();
  for (const [path, hash] of Object.entries(checksums)) {
    if (!ENTRY_PATH.test(path)) return { ok: false, reason: 'field', field: `校验清单的条目名“${path}”` };
    if (typeof hash !== 'string' || !SHA256.test(hash)) return { ok: false, reason: 'field', field: `“${path}”的校验值` };
    sums.set(path, hash);
  }
  if (!isPlainObject(counts) || !Object.values(counts).every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)) {
    return { ok: false, reason: 'field', field: '字段“counts”' };
  }
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    version,
    createdAt,
    appVersion,
    unionName,
    checksums: Object.fromEntries(sums),
    counts: { ...(counts as Record<string, number>) },
  };
  return { ok: true, manifest, checksums: sums };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
