import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { emptyBook, TABLE_LABELS, TABLE_NAMES, type BookTables, type TableName } from '../model/book';
import type { Attachment } from '../model/records';

/**
 * The book file (`.ubk`): a ZIP archive, documented in docs/backup-format.md.
 *   manifest.json             format, version, creation time, per-entry SHA-256
 *   tables/<table>.json       one JSON array per table (attachments without their bytes)
 *   attachments/<id>          the raw bytes of each attachment
 * Readers must refuse a file whose format is not ours, whose version is newer than they know,
 * or whose entries do not match their checksums — a restore must never half-apply.
 */
export const BACKUP_FORMAT = 'unionbooks-backup';
export const BACKUP_VERSION = 1;

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

export class BackupError extends Error {
  override readonly name = 'BackupError';
}

export async function encodeBackup(book: BookTables, meta: { createdAt: string; appVersion: string }): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const table of TABLE_NAMES) {
    const rows = table === 'attachments' ? book.attachments.map(withoutBytes) : book[table];
    files[`tables/${table}.json`] = strToU8(JSON.stringify(rows));
  }
  for (const a of book.attachments) files[`attachments/${a.id}`] = a.data;
  const checksums: Record<string, string> = {};
  for (const [path, bytes] of Object.entries(files)) checksums[path] = await sha256Hex(bytes);
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: meta.createdAt,
    appVersion: meta.appVersion,
    unionName: book.union.find((u) => u.deleted === 0)?.name ?? '',
    checksums,
    counts: Object.fromEntries(TABLE_NAMES.map((t) => [t, book[t].length])),
  };
  const zippable: Zippable = { 'manifest.json': strToU8(JSON.stringify(manifest, null, 2)) };
  // Attachments are mostly already-compressed images: store them, compress only the JSON.
  for (const [path, bytes] of Object.entries(files)) zippable[path] = [bytes, { level: path.startsWith('attachments/') ? 0 : 6 }];
  return zipSync(zippable);
}

/** Reads and checks a book file completely before anything is returned; throws BackupError with a Chinese message. */
export async function decodeBackup(bytes: Uint8Array): Promise<{ manifest: BackupManifest; book: BookTables }> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    throw new BackupError('文件已损坏或不是工会账簿备份文件（.ubk），未做任何更改。');
  }
  const manifestBytes = entries['manifest.json'];
  if (!manifestBytes) throw new BackupError('这不是工会账簿备份文件：缺少 manifest.json，未做任何更改。');
  const manifest = parseJson(manifestBytes, 'manifest.json') as Partial<BackupManifest>;
  if (manifest.format !== BACKUP_FORMAT) throw new BackupError('这不是工会账簿备份文件（格式标识不符），未做任何更改。');
  if (typeof manifest.version !== 'number' || manifest.version > BACKUP_VERSION) {
    throw new BackupError(`该备份文件的格式版本为 ${String(manifest.version)}，本软件只支持到版本 ${BACKUP_VERSION}，请先升级软件。`);
  }
  const checksums = manifest.checksums ?? {};
  for (const [path, expected] of Object.entries(checksums)) {
    const entry = entries[path];
    if (!entry) throw new BackupError(`备份文件不完整：缺少 ${path}，未做任何更改。`);
    if ((await sha256Hex(entry)) !== expected) throw new BackupError(`备份文件已损坏：${path} 校验失败，未做任何更改。`);
  }
  const book = emptyBook();
  for (const table of TABLE_NAMES) {
    const path = `tables/${table}.json`;
    const entry = entries[path];
    if (!entry || !checksums[path]) throw new BackupError(`备份文件不完整：缺少“${TABLE_LABELS[table]}”数据，未做任何更改。`);
    const rows = parseJson(entry, path);
    if (!Array.isArray(rows)) throw new BackupError(`备份文件已损坏：“${TABLE_LABELS[table]}”数据格式错误，未做任何更改。`);
    checkRows(table, rows);
    (book[table] as unknown[]) = rows;
  }
  book.attachments = book.attachments.map((a) => {
    const path = `attachments/${a.id}`;
    const data = entries[path];
    if (!data || !checksums[path]) throw new BackupError(`备份文件不完整：缺少附件“${a.name}”，未做任何更改。`);
    return { ...a, data };
  });
  return { manifest: manifest as BackupManifest, book };
}

function checkRows(table: TableName, rows: unknown[]): void {
  rows.forEach((row, i) => {
    const r = row as Record<string, unknown>;
    if (
      typeof r !== 'object' ||
      r === null ||
      typeof r.id !== 'string' ||
      typeof r.updatedAt !== 'string' ||
      (r.deleted !== 0 && r.deleted !== 1)
    ) {
      throw new BackupError(`备份文件已损坏：“${TABLE_LABELS[table]}”第 ${i + 1} 条记录缺少必要字段，未做任何更改。`);
    }
  });
}

function withoutBytes(a: Attachment): Omit<Attachment, 'data'> {
  const { data: _data, ...rest } = a;
  return rest;
}

function parseJson(bytes: Uint8Array, path: string): unknown {
  try {
    return JSON.parse(strFromU8(bytes));
  } catch {
    throw new BackupError(`备份文件已损坏：${path} 无法读取，未做任何更改。`);
  }
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
