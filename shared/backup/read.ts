import { strFromU8 } from 'fflate';
import { emptyBook, TABLE_LABELS, TABLE_NAMES, type BookTables, type TableName } from '../model/book';
import type { Attachment } from '../model/records';
import { BackupError } from './backup-error';
import type { ByteSource } from './byte-source';
import { CONTAINER_LIMITS, ContainerError, listEntries, readEntry, streamEntry, type ContainerEntry } from './container';
import { JsonRowsError, JsonRowsReader } from './json-rows';
import { unlockBackup } from './decrypt';
import { checkManifest, type BackupManifest } from './manifest';
import type { OnBackupProgress } from './progress';
import { Sha256 } from './sha256';
import { BACKUP_VERSION, DEVICE_SYNC_ENTRY } from './write';

/** Tables added after backups were first written: a backup made before them simply has none. */
const ADDED_LATER: ReadonlySet<TableName> = new Set<TableName>(['bankLines', 'bankMatches', 'bankSkips', 'fixedAssets', 'handovers']);

/**
 * Reads and checks a book file as a stream: each table entry is inflated, hashed and parsed a row
 * at a time, so no table is ever one string; only the rows themselves are kept. Nothing is returned
 * before every entry has passed (format, version, checksums, rows), so a restore never half-applies.
 * A password-protected file is decrypted on the way in (decrypt.ts) when `password` is given.
 */
export { BackupError, BackupPasswordError } from './backup-error';

export interface ReadOptions {
  onProgress?: OnBackupProgress;
  /** Called between pieces, so a page can let the window paint while a large book is read. */
  pause?: () => Promise<void>;
  /** For a password-protected file; ignored for a plain one. */
  password?: string;
}

const UNCHANGED = '未做任何更改。';

/** What a book file holds: its rows, and the sync state of the command-line device that keeps it, if any. */
export interface ReadBackupResult {
  manifest: BackupManifest;
  book: BookTables;
  deviceSync?: Uint8Array;
}

export async function readBackup(source: ByteSource, options: ReadOptions = {}): Promise<ReadBackupResult> {
  try {
    return await readChecked(source, options);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    // Every expected fault has its own message; anything else is still a damaged file, never a raw error.
    throw new BackupError(`备份文件已损坏，无法读取，${UNCHANGED}`);
  }
}

