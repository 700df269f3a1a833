import { gunzipSync, gzipSync, strToU8 } from 'fflate';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { ByteSource } from '../../shared/backup/byte-source';
import { bookSource } from '../../shared/backup/format';
import { readBackupRows } from '../../shared/backup/read';
import { writeBackup } from '../../shared/backup/write';
import { RestorableRows } from '../../shared/engine/restore';
import { generateDemoBook, LARGE_DEMO } from '../../shared/demo/generator';
import type { BookTables } from '../../shared/model/book';
import { readBook, writeBook } from '../../server/cli/io';
import { timeMedian, type BenchResult } from './types';

/**
 * The large demo book: generating it, and writing and reading it as a backup file, beside JSON +
 * gzip of the same data. Memory is sampled as the work goes (heap plus buffers, after a full
 * collection beforehand) and reported as the most it rose above where it started.
 */
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

const MiB = 2 ** 20;
/** Timed runs of writing and reading; BENCH_RUNS=1 on a machine too loaded for three. */
const RUNS = Number(process.env.BENCH_RUNS) || 3;
let start = 0;
let peak = 0;
function sample(): void {
  const m = process.memoryUsage();
  peak = Math.max(peak, m.heapUsed + m.arrayBuffers - start);
}
async function startMeasuring(): Promise<void> {
  // Buffers a collection frees are released a moment later: counted at the start, they would hide the rise.
  collect();
  await new Promise((resolve) => setTimeout(resolve, 200));
  collect();
  const m = process.memoryUsage();
  start = m.heapUsed + m.arrayBuffers;
  peak = 0;
}

