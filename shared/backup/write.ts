import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { TABLE_NAMES, type TableName } from '../model/book';
import type { Attachment } from '../model/records';
import { JsonRowsWriter } from './json-rows';
import { BACKUP_FORMAT, type BackupManifest } from './manifest';
import type { OnBackupProgress } from './progress';
import { Sha256 } from './sha256';

/**
 * Writes a book file as a stream: rows are serialised one at a time, hashed and deflated in pieces,
 * and the archive comes out in pieces too, so neither a table nor the book is ever one string or one
 * buffer. The manifest needs every entry's checksum, so it is the last entry; readers find entries
 * through the ZIP directory, where order does not matter.
 */
export const BACKUP_VERSION = 1;

/** Where the rows come from. Batches keep memory flat; in the app each is one database read. */
export interface BackupSource {
  /** Rows per table as the book holds them now, for progress. */
  counts: Record<TableName, number>;
  /** The rows of `table` in batches; attachment rows without their bytes. */
  rows(table: TableName): AsyncIterable<readonly unknown[]>;
  /** Every attachment's bytes, in batches. */
  files(): AsyncIterable<readonly Pick<Attachment, 'id' | 'data'>[]>;
  /** The command line's sync state of the device that keeps this file (DEVICE_SYNC_ENTRY), if it has one. */
  deviceSync?: Uint8Array;
  /**
   * Gives the event loop a turn without ending the snapshot the rows come from (the app's is a
   * database read inside its read transaction, which any other await would commit). Called once
   * `PAUSE_AFTER_MS` of serialising, hashing and compressing has passed, so no step runs longer.
   */
  pause?: () => Promise<void>;
}

/** Synchronous work between two pauses: a window that paints in between never stops for 100 ms. */
export const PAUSE_AFTER_MS = 30;
/** An attachment is hashed and added this much at a time, with a pause between when one is due. */
const FILE_STEP = 1024 * 1024;

/** Entry holding a command-line device's sync state: never user data, never read by a restore. */
export const DEVICE_SYNC_ENTRY = 'device/sync.json';

export interface BackupMeta {
  createdAt: string;
  appVersion: string;
}

/**
 * The sink gets the file's bytes in order. When it returns a promise (a file being written), the
 * writer waits for it after each batch, so output never piles up ahead of the disk.
 */
export type BackupSink = (piece: Uint8Array) => void | Promise<void>;

/** Attachments are mostly already-compressed images: stored, only the JSON is deflated. */
const TABLE_LEVEL = 6;

export async function writeBackup(source: BackupSource, meta: BackupMeta, sink: BackupSink, onProgress?: OnBackupProgress): Promise<void> {
  let pending: Promise<void> | undefined;
  let failure: unknown;
  const zip = new Zip((error, piece) => {
    if (error) failure = error;
    else {
      const waited = sink(piece);
      if (waited) pending = waited;
    }
  });
  const drain = async () => {
    if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
    if (pending) await pending;
  };
  let since = performance.now();
  // Checked after every row: a plain comparison, so rows between pauses cost no promise each.
  const due = () => source.pause !== undefined && performance.now() - since >= PAUSE_AFTER_MS;
  const breathe = async () => {
    await source.pause?.();
    since = performance.now();
  };
  const checksums: Record<string, string> = {};
  const counts: Record<string, number> = {};
  let unionName = '';

  for (const table of TABLE_NAMES) {
    const path = `tables/${table}.json`;
    const entry = new ZipDeflate(path, { level: TABLE_LEVEL });
    zip.add(entry);
    const hash = new Sha256();
    const rows = new JsonRowsWriter((piece) => {
      hash.update(piece);
      entry.push(piece);
    });
    let done = 0;
    const total = source.counts[table];
    onProgress?.({ step: table, done, total });
    for await (const batch of source.rows(table)) {
      for (const row of batch) {
        if (table === 'union' && !unionName) unionName = liveUnionName(row);
        rows.row(row);
        if (due()) await breathe();
      }
      done += batch.length;
      onProgress?.({ step: table, done, total: Math.max(total, done) });
      await drain();
    }
    rows.end();
    entry.push(new Uint8Array(0), true);
    checksums[path] = hash.hex();
    counts[table] = done;
    await drain();
  }

  let files = 0;
  onProgress?.({ step: 'files', done: 0, total: source.counts.attachments });
  for await (const batch of source.files()) {
    for (const file of batch) {
      const path = `attachments/${file.id}`;
      const entry = new ZipPassThrough(path);
      zip.add(entry);
      const hash = new Sha256();
      for (let at = 0; at < file.data.length || at === 0; at += FILE_STEP) {
        const step = file.data.subarray(at, at + FILE_STEP);
        hash.update(step);
        entry.push(step, at + FILE_STEP >= file.data.length);
        if (due()) await breathe();
      }
      checksums[path] = hash.hex();
    }
    files += batch.length;
    onProgress?.({ step: 'files', done: files, total: Math.max(files, source.counts.attachments) });
    await drain();
  }

  if (source.deviceSync) {
    const entry = new ZipDeflate(DEVICE_SYNC_ENTRY, { level: TABLE_LEVEL });
    zip.add(entry);
    entry.push(source.deviceSync, true);
    checksums[DEVICE_SYNC_ENTRY] = new Sha256().update(source.deviceSync).hex();
    await drain();
  }

  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: meta.createdAt,
    appVersion: meta.appVersion,
    unionName,
    checksums,
    counts,
  };
  const entry = new ZipDeflate('manifest.json', { level: TABLE_LEVEL });
  zip.add(entry);
  entry.push(strToU8(JSON.stringify(manifest, null, 2)), true);
  zip.end();
  await drain();
}

function liveUnionName(row: unknown): string {
  const r = row as { deleted?: unknown; name?: unknown };
  return r.deleted === 0 && typeof r.name === 'string' ? r.name : '';
}