async function readChecked(source: ByteSource, { onProgress, pause, password }: ReadOptions): Promise<ReadBackupResult> {
  source = await unlockBackup(source, password);
  const entries = await openContainer(source);
  const manifestEntry = entries.get('manifest.json');
  if (!manifestEntry) throw new BackupError(`这不是工会账簿备份文件：缺少 manifest.json，${UNCHANGED}`);
  const checked = checkManifest(parseJson(await read(source, manifestEntry), 'manifest.json'), BACKUP_VERSION);
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
  /** A known entry and its expected checksum; refused when either is missing. */
  const known = (path: string, missing: string): { entry: ContainerEntry; expected: string } => {
    const entry = entries.get(path);
    const expected = checksums.get(path);
    if (!entry || !expected) throw new BackupError(`备份文件不完整：缺少${missing}，${UNCHANGED}`);
    return { entry, expected };
  };
  const mismatch = (path: string) => new BackupError(`备份文件已损坏：${path} 校验失败，${UNCHANGED}`);

  const book = emptyBook();
  for (const table of TABLE_NAMES) {
    const path = `tables/${table}.json`;
    if (ADDED_LATER.has(table) && !entries.has(path) && !checksums.has(path)) continue;
    const { entry, expected } = known(path, `“${TABLE_LABELS[table]}”数据`);
    const total = manifest.counts[table] ?? 0;
    const rows: unknown[] = [];
    const hash = new Sha256();
    // A row that is not JSON is reported only once the checksum has passed: a damaged file says so first.
    let malformed: JsonRowsError | null = null;
    const parser = new JsonRowsReader((row) => {
      rows.push(row);
      if (rows.length % 1000 === 0) onProgress?.({ step: table, done: rows.length, total: Math.max(total, rows.length) });
    });
    onProgress?.({ step: table, done: 0, total });
    await stream(
      source,
      entry,
      (piece) => {
        hash.update(piece);
        if (malformed) return;
        try {
          parser.push(piece);
        } catch (error) {
          if (!(error instanceof JsonRowsError)) throw error;
          malformed = error;
        }
      },
      pause,
    );
    if (hash.hex() !== expected) throw mismatch(path);
    if (!malformed) {
      try {
        parser.end();
      } catch (error) {
        if (!(error instanceof JsonRowsError)) throw error;
        malformed = error;
      }
    }
    if (malformed) {
      if ((malformed as JsonRowsError).kind === 'shape')
        throw new BackupError(`备份文件已损坏：“${TABLE_LABELS[table]}”数据格式错误，${UNCHANGED}`);
      throw new BackupError(`备份文件已损坏：${path} 无法读取，${UNCHANGED}`);
    }
    checkRows(table, rows);
    (book[table] as unknown[]) = rows;
    onProgress?.({ step: table, done: rows.length, total: Math.max(total, rows.length) });
  }

  const attachments = new Map<string, Attachment>();
  onProgress?.({ step: 'files', done: 0, total: book.attachments.length });
  for (const a of book.attachments) {
    // One entry per row: a row listed twice would have its bytes inflated twice.
    if (attachments.has(a.id)) throw new BackupError(`备份文件已损坏：附件 ${a.id} 重复出现，${UNCHANGED}`);
    const path = `attachments/${a.id}`;
    const { entry, expected } = known(path, `附件“${String(a.name)}”`);
    const data = await read(source, entry);
    if (new Sha256().update(data).hex() !== expected) throw mismatch(path);
    attachments.set(a.id, { ...a, data });
    onProgress?.({ step: 'files', done: attachments.size, total: book.attachments.length });
    if (pause) await pause();
  }
  book.attachments = [...attachments.values()];
  if (!checksums.has(DEVICE_SYNC_ENTRY)) return { manifest, book };
  const { entry, expected } = known(DEVICE_SYNC_ENTRY, '同步状态');
  const deviceSync = await read(source, entry);
  if (new Sha256().update(deviceSync).hex() !== expected) throw mismatch(DEVICE_SYNC_ENTRY);
  return { manifest, book, deviceSync };
}

/** The directory of the file, every entry's declared size within the cap for its kind. Nothing is inflated here. */
async function openContainer(source: ByteSource): Promise<Map<string, ContainerEntry>> {
  try {
    return await listEntries(source, capOf);
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

function damaged(error: unknown, entry: ContainerEntry): BackupError {
  const why = error instanceof ContainerError ? error.message : `${entry.name} 无法读取`;
  return new BackupError(`备份文件已损坏：${why}，${UNCHANGED}`);
}

async function read(source: ByteSource, entry: ContainerEntry): Promise<Uint8Array> {
  try {
    return await readEntry(source, entry, capOf(entry.name));
  } catch (error) {
    throw damaged(error, entry);
  }
}

async function stream(
  source: ByteSource,
  entry: ContainerEntry,
  onData: (piece: Uint8Array) => void,
  pause?: () => Promise<void>,
): Promise<void> {
  try {
    await streamEntry(source, entry, capOf(entry.name), onData, pause);
  } catch (error) {
    throw damaged(error, entry);
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
      throw new BackupError(`备份文件已损坏：“${TABLE_LABELS[table]}”第 ${i + 1} 条记录缺少必要字段，${UNCHANGED}`);
    }
  });
}

function parseJson(bytes: Uint8Array, path: string): unknown {
  try {
    return JSON.parse(strFromU8(bytes));
  } catch {
    throw new BackupError(`备份文件已损坏：${path} 无法读取，${UNCHANGED}`);
  }
}
