// Runs inside Chromium (loaded through the Vite dev server by dues.bench.ts): 登记本月会费 exactly as
// the button runs it (the book engine over the Dexie store) against the browser's real IndexedDB.
import { stampInsert } from '../../shared/book/changes';
import { HybridLogicalClock } from '../../shared/clock/hlc';
import { generateDemoBook } from '../../shared/demo/generator';
import { postDuesMonth } from '../../shared/engine/ops/dues';
import { DEFAULT_DUES_RULE } from '../../shared/dues/rule';
import { UnionBooksDB } from '../../renderer/src/db/database';
import { DexieStore } from '../../renderer/src/db/dexie-store';
import { openMutator } from '../../renderer/src/db/mutations';
import { monthPayments, rawMonthRows, writeRawPosting } from './dues-raw-write';

export interface BrowserDuesTimes {
  post: number[];
  raw: number[];
  rawSequential: number[];
  reads: number[];
  posted: number;
  /** Longest main-thread task seen while each posting ran (PerformanceObserver 'longtask'; 0 when none over 50 ms). */
  longestTask: number[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function watchLongTasks(): () => number {
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  return () => {
    for (const e of observer.takeRecords()) longest = Math.max(longest, e.duration);
    observer.disconnect();
    return longest;
  };
}

/** Lets the page settle so a long task of the previous step is not counted in the next. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

/**
 * Each round posts one new month the engine's way, then writes the same number of prebuilt,
 * stamped payment + outbox rows and a 401 entry with bare bulkAdds (the raw write the posting
 * needs), then times the reads the posting makes. Rounds alternate so both see the same book size.
 */
export async function runDuesBench(members: number, rounds: number): Promise<BrowserDuesTimes & { medians: Record<string, number> }> {
  const book = generateDemoBook({ seed: 5, members, years: 1, endMonth: '2025-12', activities: 0, transactions: 1 });
  book.wageBases = [...book.wageBases, ...book.wageBases.map((w) => ({ ...w, id: `${w.id}-2026`, year: 2026 }))];
  const db = new UnionBooksDB(`dues-bench-${Date.now()}`);
  await db.open();
  const mutator = await openMutator(db);
  await mutator.replaceBook(book);
  const store = new DexieStore(db, mutator, () => '2026-12-31');
  const ctx = { deviceId: 'bench', clock: new HybridLogicalClock('bench') };
  const times: BrowserDuesTimes = { post: [], raw: [], rawSequential: [], reads: [], posted: 0, longestTask: [] };
  for (let i = 0; i < rounds; i++) {
    const month = `2026-${String(i + 1).padStart(2, '0')}`;
    await settle();
    const stop = watchLongTasks();
    let t0 = performance.now();
    const plan = await postDuesMonth(store, { month, paidDate: `${month}-15`, rule: DEFAULT_DUES_RULE });
    times.post.push(performance.now() - t0);
    await settle();
    times.longestTask.push(stop());
    times.posted = plan.posted;

    const rawMonth = `2027-${String(i + 1).padStart(2, '0')}`;
    // The same rows as the posting wrote: as many payments, and its 401 entry (raw-posting-write.test.ts
    // checks that the raw write of a posting's rows leaves the same rows and derived rows).
    const posted = book.members.slice(0, plan.posted).map((m) => m.id);
    const raw = rawMonthRows(ctx, posted, rawMonth, `记-${String(i + 1).padStart(3, '0')}`);
    await settle();
    t0 = performance.now();
    await writeRawPosting(db, raw);
    times.raw.push(performance.now() - t0);
    const seqRows = monthPayments(posted, `2028-${String(i + 1).padStart(2, '0')}`, `seq-${i}`).map((p) =>
      stampInsert(ctx, 'duesPayments', p),
    );
    await settle();
    t0 = performance.now();
    await db.transaction('rw', [db.duesPayments, db.$changes], async () => {
      await db.duesPayments.bulkAdd(seqRows.map((r) => r.record));
      await db.$changes.bulkAdd(seqRows.map((r) => r.change));
    });
    times.rawSequential.push(performance.now() - t0);

    // What the posting reads, all issued at once: the period rules, each member's dues row (the
    // member's dues fields, events and bases: $duesMembers), the next month's payments and the year's
    // entries (for the voucher number).
    await settle();
    t0 = performance.now();
    const next = `2026-${String(i + 2).padStart(2, '0')}`;
    await db.transaction('r', [db.monthCloses, db.submissions, db.openingBalances, db.$duesMembers, db.duesPayments, db.transactions], () =>
      Promise.all([
        db.monthCloses.toArray(),
        db.submissions.toArray(),
        db.openingBalances.toArray(),
        db.$duesMembers.toArray(),
        db.duesPayments.where('month').equals(next).toArray(),
        db.transactions.where('date').between('2026-01-01', '2026-12-31', true, true).toArray(),
      ]),
    );
    times.reads.push(performance.now() - t0);
  }
  db.close();
  await db.delete();
  return {
    ...times,
    medians: {
      post: median(times.post),
      raw: median(times.raw),
      rawSequential: median(times.rawSequential),
      reads: median(times.reads),
      longestTask: Math.max(...times.longestTask),
    },
  };
}
