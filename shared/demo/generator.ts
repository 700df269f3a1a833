import { BookBuilder } from '../book/builder';
import { newUnionProfile } from '../book/new-union';
import { addMonths, lastDayOfMonth, monthLabel } from '../dues/months';
import { lastOverdueMonth } from '../dues/overdue';
import { monthlyDues } from '../dues/rule';
import { uuidv7 } from '../ids/uuid7';
import { statusAfter } from '../members/status';
import type { BookTables } from '../model/book';
import type { IsoDate, IsoMonth } from '../model/records';
import { ACTIVITY_CALENDAR } from './calendar';
import { cutAt } from './cut';
import { balanceBudgets, closeEndedMonths, numberVouchers, withdrawPettyCash } from './ledger';
import { Money } from './money';
import { inServiceOn, makePeople, pad, paysFor, writeMemberships, type DemoPerson } from './people';
import { attachPhotos } from './photos';
import { SeededRandom } from './random';
import { makeActivity, makeWelfareYear, giveHolidayGifts } from './year';
import { DEMO_UNION_CODE } from './identity';
import { emptySections } from '../facts/sections';

export interface DemoOptions {
  seed: number;
  members: number;
  /** Number of calendar years of books, ending with the year of `endMonth`. */
  years: number;
  /** Last month of the books, `YYYY-MM`. */
  endMonth: string;
  /** Activities over the whole period (default: the union's calendar, about twenty a year). */
  activities?: number;
  /** Approximate number of transactions over the whole period (default: what the data implies). */
  transactions?: number;
  /** Activity photos to attach in the latest year (small generated PNG images). */
  photos?: number;
  /**
   * The demo's today: nothing is dated after it (the app passes today, so a live demo has no future
   * entries; the year's remaining activities become plans). Default: the last day of `endMonth`.
   */
  today?: IsoDate;
}

export const SMALL_DEMO: Omit<DemoOptions, 'endMonth'> = { seed: 20251231, members: 120, years: 2, photos: 8 };
export const LARGE_DEMO: Omit<DemoOptions, 'endMonth'> = {
  seed: 20251231,
  members: 5000,
  years: 10,
  activities: 2000,
  transactions: 20000,
  photos: 50,
};

/** The petty cash the books open with, and the monthly withdrawals keep cash above. */
const OPENING_CASH_FEN = 300_000;

/**
 * A believable union's books, fully determined by the options: the same options give the same book,
 * byte for byte, on every platform (ids and clocks come from the seed and `today`, not the wall
 * clock). Income is dues and the retained 60 % of the 2 % payroll levy (拨缴经费, which outweighs
 * dues), subsidies and bank interest; spending follows a union's calendar, with holiday gifts the
 * largest line within the spending rule and the year closing a few percent in surplus. Petty cash
 * is drawn from the bank each month, so cash never goes negative.
 */