/** Samples memory whenever the work calls back (progress, a piece written), and on a timer when it yields. */
async function peakOf(work: () => Promise<unknown>): Promise<number> {
  await startMeasuring();
  const timer = setInterval(sample, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  sample();
  return peak / MiB;
}

/** The command line's writer, with memory sampled at every piece it hands to the file. */
async function writeSampled(path: string, book: BookTables): Promise<void> {
  const file = await open(path, 'w');
  try {
    let written: Promise<unknown> = Promise.resolve();
    await writeBackup(bookSource(book), { createdAt: new Date().toISOString(), appVersion: 'bench' }, (piece) => {
      sample();
      written = written.then(() => file.write(piece));
      return written.then(() => undefined);
    });
    await written;
  } finally {
    await file.close();
  }
}

/** The file read by position, as the app's restore and the command line read it. */
async function fileSource(path: string): Promise<{ source: ByteSource; close: () => Promise<void> }> {
  const file = await open(path, 'r');
  const { size } = await file.stat();
  return {
    source: {
      size,
      read: async (offset, length) => {
        const buffer = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
        const { bytesRead } = await file.read(buffer, 0, buffer.length, offset);
        return buffer.subarray(0, bytesRead);
      },
    },
    close: () => file.close(),
  };
}

/**
 * The app's restore up to the switch: the file streamed, every row checked as the restore checks it
 * (shared/engine/restore.ts) and staged a batch at a time. The app stages into IndexedDB, which keeps
 * it on disk; here each batch goes to a staging file, so what is measured is the restore's own memory.
 */
async function stageSampled(path: string, stagingPath: string): Promise<void> {
  const { source, close } = await fileSource(path);
  const staging = await open(stagingPath, 'w');
  try {
    const checker = new RestorableRows();
    const stage = async (table: string, rows: readonly unknown[]) => {
      const kept = rows.map((row) => checker.check(table as never, row));
      sample();
      await staging.write(`${JSON.stringify({ table, rows: kept }, (_k, v: unknown) => (v instanceof Uint8Array ? v.length : v))}\n`);
    };
    await readBackupRows(source, { rows: stage, file: (a) => stage('attachments', [a]) }, { onProgress: sample });
    checker.finish();
  } finally {
    await staging.close();
    await close();
  }
}

export async function run(): Promise<BenchResult[]> {
  const options = { ...LARGE_DEMO, endMonth: '2025-12' };
  let book: BookTables = generateDemoBook(options);
  const generate = await timeMedian(1, () => {
    book = generateDemoBook(options);
  });
  const dir = await mkdtemp(join(tmpdir(), 'ub-bench-book-'));
  const path = join(dir, 'large.ubk');
  try {
    const write = await timeMedian(RUNS, () => writeBook(path, book));
    const read = await timeMedian(RUNS, () => readBook(path));
    const fileMiB = (await stat(path)).size / MiB;

    // The raw way: the whole book as one JSON string, gzipped in one buffer, and back.
    const toJson = () => strToU8(JSON.stringify(book, (_k, v: unknown) => (v instanceof Uint8Array ? undefined : v)));
    const rawEncode = await timeMedian(RUNS, () => gzipSync(toJson(), { level: 6 }));
    const gz = gzipSync(toJson(), { level: 6 });
    const rawDecode = await timeMedian(RUNS, () => JSON.parse(new TextDecoder().decode(gunzipSync(gz))) as unknown);

    // Sampled at every piece written too: the writer yields to the timer only between batches.
    const writePeak = await peakOf(() => writeSampled(path, book));
    const rawWritePeak = await peakOf(async () => {
      const json = JSON.stringify(book, (_k, v: unknown) => (v instanceof Uint8Array ? undefined : v));
      sample();
      const bytes = strToU8(json);
      sample();
      gzipSync(bytes, { level: 6 });
      sample();
    });
    let kept: unknown;
    const readPeak = await peakOf(async () => {
      kept = await readBook(path);
    });
    kept = null;
    const stagingPath = join(dir, 'staging.jsonl');
    const restore = await timeMedian(1, () => stageSampled(path, stagingPath));
    const restorePeak = await peakOf(() => stageSampled(path, stagingPath));
    const rawReadPeak = await peakOf(async () => {
      const bytes = gunzipSync(gz);
      sample();
      const text = new TextDecoder().decode(bytes);
      sample();
      kept = JSON.parse(text) as unknown;
    });
    void kept;

    const environment = 'Node, file on disk (the command line’s path)';
    const notes = `${book.members.length} members, ${book.duesPayments.length} dues rows, ${book.transactions.length} transactions, ${book.attachments.length} attachments; file ${fileMiB.toFixed(1)} MiB, JSON ${(toJson().length / MiB).toFixed(1)} MiB. Peak memory is the rise above the start; reading includes the rows it returns.`;
    return [
      { name: 'large demo book: generate', ms: generate, runs: 1, environment: 'Node, in memory' },
      {
        name: 'large demo book: write backup (.ubk)',
        ms: write,
        runs: RUNS,
        environment,
        notes,
        baseline: { name: 'JSON + gzip of the same data', ms: rawEncode },
        figures: { 'file MiB': fileMiB, 'peak MiB': writePeak, 'peak ÷ file': writePeak / fileMiB, 'baseline peak MiB': rawWritePeak },
      },
      {
        name: 'large demo book: read + check backup',
        ms: read,
        runs: RUNS,
        environment,
        notes,
        baseline: { name: 'gunzip + JSON.parse', ms: rawDecode },
        figures: { 'file MiB': fileMiB, 'peak MiB': readPeak, 'peak ÷ file': readPeak / fileMiB, 'baseline peak MiB': rawReadPeak },
      },
      {
        name: 'large demo book: restore, read + check + stage a batch at a time',
        ms: restore,
        runs: 1,
        environment,
        notes: `${notes} The restore stages into IndexedDB in the app; here into a file, so the peak is the restore's own memory, not the database's.`,
        baseline: { name: 'gunzip + JSON.parse', ms: rawDecode },
        figures: {
          'file MiB': fileMiB,
          'peak MiB': restorePeak,
          'peak ÷ file': restorePeak / fileMiB,
          'whole-book read peak ÷ file': readPeak / fileMiB,
          'baseline peak MiB': rawReadPeak,
        },
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
