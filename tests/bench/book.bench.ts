import { spawn } from 'node:child_process';
import { gunzipSync, gzipSync, strToU8 } from 'fflate';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoBook } from '../../shared/demo/generator';
import type { BookTables } from '../../shared/model/book';
import { readBook, writeBook } from '../../server/cli/io';
import { bookOptions } from './book-options';
import { stageRestore } from './book-staging';
import { timeMedian, type BenchResult } from './types';

/**
 * The large demo book: generating it, and writing and reading it as a backup file, beside JSON +
 * gzip of the same data. Memory is live memory — heap in use plus array buffers after a full
 * collection — sampled over the work in a process of its own (book-memory.ts), and reported as the
 * most it rose above where it started; garbage not yet collected is not counted.
 */

const MiB = 2 ** 20;
/** Timed runs of writing and reading; BENCH_RUNS=1 on a machine too loaded for three. */
const RUNS = Number(process.env.BENCH_RUNS) || 3;

/** One memory case in a fresh process that can force collections, so this one's heap does not count. */
function livePeak(kind: string, ...args: string[]): Promise<number> {
  const script = new URL('./book-memory.ts', import.meta.url).pathname;
  const flags = ['--expose-gc', '--no-concurrent-array-buffer-sweeping', '--import', 'tsx'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...flags, script, kind, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`memory case ${kind} exited with ${String(code)}`));
      const { peakMiB } = JSON.parse(out.trim().split('\n').pop()!) as { peakMiB: number };
      // Each case takes minutes on a loaded machine: its figure is shown as soon as it is known.
      process.stderr.write(`  ${kind}: live peak ${peakMiB.toFixed(1)} MiB\n`);
      resolve(peakMiB);
    });
  });
}

export async function run(): Promise<BenchResult[]> {
  let book: BookTables = generateDemoBook(bookOptions);
  const generate = await timeMedian(1, () => {
    book = generateDemoBook(bookOptions);
  });
  const dir = await mkdtemp(join(tmpdir(), 'ub-bench-book-'));
  const path = join(dir, 'large.ubk');
  try {
    const write = await timeMedian(RUNS, () => writeBook(path, book));
    const read = await timeMedian(RUNS, () => readBook(path));
    const fileMiB = (await stat(path)).size / MiB;
    const stagingPath = join(dir, 'staging.jsonl');
    const restore = await timeMedian(1, () => stageRestore(path, stagingPath));

    // The raw way: the whole book as one JSON string, gzipped in one buffer, and back.
    const toJson = () => strToU8(JSON.stringify(book, (_k, v: unknown) => (v instanceof Uint8Array ? undefined : v)));
    const jsonMiB = toJson().length / MiB;
    const rawEncode = await timeMedian(RUNS, () => gzipSync(toJson(), { level: 6 }));
    const gz = gzipSync(toJson(), { level: 6 });
    const rawDecode = await timeMedian(RUNS, () => JSON.parse(new TextDecoder().decode(gunzipSync(gz))) as unknown);
    const gzPath = join(dir, 'large.json.gz');
    await writeFile(gzPath, gz);
    const counts = `${book.members.length} members, ${book.duesPayments.length} dues rows, ${book.transactions.length} transactions, ${book.attachments.length} attachments`;
    book = {} as BookTables;

    const writePeak = await livePeak('write', join(dir, 'measured.ubk'));
    const rawWritePeak = await livePeak('raw-write', join(dir, 'unused'));
    const readPeak = await livePeak('read', path);
    const restorePeak = await livePeak('restore', path, stagingPath);
    const rawReadPeak = await livePeak('raw-read', gzPath);

    const environment = 'Node, file on disk (the command line’s path)';
    const notes = `${counts}; file ${fileMiB.toFixed(1)} MiB, JSON ${jsonMiB.toFixed(1)} MiB. Live peak: the most heap in use plus array buffers rose above the start, each sample right after a full collection, in a process of its own per case; reading includes the rows it returns.`;
    return [
      { name: 'large demo book: generate', ms: generate, runs: 1, environment: 'Node, in memory' },
      {
        name: 'large demo book: write backup (.ubk)',
        ms: write,
        runs: RUNS,
        environment,
        notes,
        baseline: { name: 'JSON + gzip of the same data', ms: rawEncode },
        figures: {
          'file MiB': fileMiB,
          'live peak MiB': writePeak,
          'live peak ÷ file': writePeak / fileMiB,
          'baseline live peak MiB': rawWritePeak,
        },
      },
      {
        name: 'large demo book: read + check backup',
        ms: read,
        runs: RUNS,
        environment,
        notes,
        baseline: { name: 'gunzip + JSON.parse', ms: rawDecode },
        figures: {
          'file MiB': fileMiB,
          'live peak MiB': readPeak,
          'live peak ÷ file': readPeak / fileMiB,
          'baseline live peak MiB': rawReadPeak,
        },
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
          'live peak MiB': restorePeak,
          'live peak ÷ file': restorePeak / fileMiB,
          'whole-book read live peak ÷ file': readPeak / fileMiB,
          'baseline live peak MiB': rawReadPeak,
        },
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
