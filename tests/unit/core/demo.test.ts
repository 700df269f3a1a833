import { describe, expect, it } from 'vitest';
import { findAccount } from '../../../shared/accounts/chart';
import { verifyBook } from '../../../shared/engine/verify/verify-book';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';
import { imageInfo } from '../../../shared/documents/image-size';
import { purposeOf } from '../../../shared/facts/usage';
import { booksStartRow } from '../../../shared/finance/books-start';
import { entryEffect } from '../../../shared/finance/effect';
import { checkIdNumber } from '../../../shared/idcard/gb11643';
import { checkVisit } from '../../../shared/limits/check';
import { resolvePreset } from '../../../shared/limits/presets';
import type { BookTables } from '../../../shared/model/book';

const full = generateDemoBook({ ...SMALL_DEMO, endMonth: '2026-12' });
const live = generateDemoBook({ ...SMALL_DEMO, endMonth: '2026-12', today: '2026-12-01' });

const ofYear = (book: BookTables, year: string) => book.transactions.filter((t) => t.date.startsWith(`${year}-`));
const sum = (rows: { amountFen: number }[]) => rows.reduce((s, r) => s + r.amountFen, 0);

describe('demo book', () => {
  const options = { ...SMALL_DEMO, endMonth: '2025-12' };

  it('is deterministic: the same options give the same book', () => {
    expect(JSON.stringify(generateDemoBook(options))).toBe(JSON.stringify(generateDemoBook(options)));
  });

  it('differs with another seed', () => {
    expect(JSON.stringify(generateDemoBook({ ...options, seed: 2 }).members)).not.toBe(JSON.stringify(generateDemoBook(options).members));
  });

  it('is a consistent union: valid IDs, dues equal to the 401 entries, every visit paired with its expense', () => {
    expect(verifyBook(full, '2026-12-31')).toEqual([]);
    expect(verifyBook(live, '2026-12-01')).toEqual([]);
    expect(full.members).toHaveLength(120);
    expect(full.members.every((m) => checkIdNumber(m.idNumber).ok)).toBe(true);
    expect(sum(full.duesPayments)).toBe(sum(full.transactions.filter((t) => t.accountCode === '401')));
    const byId = new Map(full.transactions.map((t) => [t.id, t]));
    for (const w of full.welfare) {
      const t = byId.get(w.transactionId);
      expect(t).toMatchObject({ amountFen: w.amountFen, welfareId: w.id });
    }
    expect(booksStartRow(full.openingBalances)).toMatchObject({ booksStart: true, month: '2025-01', year: 2025 });
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

describe('the demo is a believable union year', () => {
  const year = ofYear(full, '2026');
  const kind = (code: string) => findAccount(code)?.kind;
  const income = sum(year.filter((t) => kind(t.accountCode) === 'income'));
  const expense = sum(year.filter((t) => kind(t.accountCode) === 'expense'));

  it('spends close to its income: a surplus of a few percent', () => {
    const surplus = (income - expense) / income;
    expect(surplus).toBeGreaterThan(0.01);
    expect(surplus).toBeLessThan(0.08);
  });

  it('gives holiday goods as its largest line, within the spending rule for each person', () => {
    const byPurpose = new Map<string, number>();
    for (const t of year.filter((t) => kind(t.accountCode) === 'expense'))
      byPurpose.set(purposeOf(t.summary), (byPurpose.get(purposeOf(t.summary)) ?? 0) + t.amountFen);
    const ranked = [...byPurpose].sort((a, b) => b[1] - a[1]);
    expect(ranked[0]![0]).toBe('节日慰问');
    const gifts = full.welfare.filter((w) => w.kind === '节日' && w.date.startsWith('2026-'));
    const perPerson = new Map<string, number>();
    for (const g of gifts) perPerson.set(g.memberId, (perPerson.get(g.memberId) ?? 0) + g.amountFen);
    expect(Math.max(...perPerson.values())).toBeLessThanOrEqual(150_000);
    expect(gifts.every((g) => g.form === 'goods')).toBe(true);
  });

  it('keeps every visit within the rule the welfare page checks, and pays a hospital visit by whether there was an operation', () => {
    const preset = resolvePreset(full.union[0]!.spendingPreset);
    for (const w of full.welfare) {
      const sameYear = full.welfare.filter((v) => v.date.slice(0, 4) === w.date.slice(0, 4));
      expect(checkVisit(w, sameYear, preset, { budgets: full.budgets }), `${w.kind} ${w.date}`).toEqual([]);
    }
    const hospital = full.welfare.filter((w) => w.kind === '住院');
    expect(hospital.length).toBeGreaterThan(0);
    for (const h of hospital) expect(h.amountFen).toBe(h.subKind === '手术' ? 100_000 : 50_000);
  });

  it('takes 拨缴经费 from its payroll (2 %, 60 % kept), well above its dues', () => {
    const levy = year.filter((t) => t.accountCode === '402');
    expect(levy).toHaveLength(12);
    const employees = full.union[0]!.employeeCount;
    for (const t of levy) {
      const payroll = Number(/工资总额([\d.]+)元×2%×60%/.exec(t.summary)?.[1]) * 100;
      expect(t.amountFen).toBe(Math.round(payroll * 0.012));
      const monthlyWage = payroll / employees / 100;
      expect(monthlyWage).toBeGreaterThan(6_000);
      expect(monthlyWage).toBeLessThan(20_000);
    }
    expect(sum(levy)).toBeGreaterThan(3 * sum(year.filter((t) => t.accountCode === '401')));
  });

  it('holds its meetings, helps members in hardship and earns bank interest', () => {
    const titles = full.activities.filter((a) => a.startDate.startsWith('2026-')).map((a) => a.title);
    expect(titles).toContain('工会会员大会');
    expect(titles).toContain('二届三次职工代表大会');
    expect(year.some((t) => t.accountCode === '50502' && t.summary === '召开经费审查委员会会议')).toBe(true);
    expect(full.welfare.some((w) => w.kind === '困难帮扶' && w.date.startsWith('2026-'))).toBe(true);
    expect(year.filter((t) => t.accountCode === '408' && t.summary.includes('利息'))).toHaveLength(4);
  });

  it('prices activities by their turnout', () => {
    for (const a of full.activities) {
      for (const id of a.transactionIds) {
        const t = full.transactions.find((x) => x.id === id)!;
        // a whole number of yuan per participant
        expect(t.amountFen % (a.participantIds.length * 100)).toBe(0);
      }
    }
  });

  it('counts no more members than employees, no more women members than women employees', () => {
    const u = full.union[0]!;
    const working = full.members.filter((m) => m.status === 'active');
    expect(working.length).toBeLessThanOrEqual(u.employeeCount);
    expect(working.filter((m) => m.gender === '女').length).toBeLessThanOrEqual(u.womenEmployeeCount);
  });

  it('retires nobody before the statutory age', () => {
    const members = new Map(full.members.map((m) => [m.id, m]));
    const retirements = full.memberships.filter((e) => e.kind === 'retire');
    expect(retirements.length).toBeGreaterThan(0);
    for (const e of retirements) {
      const m = members.get(e.memberId)!;
      const age = Number(e.date.slice(0, 4)) - Number(m.birthDate.slice(0, 4));
      expect(age).toBeGreaterThanOrEqual(m.gender === '男' ? 60 : 50);
    }
    for (const m of full.members) {
      const joinAge = Number(m.joinDate.slice(0, 4)) - Number(m.birthDate.slice(0, 4));
      expect(joinAge).toBeGreaterThanOrEqual(18);
    }
  });

  it('has photos on some activities, real PNG images', () => {
    const withPhotos = full.activities.filter((a) => a.photoIds.length > 0);
    expect(withPhotos.length).toBeGreaterThanOrEqual(3);
    for (const a of full.attachments) {
      expect(a.mimeType).toBe('image/png');
      expect(imageInfo(a.data)).toMatchObject({ type: 'png', width: 360, height: 240 });
    }
  });

  it('draws petty cash from the bank each month, so cash never goes negative on any day', () => {
    expect(full.transactions.filter((t) => t.accountCode === '101' && t.place === 'bank').length).toBeGreaterThanOrEqual(12);
    for (const book of [full, live]) {
      const byDay = new Map<string, number>();
      for (const t of book.transactions) byDay.set(t.date, (byDay.get(t.date) ?? 0) + entryEffect(t).cashFen);
      let cash = booksStartRow(book.openingBalances)!.cashFen;
      for (const day of [...byDay.keys()].sort()) {
        cash += byDay.get(day)!;
        expect(cash, day).toBeGreaterThanOrEqual(0);
      }
    }
  });
});

describe('demo book for a live app', () => {
  it('has nothing dated after its today; what is still to come this year is a plan', () => {
    const today = '2026-12-01';
    const dates = [
      ...live.transactions.map((t) => t.date),
      ...live.welfare.map((w) => w.date),
      ...live.duesPayments.map((p) => p.paidDate),
      ...live.memberships.map((e) => e.date),
      ...live.members.map((m) => m.joinDate),
      ...live.activities.filter((a) => !a.planned).map((a) => a.endDate),
    ];
    expect(dates.filter((d) => d > today)).toEqual([]);
    expect(dates.filter((d) => d.startsWith('2026-11')).length).toBeGreaterThan(0);
    const plans = live.activities.filter((a) => a.planned);
    expect(plans.map((a) => a.title)).toEqual(['基层工会干部业务培训', '迎新年职工文艺汇演']);
    expect(plans.every((a) => a.startDate > today && a.transactionIds.length === 0)).toBe(true);
    // every row was written on or before that day
    expect(live.transactions.every((t) => t.updatedAt.slice(0, 10) <= today)).toBe(true);
  });

  it('is the same book as the full year up to that day', () => {
    const upTo = (book: BookTables) =>
      JSON.stringify([
        sum(book.duesPayments),
        sum(book.welfare),
        book.members.length,
        book.transactions.filter((t) => t.date <= '2026-12-01' && t.accountCode !== '101').length,
      ]);
    expect(upTo(live)).toBe(
      upTo({
        ...full,
        duesPayments: full.duesPayments.filter((p) => p.paidDate <= '2026-12-01'),
        welfare: full.welfare.filter((w) => w.date <= '2026-12-01'),
      }),
    );
  });
});
