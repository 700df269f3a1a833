import { withoutBytes } from '../../shared/backup/format';
import { readBackupRows } from '../../shared/backup/read';
import { writeBackup, type BackupSource } from '../../shared/backup/write';
import { generateDemoBook, SMALL_DEMO } from '../../shared/demo/generator';
import { RestorableRows } from '../../shared/engine/restore';
import { TABLE_NAMES, type BookTables, type TableName } from '../../shared/model/book';
import type { BenchResult } from './types';
import { turnEvery } from '../../renderer/src/platform/turns';

/**
 * The longest stretch of synchronous work (CPU time) while the large demo book is written to a backup and read
 * back for a restore, in Node: every place the app's code hands the event loop a turn (a database
 * read, a staged batch written, a pause) is a task boundary here too (setImmediate), and the gaps
 * between them are what the browser would run as one task. Steadier than the browser's long tasks
 * on a loaded machine, and it names the work, not the page.
 */
const TARGET = 100;
const ENV = 'Node, CPU time between turns of the event loop; demo book of 5,000 members, 20,000 entries, 10 photos';

/**
 * Records the longest stretch between two turns of the event loop, in CPU time (the process's, so
 * time the machine gave to other work does not count) and in wall time.
 */
function stepClock() {
  const cpuMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  let since = performance.now();
  let cpuSince = cpuMs();
  let longest = 0;
  let longestWall = 0;
  let turns = 0;
  return {
    turn: async () => {
      longestWall = Math.max(longestWall, performance.now() - since);
      longest = Math.max(longest, cpuMs() - cpuSince);
      turns++;
      await new Promise((resolve) => setImmediate(resolve));
      since = performance.now();
      cpuSince = cpuMs();
    },
    result: () => ({ longest, longestWall, turns }),
  };
}

/** The app's database source (db-source.ts): batches of `rows` and `files`, each one read, and the writer's pause a read too. */
function dbLikeSource(book: BookTables, rows: number, files: number, turn: () => Promise<void>): BackupSource {
  const batches = async function* <T>(all: readonly T[], size: number) {
    for (let at = 0; at < all.length; at += size) {
      await turn();
      yield all.slice(at, at + size);
    }
  };
  return {
    counts: Object.fromEntries(TABLE_NAMES.map((t) => [t, book[t].length])) as Record<TableName, number>,
    rows: (table) => batches<unknown>(table === 'attachments' ? book.attachments.map(withoutBytes) : book[table], rows),
    files: () => batches(book.attachments, files),
    pause: turn,
  };
}

export async function run(): Promise<BenchResult[]> {
  // The book the responsiveness bench seeds in the browser (responsive.bench.ts).
  const book = generateDemoBook({ ...SMALL_DEMO, members: 5000, transactions: 20_000, photos: 10, endMonth: '2025-12' });
  const pieces: Uint8Array[] = [];
  const writing = stepClock();
  const started = performance.now();
  await writeBackup(dbLikeSource(book, 500, 2, writing.turn), { createdAt: '2025-12-31T00:00:00.000Z', appVersion: 'bench' }, (p) => {
    pieces.push(p);
  });
  const writeMs = performance.now() - started;
  // As the app wrote before the writer paused: a turn only between batches of 1,000 rows or 8 files.
  const unpaused = stepClock();
  const unpausedStarted = performance.now();
  const { pause: _, ...batchesOnly } = dbLikeSource(book, 1000, 8, unpaused.turn);
  await writeBackup(batchesOnly, { createdAt: '2025-12-31T00:00:00.000Z', appVersion: 'bench' }, () => undefined);
  const unpausedMs = performance.now() - unpausedStarted;
  const size = pieces.reduce((n, p) => n + p.length, 0);
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const p of pieces) {
    bytes.set(p, at);
    at += p.length;
  }

  // The restore's staging: each batch checked and copied (as IndexedDB copies what it stores), then written.
  const reading = stepClock();
  const checker = new RestorableRows();
  const stage = async (table: TableName, rows: readonly unknown[]) => {
    structuredClone(rows.map((row) => checker.check(table, row)));
    await reading.turn();
  };
  const readStarted = performance.now();
  await readBackupRows(
    { size: bytes.length, read: async (offset, length) => bytes.subarray(offset, offset + length) },
    { rows: stage, file: (a) => stage('attachments', [a]) },
    // The app's pause, counted here as if the window were in view.
    { pause: turnEvery(40, reading.turn, () => false) },
  );
  const readMs = performance.now() - readStarted;

  const result = (name: string, clock: ReturnType<typeof stepClock>, ms: number, baseline?: BenchResult['baseline']): BenchResult => ({
    name: `backup steps: longest synchronous step while ${name}`,
    ms: clock.result().longest,
    runs: 1,
    targetMs: TARGET,
    environment: ENV,
    ...(baseline ? { baseline } : {}),
    figures: {
      'longest step in wall time (ms)': clock.result().longestWall,
      'the work took (ms)': ms,
      'turns of the event loop': clock.result().turns,
      'file (bytes)': size,
    },
  });
  const before = {
    name: `turns only between batches of 1,000 rows / 8 files (took ${Math.round(unpausedMs)} ms)`,
    ms: unpaused.result().longest,
  };
  return [result('writing the backup (备份)', writing, writeMs, before), result('reading and staging it (恢复)', reading, readMs)];
}
