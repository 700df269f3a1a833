import { withAppPage } from './browser';

export interface BrowserDuesTimes {
  postMs: number;
  rawMs: number;
  posted: number;
}

/**
 * 登记本月会费 for 5,000 members in Debian's Chromium (real IndexedDB), the way the button runs it,
 * beside a raw bulkAdd of as many prebuilt payment + outbox rows; median of 5 (each run a new month).
 */
export async function measureDuesInChromium(members: number): Promise<BrowserDuesTimes> {
  return withAppPage((page) =>
    page.evaluate(
      async ({ root, members }) => {
        const imp = (p: string) => import(/* @vite-ignore */ p);
        const { generateDemoBook } = await imp(`/@fs${root}/shared/demo/generator.ts`);
        const { DEFAULT_DUES_RULE } = await imp(`/@fs${root}/shared/dues/rule.ts`);
        const { stampInsert } = await imp(`/@fs${root}/shared/book/changes.ts`);
        const { HybridLogicalClock } = await imp(`/@fs${root}/shared/clock/hlc.ts`);
        const { UnionBooksDB } = await imp('/src/db/database.ts');
        const { openMutator } = await imp('/src/db/mutations.ts');
        const { postDuesMonth } = await imp('/src/features/dues/mutations.ts');
        const book = generateDemoBook({ seed: 5, members, years: 1, endMonth: '2025-12', activities: 0, transactions: 1 });
        book.wageBases = [...book.wageBases, ...book.wageBases.map((w: { id: string }) => ({ ...w, id: `${w.id}-2026`, year: 2026 }))];
        const db = new UnionBooksDB('dues-bench');
        await db.open();
        const mutator = await openMutator(db);
        await mutator.replaceBook(book);
        const median = (times: number[]) => times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
        const post: number[] = [];
        let posted = 0;
        for (const month of ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05']) {
          const t0 = performance.now();
          posted = (await postDuesMonth(db, mutator, { month, paidDate: `${month}-15`, rule: DEFAULT_DUES_RULE })).posted;
          post.push(performance.now() - t0);
        }
        const ctx = { deviceId: 'bench', clock: new HybridLogicalClock('bench') };
        const raw: number[] = [];
        for (const month of ['2027-01', '2027-02', '2027-03', '2027-04', '2027-05']) {
          const rows = book.members.map((m: { id: string }) =>
            stampInsert(ctx, 'duesPayments', {
              memberId: m.id,
              month,
              amountFen: 2500,
              paidDate: `${month}-15`,
              method: '工资代扣',
              receiptNumber: '',
              reversalOf: '',
              batchId: month,
            }),
          );
          const t0 = performance.now();
          await db.transaction('rw', [db.duesPayments, db.$changes], async () => {
            await db.duesPayments.bulkAdd(rows.map((r: { record: unknown }) => r.record));
            await db.$changes.bulkAdd(rows.map((r: { change: unknown }) => r.change));
          });
          raw.push(performance.now() - t0);
        }
        db.close();
        await db.delete();
        return { postMs: median(post), rawMs: median(raw), posted };
      },
      { root: process.cwd(), members },
    ),
  );
}