export function generateDemoBook(options: DemoOptions): BookTables {
  const rnd = new SeededRandom(options.seed);
  const endYear = Number(options.endMonth.slice(0, 4));
  const endDate = lastDayOfMonth(options.endMonth);
  const today = options.today && options.today < endDate ? options.today : endDate;
  const startYear = endYear - options.years + 1;
  const baseTime = Date.parse(`${today}T10:00:00Z`);
  let tick = 0;
  const builder = new BookBuilder(
    'demo-device',
    () => baseTime + tick++,
    () => uuidv7(baseTime + tick, (b) => rnd.fill(b)),
  );
  const b = builder.book;

  const people = makePeople(builder, rnd, options.members, startYear, endDate);
  markBehind(people, rnd, today);
  markHardship(people, rnd, today);
  writeMemberships(builder, people);
  const staff = staffing(people, startYear, endDate);
  const union = builder.insert(
    'union',
    newUnionProfile({
      name: '嘉禾市精工机械有限公司工会委员会',
      employer: '嘉禾市精工机械有限公司',
      code: DEMO_UNION_CODE,
      upperUnion: '嘉禾市南湖区总工会',
      chair: '李建国',
      treasurer: '王晓燕',
      employeeCount: staff.employees,
      womenEmployeeCount: staff.women,
    }),
  );

  const bases = wageBases(builder, rnd, people, startYear, endYear);
  const money = new Money(builder);
  // a union carries about 40 % of a year's income (some 2,100 yuan a member) into the next
  const expectedIncomeFen = options.members * 210_000;
  const openingBankFen = Math.round((expectedIncomeFen * 0.4) / 10_000) * 10_000;
  builder.insert('openingBalances', {
    year: startYear,
    month: `${startYear}-01`,
    booksStart: true,
    duesBeforeFen: 0,
    cashFen: OPENING_CASH_FEN,
    bankFen: openingBankFen,
  });

  const calendarPerYear = options.activities === undefined ? ACTIVITY_CALENDAR.length : Math.floor(options.activities / options.years);
  const extraActivities = options.activities === undefined ? 0 : options.activities - calendarPerYear * options.years;
  const welfareScale = scaleForTransactions(options, people.length);

  for (let year = startYear; year <= endYear; year++) {
    const last = year === endYear ? options.endMonth : `${year}-12`;
    postDues(builder, money, people, bases, year, last);
    payrollLevy(money, people, bases, staff.employees, year, last);
    otherIncome(money, rnd, openingBankFen, year, last);
    const count = calendarPerYear + (year === endYear ? extraActivities : 0);
    for (let i = 0; i < count; i++) makeActivity(builder, money, rnd, people, year, i, last);
    makeWelfareYear(builder, money, rnd, people, year, last, welfareScale);
    runningCosts(money, rnd, year, last, year === endYear);
    giveHolidayGifts(builder, money, rnd, people, year, last, union.spendingPreset, welfareScale);
  }
  if (options.transactions) fillTransactions(money, rnd, options.transactions, startYear, today);
  balanceBudgets(builder, rnd, startYear, endYear);
  cutAt(b, today);
  if (options.photos) attachPhotos(builder, rnd, endYear, options.photos);
  for (const p of people) p.record.status = statusOn(p, today);
  withdrawPettyCash(money, b, OPENING_CASH_FEN);
  closeEndedMonths(builder, startYear, today);
  numberVouchers(b);
  builder.insert('yearNotes', {
    year: endYear,
    sections: {
      ...emptySections(),
      work: '围绕安全生产和技能提升，组织岗位技能比武、“安康杯”知识竞赛和合理化建议评选，一线职工参与热情高。',
      problems:
        '工会干部均为兼职，业务培训不足，活动的组织和宣传还不够细。\n青年职工参与工会活动的积极性有待提高。\n职工书屋藏书更新较慢，借阅率不高。',
      plan: '做好工会换届选举准备工作。\n深化“职工之家”建设，完善职工书屋和健身设施。\n健全困难职工帮扶机制，做好“冬送温暖”“夏送清凉”。\n继续规范工会经费管理，按时编制预算、按月结账。',
    },
  });
  return b;
}

/** Two members fall behind with their dues (three and five months up to the last overdue month); the rest pay by payroll. */
function markBehind(people: DemoPerson[], rnd: SeededRandom, today: IsoDate): void {
  if (people.length < 20) return;
  const through = lastOverdueMonth(today);
  const candidates = people.filter((p) => inServiceOn(p, today) && p.join < `${addMonths(through, -8)}-01` && p.out === '');
  for (const months of [3, 5]) {
    const p = candidates.splice(rnd.int(0, candidates.length - 1), 1)[0];
    if (p) p.behindFrom = addMonths(through, -(months - 1));
  }
}

