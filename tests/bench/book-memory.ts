// One memory case of the book bench (book.bench.ts), in a process of its own started with
// --expose-gc: `node --expose-gc --no-concurrent-array-buffer-sweeping --import tsx
// tests/bench/book-memory.ts CASE FILE [STAGING]`. Prints the peak of live memory in MiB as JSON.
import { gunzipSync, gzipSync, strToU8 } from 'fflate';
import { open, readFile } from 'node:fs/promises';
import { bookSource } from '../../shared/backup/format';
import { writeBackup } from '../../shared/backup/write';
import type { BookTables } from '../../shared/model/book';
import { readBook } from '../../server/cli/io';
import { stageRestore } from './book-staging';
import { bookOptions } from './book-options';
import { generateDemoBook } from '../../shared/demo/generator';

/**
 * Live memory is heap in use plus array buffers right after a full collection. A collection costs
 * tens of milliseconds, so a sample collects only when the heap in use (garbage included) stands
 * higher above the start than the live peak so far: live memory is never more than that, so a
 * sample that skips the collection cannot hold a new peak. Samples are taken at every piece the
 * writer hands on, every batch and progress report of the reader, and every 5 ms the work yields.
 */
const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) throw new Error('run with node --expose-gc');

const MiB = 2 ** 20;
let start = 0;
let peak = 0;
const inUse = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
function sample(): void {
  if (inUse() - start <= peak) return;
  collect!();
  peak = Math.max(peak, inUse() - start);
}

async function peakOf(work: () => Promise<unknown>): Promise<number> {
  collect!();
  start = inUse();
  peak = 0;
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

const withoutFiles = (_k: string, v: unknown) => (v instanceof Uint8Array ? undefined : v);

/** What a read returns, held to the end of the measure: it is part of what a whole-book read costs. */
let kept: unknown;

async function measure(kind: string, path: string, staging: string | undefined): Promise<number> {
  switch (kind) {
    case 'write': {
      const book = generateDemoBook(bookOptions);
      return peakOf(() => writeSampled(path, book));
    }
    case 'raw-write': {
      const book = generateDemoBook(bookOptions);
      return peakOf(async () => {
        const json = JSON.stringify(book, withoutFiles);
        sample();
        const bytes = strToU8(json);
        sample();
        gzipSync(bytes, { level: 6 });
        sample();
      });
    }
    case 'read':
      return peakOf(async () => {
        kept = await readBook(path);
      });
    case 'restore':
      return peakOf(() => stageRestore(path, staging!, sample));
    case 'raw-read': {
      const gz = new Uint8Array(await readFile(path));
      return peakOf(async () => {
        const bytes = gunzipSync(gz);
        sample();
        const text = new TextDecoder().decode(bytes);
        sample();
        kept = JSON.parse(text) as unknown;
      });
    }
    default:
      throw new Error(`unknown case ${kind}`);
  }
}

const [kind, path, staging] = process.argv.slice(2);
const peakMiB = await measure(kind!, path!, staging);
void kept;
process.stdout.write(`${JSON.stringify({ peakMiB })}\n`);
