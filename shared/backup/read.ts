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
 * at a time, so no table is ever one string. `readBackupRows` hands the rows on in small batches as
 * they come (a restore writes them to a staging area); `readBackup` keeps them and returns the book
 * only once every entry has passed (format, version, checksums, rows), so neither ever half-applies.
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

/**
 * Rows handed on at once. A restore stages each batch and later adds it to the book in one write,
 * each of which is one task of the window's: 250 rows keep it well under 100 ms on an old PC.
 */
export const READ_BATCH = 250;

/**
 * Row text (bytes of the table's JSON) after which a batch is handed on with fewer rows: an activity
 * lists every participant, and 250 such rows would hold tens of megabytes at once, over twice the file.
 */
export const READ_BATCH_BYTES = 1 << 20;

/** What a book file holds: its rows, and the sync state of the command-line device that keeps it, if any. */
export interface ReadBackupResult {
  manifest: BackupManifest;
  book: BookTables;
  deviceSync?: Uint8Array;
}

/**
 * Where the rows of a file go as they are read: the tables in the order of TABLE_NAMES, a batch of
 * at most READ_BATCH rows at a time, each row with `id`, `updatedAt` and `deleted`; the attachments
 * come last, one at a time with their bytes. A batch may belong to an entry whose checksum is not
 * yet known, so what receives it must stay unused until the whole read succeeds.
 */
export interface BackupRowSink {
  rows(table: TableName, rows: unknown[]): void | Promise<void>;
  /** An attachment row (as in `tables/attachments.json`) with its bytes, checked. */
  file(attachment: Attachment): void | Promise<void>;
}

export type ReadRowsResult = Omit<ReadBackupResult, 'book'>;

export async function readBackup(source: ByteSource, options: ReadOptions = {}): Promise<ReadBackupResult> {
  const book = emptyBook();
  const files: Attachment[] = [];
  const read = await readBackupRows(
    source,
    {
      rows: (table, rows) => {
        for (const row of rows) (book[table] as unknown[]).push(row);
      },
      file: (a) => void files.push(a),
    },
    options,
  );
  book.attachments = files;
  return { ...read, book };
}

/** Reads and checks the whole file, handing its rows to `sink` as it goes; resolves once every entry has passed. */
export async function readBackupRows(source: ByteSource, sink: BackupRowSink, options: ReadOptions = {}): Promise<ReadRowsResult> {
  try {
    return await readChecked(source, sink, options);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    // Every expected fault has its own message; anything else is still a damaged file, never a raw error.
    throw new BackupError(`备份文件已损坏，无法读取，${UNCHANGED}`);
  }
}

async function readChecked(source: ByteSource, sink: BackupRowSink, { onProgress, pause, password }: ReadOptions): Promise<ReadRowsResult> {
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

  let attachmentRows: Attachment[] = [];
  for (const table of TABLE_NAMES) {
    const path = `tables/${table}.json`;
    if (ADDED_LATER.has(table) && !entries.has(path) && !checksums.has(path)) continue;
    const { entry, expected } = known(path, `“${TABLE_LABELS[table]}”数据`);
    const total = manifest.counts[table] ?? 0;
    let count = 0;
    const batch: unknown[] = [];
    /** Bytes of the table read since the last batch was handed on: roughly the text of the rows waiting. */
    let text = 0;
    const hash = new Sha256();
    // A fault in the rows is reported only once the checksum has passed: a damaged file says so first.
    let fault: BackupError | null = null;
    const parser = new JsonRowsReader((row) => {
      if (fault) return;
      if (!wellFormed(row)) {
        fault = new BackupError(`备份文件已损坏：“${TABLE_LABELS[table]}”第 ${count + 1} 条记录缺少必要字段，${UNCHANGED}`);
        return;
      }
      count++;
      if (table === 'attachments') attachmentRows.push(row as Attachment);
      else batch.push(row);
    });
    const malformed = (error: unknown) => {
      if (!(error instanceof JsonRowsError)) throw error;
      fault ??=
        error.kind === 'shape'
          ? new BackupError(`备份文件已损坏：“${TABLE_LABELS[table]}”数据格式错误，${UNCHANGED}`)
          : new BackupError(`备份文件已损坏：${path} 无法读取，${UNCHANGED}`);
    };
    const full = () => batch.length >= READ_BATCH || (text >= READ_BATCH_BYTES && batch.length > 0);
    /** Full batches only, unless `all`; one inflated piece may end many rows. */
    const handOn = async (all: boolean) => {
      const everything = all || text >= READ_BATCH_BYTES;
      let handed = false;
      while (batch.length >= READ_BATCH || (everything && batch.length > 0)) {
        const rows = batch.splice(0, READ_BATCH);
        handed = true;
        if (!fault) await sink.rows(table, rows);
      }
      if (handed) text = 0;
      onProgress?.({ step: table, done: count, total: Math.max(total, count) });
    };
    onProgress?.({ step: table, done: 0, total });
    await stream(
      source,
      entry,
      async (piece) => {
        hash.update(piece);
        if (fault) return;
        text += piece.length;
        try {
          parser.push(piece);
        } catch (error) {
          malformed(error);
        }
        if (full()) await handOn(false);
      },
      pause,
    );
    if (hash.hex() !== expected) throw mismatch(path);
    if (!fault) {
      try {
        parser.end();
      } catch (error) {
        malformed(error);
      }
    }
    if (fault) throw fault;
    await handOn(true);
  }

  onProgress?.({ step: 'files', done: 0, total: attachmentRows.length });
  const seen = new Set<string>();
  for (const a of attachmentRows) {
    // One entry per row: a row listed twice would have its bytes inflated twice.
    if (seen.has(a.id)) throw new BackupError(`备份文件已损坏：附件 ${a.id} 重复出现，${UNCHANGED}`);
    seen.add(a.id);
    const path = `attachments/${a.id}`;
    const { entry, expected } = known(path, `附件“${String(a.name)}”`);
    const data = await read(source, entry);
    if (new Sha256().update(data).hex() !== expected) throw mismatch(path);
    await sink.file({ ...a, data });
    onProgress?.({ step: 'files', done: seen.size, total: attachmentRows.length });
    if (pause) await pause();
  }
  attachmentRows = [];
  if (!checksums.has(DEVICE_SYNC_ENTRY)) return { manifest };
  const { entry, expected } = known(DEVICE_SYNC_ENTRY, '同步状态');
  const deviceSync = await read(source, entry);
  if (new Sha256().update(deviceSync).hex() !== expected) throw mismatch(DEVICE_SYNC_ENTRY);
  return { manifest, deviceSync };
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
  onData: (piece: Uint8Array) => void | Promise<void>,
  pause?: () => Promise<void>,
): Promise<void> {
  try {
    await streamEntry(source, entry, capOf(entry.name), onData, pause);
  } catch (error) {
    throw damaged(error, entry);
  }
}

/** The fields every row of every table has; the rest is the record check's (shared/engine/restore.ts). */
function wellFormed(row: unknown): boolean {
  const r = row as Record<string, unknown>;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.id === 'string' &&
    typeof r.updatedAt === 'string' &&
    (r.deleted === 0 || r.deleted === 1)
  );
}

function parseJson(bytes: Uint8Array, path: string): unknown {
  try {
    return JSON.parse(strFromU8(bytes));
  } catch {
    throw new BackupError(`备份文件已损坏：${path} 无法读取，${UNCHANGED}`);
  }
}