function markHardship(people: DemoPerson[], rnd: SeededRandom, today: IsoDate): void {
  const candidates = people.filter((p) => inServiceOn(p, today) && p.record.department.includes('车间') && !p.behindFrom);
  const count = Math.max(1, Math.round(people.length / 50));
  for (let i = 0; i < count && candidates.length > 0; i++) {
    const p = candidates.splice(rnd.int(0, candidates.length - 1), 1)[0];
    if (p) p.hardship = true;
  }
}

/**
 * 职工人数 and 女职工 as a union reports them: members in work are about 93 % of the employees, and no
 * count of members ever exceeds the employees it belongs to (checked at every month's end).
 */
function staffing(people: readonly DemoPerson[], startYear: number, endDate: IsoDate): { employees: number; women: number } {
  let inService = 0;
  let women = 0;
  for (let y = startYear; y <= Number(endDate.slice(0, 4)); y++) {
    for (let m = 1; m <= 12; m++) {
      const day = lastDayOfMonth(`${y}-${pad(m)}`);
      if (day > endDate) break;
      const working = people.filter((p) => inServiceOn(p, day));
      inService = Math.max(inService, working.length);
      women = Math.max(women, working.filter((p) => p.record.gender === '女').length);
    }
  }
  const employees = Math.max(Math.ceil(inService / 0.93), inService + 3);
  return { employees, women: Math.max(Math.ceil(employees * 0.36), women + 2) };
}

type Bases = Map<string, number>;

/** Monthly wage bases (岗位工资 + 薪级工资) by department and skill, rising about 3.5 % a year. */
function wageBases(builder: BookBuilder, rnd: SeededRandom, people: readonly DemoPerson[], startYear: number, endYear: number): Bases {
  const out: Bases = new Map();
  for (const p of people) {
    const d = p.record.department;
    const [low, high] = d.includes('研发') ? [7000, 13000] : d.includes('车间') || d.includes('仓储') ? [4500, 7800] : [5200, 10000];
    let base = rnd.int(low, high) * 100;
    for (let year = startYear; year <= endYear; year++) {
      if (p.join <= `${year}-12-31` && (p.out === '' || p.out > `${year}-01-01`)) {
        const baseFen = Math.round(base / 1000) * 1000;
        builder.insert('wageBases', { memberId: p.record.id, year, baseFen });
        out.set(`${p.record.id}:${year}`, baseFen);
      }
      base = Math.round(base * 1.035);
    }
  }
  return out;
}

/** 工资代扣 on the 15th of each month: one payment per paying member and one 401 entry for the batch. */
function postDues(builder: BookBuilder, money: Money, people: readonly DemoPerson[], bases: Bases, year: number, last: IsoMonth): void {
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${pad(m)}`;
    if (month > last) break;
    const batchId = builder.newId();
    let total = 0;
    let count = 0;
    const paidDate = `${month}-15`;
    for (const p of people) {
      if (!paysFor(p, month)) continue;
      if (p.behindFrom && month >= p.behindFrom) continue;
      const amountFen = monthlyDues(bases.get(`${p.record.id}:${year}`) ?? 0);
      if (amountFen <= 0) continue;
      total += amountFen;
      count++;
      builder.insert('duesPayments', {
        memberId: p.record.id,
        month,
        amountFen,
        paidDate,
        method: '工资代扣',
        receiptNumber: '',
        reversalOf: '',
        batchId,
      });
    }
    if (total > 0)
      money.entry(paidDate, 'bank', '401', total, `${monthLabel(month)}会费收入（工资代扣，${count}人）`, { duesBatchId: batchId });
  }
}

/**
 * 拨缴经费: the employer pays 2 % of each month's payroll; 60 % stays with the union (402). The
 * payroll is the employees' gross pay, about 1.45 times the members' wage bases on average.
 */
function payrollLevy(money: Money, people: readonly DemoPerson[], bases: Bases, employees: number, year: number, last: IsoMonth): void {
  const yearBases = people.map((p) => bases.get(`${p.record.id}:${year}`)).filter((v): v is number => v !== undefined);
  const averageBase = yearBases.reduce((s, v) => s + v, 0) / Math.max(1, yearBases.length);
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${pad(m)}`;
    if (month > last) break;
    const payrollFen = Math.round((employees * averageBase * 1.45) / 100) * 100;
    const retained = Math.round(payrollFen * 0.02 * 0.6);
    money.entry(`${month}-25`, 'bank', '402', retained, `${monthLabel(month)}拨缴经费留成（工资总额${yuanText(payrollFen)}元×2%×60%）`);
  }
}

