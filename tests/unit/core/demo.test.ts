import { describe, expect, it } from 'vitest';
import { verifyBook } from '../../../shared/engine/verify/verify-book';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';
import { checkIdNumber } from '../../../shared/idcard/gb11643';

describe('demo book', () => {
  const options = { ...SMALL_DEMO, endMonth: '2025-12' };

  it('is deterministic: the same options give the same book', () => {
    expect(JSON.stringify(generateDemoBook(options))).toBe(JSON.stringify(generateDemoBook(options)));
  });

  it('differs with another seed', () => {
    expect(generateDemoBook({ ...options, seed: 2 }).members[0]?.name).not.toBe(undefined);
    expect(JSON.stringify(generateDemoBook({ ...options, seed: 2 }).members)).not.toBe(JSON.stringify(generateDemoBook(options).members));
  });

  it('is a realistic, consistent union', () => {
    const book = generateDemoBook(options);
    expect(verifyBook(book)).toEqual([]);
    expect(book.members).toHaveLength(120);
    expect(book.members.every((m) => checkIdNumber(m.idNumber).ok)).toBe(true);
    expect(book.activities.length).toBeGreaterThan(10);
    expect(book.welfare.length).toBeGreaterThan(50);
    const dues = book.duesPayments.reduce((s, p) => s + p.amountFen, 0);
    const income401 = book.transactions.filter((t) => t.accountCode === '401').reduce((s, t) => s + t.amountFen, 0);
    expect(income401).toBe(dues);
    for (const w of book.welfare) {
      const t = book.transactions.find((x) => x.id === w.transactionId);
      expect(t?.amountFen).toBe(w.amountFen);
    }
  });

  it('scales to the benchmark size', () => {
    const book = generateDemoBook({ seed: 7, members: 300, years: 3, endMonth: '2025-12', activities: 90, transactions: 1500, photos: 5 });
    expect(book.members).toHaveLength(300);
    expect(book.activities).toHaveLength(90);
    expect(book.transactions.length).toBeGreaterThanOrEqual(1500);
    expect(book.transactions.length).toBeLessThan(1800);
    expect(book.attachments).toHaveLength(5);
    expect(new Set(book.duesPayments.map((p) => p.month.slice(0, 4)))).toEqual(new Set(['2023', '2024', '2025']));
  });
});

describe('demo book for a live app', () => {
  it('has no record dated after today', () => {
    const book = generateDemoBook({ ...SMALL_DEMO, endMonth: '2026-11', today: '2026-11-21' });
    const dates = [
      ...book.transactions.map((t) => t.date),
      ...book.welfare.map((w) => w.date),
      ...book.activities.map((a) => a.endDate),
      ...book.duesPayments.map((p) => p.paidDate),
    ];
    expect(dates.filter((d) => d > '2026-11-21')).toEqual([]);
    expect(dates.filter((d) => d.startsWith('2026-11')).length).toBeGreaterThan(0);
  });
});

describe('demo money places', () => {
  it('never lets 库存现金 go negative', () => {
    const book = generateDemoBook({ seed: 3, members: 200, years: 3, endMonth: '2025-12' });
    let cash = book.openingBalances[0]?.cashFen ?? 0;
    const sorted = [...book.transactions].sort((a, b) => a.date.localeCompare(b.date));
    for (const t of sorted) {
      if (t.place !== 'cash') continue;
      cash += t.accountCode.startsWith('4') ? t.amountFen : -t.amountFen;
      expect(cash).toBeGreaterThanOrEqual(0);
    }
    expect(sorted.some((t) => t.place === 'cash')).toBe(true);
  });
});
