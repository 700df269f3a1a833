import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readWholeBook } from '../../../renderer/src/features/backup/book-io';
import { freshDb } from '../db/helpers';
import { SeededRandom } from '../../../shared/demo/random';
import { DEFAULT_DUES_RULE } from '../../../shared/dues/rule';
import { isBookError } from '../../../shared/engine/errors';
import { postDuesMonth, reverseDuesPayment } from '../../../shared/engine/ops/dues';
import { postEntry, reverseEntry, transferMoney, updateEntry } from '../../../shared/engine/ops/entries';
import { closeMonth, reopenMonth } from '../../../shared/engine/ops/periods';
import type { MemoryStore } from '../../../shared/engine/memory-store';
import type { BookStore } from '../../../shared/engine/store';
import type { DuesPayment, Transaction } from '../../../shared/model/records';
import type { BookTables } from '../../../shared/model/book';
import { verifyBook } from '../../../shared/engine/verify/verify-book';
import { describeVerifyProblem } from '../../../shared/engine/verify/problem';
import { balancesAt } from '../../../shared/finance/balances';
import { entryEffect } from '../../../shared/finance/effect';
import { journalOfYear } from '../../../shared/finance/journal';
import { memoryStore, seedBook, TODAY } from './fixture';

const ACCOUNTS = ['401', '402', '408', '50102', '50105', '50502', '50404', '501', '999', '101', '102'];

/** A date in 2026 (mostly in the books), sometimes before the start, after today, or not a date at all. */
function date(r: SeededRandom): string {
  if (r.chance(0.05)) return r.pick(['2025-12-31', '2099-01-01', '2026-02-30', 'yesterday']);
  return `2026-${String(r.int(1, 11)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
}

function amount(r: SeededRandom): number {
  if (r.chance(0.08)) return r.pick([0, -500, 1.5, 2e15, Number.NaN]);
  return r.int(1, 400_000);
}

type Op = (store: MemoryStore | BookStore, r: SeededRandom) => Promise<unknown>;

const live = (store: MemoryStore | BookStore) =>
  ('book' in store ? store.book.transactions : transactionsSeen).filter((t) => t.deleted === 0);
/** The Dexie run's entries as last read, so ops can pick one without an async read. */
let transactionsSeen: Transaction[] = [];
let paymentsSeen: DuesPayment[] = [];

const OPS: Op[] = [
  (s, r) =>
    postEntry(s, {
      date: date(r),
      place: r.pick(['cash', 'bank'] as const),
      accountCode: r.pick(ACCOUNTS),
      amountFen: amount(r),
      summary: r.chance(0.05) ? '' : '随机',
    }),
  (s, r) => {
    const t = r.pick(live(s).length ? live(s) : [undefined]);
    if (!t) return Promise.resolve();
    return updateEntry(s, t.id, {
      date: r.chance(0.5) ? t.date : date(r),
      place: r.pick(['cash', 'bank'] as const),
      accountCode: r.pick(ACCOUNTS),
      amountFen: amount(r),
      summary: '改',
    });
  },
  (s, r) => {
    const t = r.pick(live(s).length ? live(s) : [undefined]);
    return t ? reverseEntry(s, t.id, date(r), '冲') : Promise.resolve();
  },
  (s, r) => transferMoney(s, { date: date(r), from: r.pick(['cash', 'bank'] as const), amountFen: amount(r) }),
  (s, r) => closeMonth(s, `2026-${String(r.int(1, 12)).padStart(2, '0')}`),
  (s, r) => reopenMonth(s, `2026-${String(r.int(1, 12)).padStart(2, '0')}`, r.chance(0.2) ? '' : '更正'),
  (s, r) => {
    const month = `2026-${String(r.int(1, 12)).padStart(2, '0')}`;
    return postDuesMonth(s, { month, paidDate: r.chance(0.7) ? `${month}-25` : date(r), rule: DEFAULT_DUES_RULE });
  },
  (s, r) => {
    const payments = 'book' in s ? s.book.duesPayments : paymentsSeen;
    const p = r.pick(payments.length ? payments : [undefined]);
    return p ? reverseDuesPayment(s, { paymentId: p.id, date: date(r), reason: '收错' }) : Promise.resolve();
  },
];

/** What the journal says cash and bank hold: the opening plus every live entry by the sign rule. */
function journalSums(book: BookTables): { cashFen: number; bankFen: number } {
  const open = book.openingBalances.find((o) => o.booksStart && o.deleted === 0)!;
  const out = { cashFen: open.cashFen, bankFen: open.bankFen };
  for (const t of book.transactions.filter((x) => x.deleted === 0)) {
    const e = entryEffect(t);
    out.cashFen += e.cashFen;
    out.bankFen += e.bankFen;
  }
  return out;
}

describe('random sequences of writes through the engine', () => {
  for (let seed = 1; seed <= 25; seed++) {
    it(`never leave a book that verify rejects (seed ${seed})`, async () => {
      const store = memoryStore();
      await seedBook(store);
      const r = new SeededRandom(seed);
      let refused = 0;
      for (let step = 0; step < 60; step++) {
        try {
          await r.pick(OPS)(store, r);
        } catch (error) {
          // Only refusals meant for the user are allowed; anything else is a bug in the engine.
          if (!isBookError(error)) throw error;
          refused++;
        }
        const problems = verifyBook(store.book, TODAY).map(describeVerifyProblem);
        expect(problems, `seed ${seed} step ${step}`).toEqual([]);
        const sums = journalSums(store.book);
        expect(balancesAt(store.book, '2026-12-31')).toEqual(sums);
        expect(journalOfYear(store.book, 2026).closing).toEqual(sums);
      }
      // The sequences exercise both sides: some writes are taken, some refused.
      expect(refused).toBeGreaterThan(0);
      expect(refused).toBeLessThan(60);
    });
  }
});

describe('random sequences of writes through the engine on Dexie', () => {
  for (let seed = 101; seed <= 104; seed++) {
    it(`keep the app's book sound too (seed ${seed})`, async () => {
      const { db, store } = await freshDb(undefined, TODAY);
      await seedBook(store);
      const r = new SeededRandom(seed);
      for (let step = 0; step < 40; step++) {
        transactionsSeen = await db.transactions.toArray();
        paymentsSeen = await db.duesPayments.toArray();
        try {
          await r.pick(OPS)(store, r);
        } catch (error) {
          if (!isBookError(error)) throw error;
        }
        const book = await readWholeBook(db);
        expect(verifyBook(book, TODAY).map(describeVerifyProblem), `seed ${seed} step ${step}`).toEqual([]);
        expect(balancesAt(book, '2026-12-31')).toEqual(journalSums(book));
      }
      db.close();
    });
  }
});