/** Subsidies from the upper union and the bank's quarterly interest. */
function otherIncome(money: Money, rnd: SeededRandom, bankFen: number, year: number, last: IsoMonth): void {
  if (`${year}-04` <= last)
    money.entry(`${year}-04-16`, 'bank', '40302', 500_000, '区总工会困难职工帮扶专项补助', { purpose: '困难职工帮扶' });
  if (`${year}-11` <= last) money.entry(`${year}-11-18`, 'bank', '40301', 200_000, '区总工会基层工会工作经费补助');
  for (const month of ['03', '06', '09', '12']) {
    if (`${year}-${month}` > last) break;
    const interest = Math.round((bankFen * 0.0035) / 4) + rnd.int(-1500, 1500);
    money.entry(`${year}-${month}-21`, 'bank', '408', interest, `${Number(month) / 3}季度银行存款利息`);
  }
}

/** Office supplies from petty cash, two 经审会 meetings, books for the reading room, and one purchase of fitness equipment. */
function runningCosts(money: Money, rnd: SeededRandom, year: number, last: IsoMonth, buysEquipment: boolean): void {
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${pad(m)}`;
    if (month > last) break;
    money.entry(`${month}-${pad(rnd.int(3, 12))}`, 'cash', '50504', rnd.int(15, 45) * 1000, '购买办公用品');
    if (m === 7 || m === 12) money.entry(`${month}-${m === 7 ? '08' : '18'}`, 'cash', '50502', 30_000, '召开经费审查委员会会议');
    if (m === 5) money.entry(`${month}-15`, 'bank', '50304', 300_000, '职工书屋购书');
    if (m === 8 && buysEquipment) money.entry(`${month}-20`, 'bank', '50703', 760_000, '购置职工之家健身器材');
  }
}

/** The benchmark's size: office entries spread over the months up to today until the count is reached. */
function fillTransactions(money: Money, rnd: SeededRandom, target: number, startYear: number, today: IsoDate): void {
  const first = Date.parse(`${startYear}-01-01T00:00:00Z`);
  const days = Math.floor((Date.parse(`${today}T00:00:00Z`) - first) / 86_400_000);
  const kinds = [
    ['50504', '购买办公用品', 'cash'],
    ['50502', '召开工会委员会会议', 'cash'],
    ['50501', '工会干部培训费', 'bank'],
    ['50304', '职工书屋购书', 'bank'],
  ] as const;
  while (money.count < target) {
    const date = new Date(first + rnd.int(0, days) * 86_400_000).toISOString().slice(0, 10);
    const [code, summary, place] = rnd.pick(kinds);
    money.entry(date, place, code, rnd.int(20, 300) * 100, summary);
  }
}

/** Welfare kept to the transaction budget of a benchmark-size book; 1 for a normal demo. */
function scaleForTransactions(options: DemoOptions, members: number): number {
  if (!options.transactions) return 1;
  const fixed = options.years * (12 * 4 + 8) + (options.activities ?? ACTIVITY_CALENDAR.length * options.years);
  const budget = Math.max(0, options.transactions - fixed) * 0.85;
  const natural = members * 5.3 * options.years;
  return Math.min(1, budget / natural);
}

function statusOn(p: DemoPerson, today: IsoDate) {
  if (p.out && p.out <= today) return statusAfter('transfer-out');
  if (p.retire && p.retire <= today) return statusAfter('retire');
  return statusAfter('join');
}

function yuanText(fen: number): string {
  return (fen / 100).toFixed(2);
}
