import { strFromU8, strToU8, zipSync, type Zippable } from 'fflate';
import { emptyBook, TABLE_LABELS, TABLE_NAMES, type BookTables, type TableName } from '../model/book';
import type { Attachment } from '../model/records';
import { CONTAINER_LIMITS, ContainerError, listEntries, readEntry, type ContainerEntry } from './container';
import { BACKUP_FORMAT, checkManifest, type BackupManifest } from './manifest';

/**
 * The book file (`.ubk`): a ZIP archive, documented in docs/backup-format.md.
 *   manifest.json             format, version, creation time, per-entry SHA-256
 *   tables/<table>.json       one JSON array per table (attachments without their bytes)
 *   attachments/<id>          the raw bytes of each attachment
 * Readers must refuse a file whose format is not ours, whose version is newer than they know,
 * or whose entries do not match their checksums — a restore must never half-apply. Only the
 * entries named above are ever inflated, each within a size cap (see container.ts).
 */
export const BACKUP_VERSION = 1;

export { BACKUP_FORMAT, type BackupManifest };

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

const UNCHANGED = '未做任何更改。';

/** Reads and checks a book file completely before anything is returned; throws BackupError with a Chinese message. */
export async function decodeBackup(bytes: Uint8Array): Promise<{ manifest: BackupManifest; book: BookTables }> {
  try {
    return await decodeChecked(bytes);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    // Every expected fault has its own message; anything else is still a damaged file, never a raw error.
    throw new BackupError(`备份文件已损坏，无法读取，${UNCHANGED}`);
  }
}

async function decodeChecked(bytes: Uint8Array): Promise<{ manifest: BackupManifest; book: BookTables }> {
  const entries = openContainer(bytes);
  const manifestEntry = entries.get('manifest.json');
  if (!manifestEntry) throw new BackupError(`这不是工会账簿备份文件：缺少 manifest.json，${UNCHANGED}`);
  const checked = checkManifest(parseJson(read(bytes, manifestEntry), 'manifest.json'), BACKUP_VERSION);
  if (!checked.ok) {
    if (checked.reason === 'format') throw new BackupError(`这不是工会账簿备份文件（格式标识不符），${UNCHANGED}`);
    if (checked.reason === 'version') {
      throw new BackupError(`该备份文件的格式版本为 ${checked.version}，本软件只支持到版本 ${BACKUP_VERSION}，请先升级软件。`);
    }
    throw new BackupError(`备份文件已损坏：manifest.json 中${checked.field}无效，${UNCHANGED}`);
  }
  const { manifest, checksums } = checked;
  for (const path of checksums.keys()) {
    if (!entries.has(path)) throw new BackupError(`备份文件不完整：缺少 ${path}，${UNCHANGED}`);
  }
  /** A known entry, read within its cap and checked against the manifest. */
  const verified = async (path: string, missing: string): Promise<Uint8Array> => {
    const entry = entries.get(path);
    const expected = checksums.get(path);
    if (!entry || !expected) throw new BackupError(`备份文件不完整：缺少${missing}，${UNCHANGED}`);
    const data = read(bytes, entry);
    if ((await sha256Hex(data)) !== expected) throw new BackupError(`备份文件已损坏：${path} 校验失败，${UNCHANGED}`);
    return data;
  };
  const book = emptyBook();
  for (const table of TABLE_NAMES) {
    const path = `tables/${table}.json`;
    const rows = parseJson(await verified(path, `“${TABLE_LABELS[table]}”数据`), path);
    if (!Array.isArray(rows)) throw new BackupError(`备份文件已损坏：“${TABLE_LABELS[table]}”数据格式错误，${UNCHANGED}`);
    checkRows(table, rows);
    (book[table] as unknown[]) = rows;
  }
  const attachments = new Map<string, Attachment>();
  for (const a of book.attachments) {
    // One entry per row: a row listed twice would have its bytes inflated twice.
    if (attachments.has(a.id)) throw new BackupError(`备份文件已损坏：附件 ${a.id} 重复出现，${UNCHANGED}`);
    attachments.set(a.id, { ...a, data: await verified(`attachments/${a.id}`, `附件“${String(a.name)}”`) });
  }
  book.attachments = [...attachments.values()];
  return { manifest, book };
}

/** The directory of the file, every entry's declared size within the cap for its kind. Nothing is inflated here. */
function openContainer(bytes: Uint8Array): Map<string, ContainerEntry> {
  try {
    return listEntries(bytes, capOf);
  } catch (error) {
    const why = error instanceof ContainerError ? `：${error.message}` : '';
    throw new BackupError(`文件已损坏或不是工会账簿备份文件（.ubk）${why}，${UNCHANGED}`);
  }
}

function capOf(path: string): number {
  if (path === 'manifest.json') return CONTAINER_LIMITS.manifest;
  if (path.startsWith('attachments/')) return CONTAINER_LIMITS.attachment;
  return CONTAINER_LIMITS.table;
}

function read(bytes: Uint8Array, entry: ContainerEntry): Uint8Array {
  try {
    return readEntry(bytes, entry, capOf(entry.name));
  } catch (error) {
    const why = error instanceof ContainerError ? error.message : `${entry.name} 无法读取`;
    throw new BackupError(`备份文件已损坏：${why}，${UNCHANGED}`);
  }
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
