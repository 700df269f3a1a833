import { CATEGORY_ACCOUNT } from '../activities/categories';
import { BookBuilder } from '../book/builder';
import { newUnionProfile } from '../book/new-union';
import { monthlyDues } from '../dues/rule';
import { makeIdNumber } from '../idcard/gb11643';
import { uuidv7 } from '../ids/uuid7';
import type { BookTables } from '../model/book';
import type { IsoDate, Member, MemberStatus, WelfareKind } from '../model/records';
import { welfareAccount } from '../welfare/kinds';
import { SeededRandom } from './random';
import {
  ACTIVITY_TITLES,
  DEPARTMENTS,
  EDUCATION,
  ETHNICITY,
  GIVEN_FEMALE,
  GIVEN_MALE,
  PLACES,
  POLITICAL,
  REGIONS,
  SKILL,
  SURNAMES,
} from './names';

export interface DemoOptions {
  seed: number;
  members: number;
  /** Number of calendar years of books, ending with the year of `endMonth`. */
  years: number;
  /** Last month with dues and entries, `YYYY-MM`. */
  endMonth: string;
  /** Activities over the whole period (default: 24 a year). */
  activities?: number;
  /** Approximate number of transactions over the whole period (default: what the data implies). */
  transactions?: number;
  /** Activity photos to attach in the latest year (small generated images). */
  photos?: number;
  /** No record is dated after this day (the app passes today, so a live demo has no future entries). */
  today?: IsoDate;
}

export const SMALL_DEMO: Omit<DemoOptions, 'endMonth'> = { seed: 20251231, members: 120, years: 1 };
export const LARGE_DEMO: Omit<DemoOptions, 'endMonth'> = {
  seed: 20251231,
  members: 5000,
  years: 10,
  activities: 2000,
  transactions: 20000,
  photos: 50,
};

interface DemoMember {
  record: Member;
  joinMonth: string;
  /** First month no longer paying (retired/left), or '' when paying to the end. */
  endMonth: string;
  arrearsFrom: string;
}

/**
 * A realistic union's books, fully determined by the options: the same options give the same
 * book, byte for byte, on every platform (ids and clocks come from the seed, not the wall clock).
 */
export function generateDemoBook(options: DemoOptions): BookTables {
  const rnd = new SeededRandom(options.seed);
  const endYear = Number(options.endMonth.slice(0, 4));
  const endMonthNo = Number(options.endMonth.slice(5, 7));
  const startYear = endYear - options.years + 1;
  const baseTime = Date.UTC(endYear, endMonthNo - 1, 1);
  let tick = 0;
  const builder = new BookBuilder(
    'demo-device',
    () => baseTime + tick++,
    () => uuidv7(baseTime + tick, (b) => rnd.fill(b)),
  );
  const b = builder.book;
  const months = monthRange(`${startYear}-01`, options.endMonth);
  const employeeCount = Math.round(options.members / 0.93);

  builder.insert(
    'union',
    newUnionProfile({
      name: '嘉禾市精工机械有限公司工会委员会',
      employer: '嘉禾市精工机械有限公司',
      code: '81330400MC0000001X',
      upperUnion: '嘉禾市南湖区总工会',
      chair: '李建国',
      treasurer: '王晓燕',
      employeeCount,
      womenEmployeeCount: Math.round(employeeCount * 0.5),
    }),
  );
  builder.insert('openingBalances', {
    year: startYear,
    month: `${startYear}-01`,
    booksStart: true,
    duesBeforeFen: 0,
    cashFen: OPENING_CASH_FEN,
    bankFen: 5_000_000,
  });

  const people: DemoMember[] = [];
  for (let i = 0; i < options.members; i++) people.push(makeMember(builder, rnd, i, months, startYear));

  for (let year = startYear; year <= endYear; year++) {
    for (const p of people) {
      const base = Math.round((300_000 + rnd.int(0, 900_000)) * (1 + 0.03 * (year - startYear)));
      builder.insert('wageBases', { memberId: p.record.id, year, baseFen: base });
    }
  }
  const baseOf = new Map(b.wageBases.map((w) => [`${w.memberId}:${w.year}`, w.baseFen]));

  for (const month of months) {
    const batchId = builder.newId();
    const year = Number(month.slice(0, 4));
    let total = 0;
    for (const p of people) {
      if (month < p.joinMonth || (p.endMonth && month >= p.endMonth)) continue;
      if (p.arrearsFrom && month >= p.arrearsFrom) continue;
      const amountFen = monthlyDues(baseOf.get(`${p.record.id}:${year}`) ?? 0);
      total += amountFen;
      builder.insert('duesPayments', {
        memberId: p.record.id,
        month,
        amountFen,
        paidDate: `${month}-15`,
        method: '工资代扣',
        receiptNumber: '',
        reversalOf: '',
        batchId,
      });
    }
    if (total > 0) {
      tx(builder, `${month}-15`, '401', total, `${Number(month.slice(5))}月会费收入（工资代扣）`, { duesBatchId: batchId });
    }
    tx(builder, `${month}-${pad(rnd.int(3, 26))}`, '50504', rnd.int(5, 30) * 1000, '购买办公用品');
    if (['03', '06', '09', '12'].includes(month.slice(5))) {
      const payroll = employeeCount * 650_000 * 3;
      tx(builder, `${month}-20`, '402', Math.round(payroll * 0.02 * 0.6), `${Number(month.slice(5)) / 3}季度拨缴经费（留成60%）`);
    }
  }

  const activityCount = options.activities ?? 24 * options.years;
  const fixedTx = b.transactions.length + Math.round(activityCount * 0.7);
  const welfareBudget = options.transactions ? Math.max(0, options.transactions - fixedTx) * 0.85 : Infinity;
  const naturalWelfare = options.members * 1.12 * options.years;
  const welfareScale = Math.min(1, welfareBudget / naturalWelfare);

  for (let i = 0; i < activityCount; i++) makeActivity(builder, rnd, people, months, i, activityCount);
  for (const year of range(startYear, endYear)) makeWelfare(builder, rnd, people, year, months, welfareScale);
  if (options.transactions) {
    while (b.transactions.length < options.transactions) {
      const month = rnd.pick(months);
      const [code, summary] = rnd.pick([
        ['50504', '购买办公用品'],
        ['50502', '召开工会委员会会议'],
        ['50501', '工会干部培训费'],
        ['50304', '职工书屋购书'],
      ] as const);
      tx(builder, `${month}-${String(rnd.int(1, 28)).padStart(2, '0')}`, code, rnd.int(20, 300) * 100, summary);
    }
  }
  if (options.photos) attachPhotos(builder, rnd, endYear, options.photos);

  for (const year of range(startYear, endYear)) {
    for (const code of ['401', '402', '501', '503', '504', '505']) {
      const actual = b.transactions
        .filter((t) => t.date.startsWith(String(year)) && t.accountCode.startsWith(code))
        .reduce((sum, t) => sum + t.amountFen, 0);
      const planned = Math.round((actual * (1 + rnd.int(-5, 15) / 100)) / 10000) * 10000;
      builder.insert('budgets', { year, accountCode: code, amountFen: planned });
    }
  }
  if (options.today) clampDates(b, options.today);
  assignMoneyPlaces(b);
  numberVouchers(b);
  builder.insert('yearNotes', {
    year: endYear,
    highlights: '围绕单位中心工作，组织开展岗位技能比武和职工运动会，职工参与面明显扩大。',
    problems: '部分青年职工参与工会活动的积极性不高；工会干部多为兼职，业务能力有待提高。',
    nextYearPlan: '继续深化“职工之家”建设，完善困难职工帮扶机制，规范工会经费管理。',
  });
  return b;
}

function makeMember(builder: BookBuilder, rnd: SeededRandom, i: number, months: string[], startYear: number): DemoMember {
  const gender = rnd.chance(0.55) ? '男' : '女';
  const birthYear = rnd.int(1966, 2001);
  const birth = `${birthYear}-${pad(rnd.int(1, 12))}-${pad(rnd.int(1, 28))}`;
  const idNumber = makeIdNumber(rnd.pick(REGIONS), birth.replace(/-/g, ''), i, gender);
  const given = gender === '男' ? GIVEN_MALE : GIVEN_FEMALE;
  const name = rnd.pick(SURNAMES) + rnd.pick(given) + (rnd.chance(0.6) ? rnd.pick(given) : '');
  const firstMonth = months[0] ?? `${startYear}-01`;
  const joinsLate = rnd.chance(0.12);
  const joinMonth = joinsLate ? rnd.pick(months) : firstMonth;
  const joinDate: IsoDate = joinsLate
    ? `${joinMonth}-${pad(rnd.int(1, 28))}`
    : `${rnd.int(Math.max(1990, birthYear + 20), startYear - 1)}-${pad(rnd.int(1, 12))}-01`;
  let status: MemberStatus = 'active';
  let endMonth = '';
  const roll = rnd.next();
  const laterMonths = months.filter((m) => m > joinMonth);
  if (laterMonths.length > 0 && roll < 0.03) {
    status = 'retired';
    endMonth = rnd.pick(laterMonths);
  } else if (laterMonths.length > 0 && roll < 0.05) {
    status = 'transferred-out';
    endMonth = rnd.pick(laterMonths);
  }
  const lastMonth = months[months.length - 1] ?? '';
  const arrearsFrom = status === 'active' && rnd.chance(0.03) ? (months[Math.max(0, months.length - rnd.int(2, 7))] ?? lastMonth) : '';
  const record = builder.insert('members', {
    name,
    gender,
    ethnicity: rnd.pick(ETHNICITY),
    birthDate: birth,
    idType: '居民身份证',
    idNumber,
    education: rnd.pick(EDUCATION),
    skillLevel: rnd.pick(SKILL),
    politicalStatus: rnd.pick(POLITICAL),
    householdType: rnd.chance(0.2) ? '农村' : '城镇',
    isMigrantWorker: false,
    phone: `1${rnd.pick(['38', '39', '58', '59', '86', '88'])}${String(rnd.int(0, 99_999_999)).padStart(8, '0')}`,
    department: rnd.pick(DEPARTMENTS),
    joinDate,
    cardNumber: `HY${String(i + 1).padStart(6, '0')}`,
    status,
    duesExempt: false,
    duesExemptReason: '',
    note: '',
  });
  if (record.householdType === '农村' && rnd.chance(0.5)) record.isMigrantWorker = true;
  builder.insert('memberships', { memberId: record.id, kind: 'join', date: joinDate, reason: '本人申请', otherUnion: '' });
  if (endMonth) {
    const kind = status === 'retired' ? 'retire' : 'transfer-out';
    builder.insert('memberships', {
      memberId: record.id,
      kind,
      date: `${endMonth}-01`,
      reason: kind === 'retire' ? '到龄退休' : '工作调动',
      otherUnion: kind === 'transfer-out' ? '嘉禾市第二机械厂工会' : '',
    });
  }
  return { record, joinMonth, endMonth, arrearsFrom };
}

function makeActivity(builder: BookBuilder, rnd: SeededRandom, people: DemoMember[], months: string[], i: number, count: number): void {
  const category = rnd.pick(Object.keys(ACTIVITY_TITLES));
  const month = months[Math.floor((i / count) * months.length)] ?? months[0] ?? '';
  const day = rnd.int(1, 27);
  const startDate = `${month}-${pad(day)}`;
  const endDate = rnd.chance(0.1) ? `${month}-${pad(day + 1)}` : startDate;
  const active = people.filter((p) => p.joinMonth <= month && (!p.endMonth || p.endMonth > month));
  const size = Math.min(active.length, rnd.int(8, 60));
  const participants = new Set<string>();
  while (participants.size < size) participants.add(rnd.pick(active).record.id);
  const activity = builder.insert('activities', {
    title: rnd.pick(ACTIVITY_TITLES[category] ?? ['工会活动']),
    category,
    startDate,
    endDate,
    place: rnd.pick(PLACES),
    organiser: '工会委员会',
    participantIds: [...participants],
    headCount: rnd.chance(0.3) ? size + rnd.int(5, 40) : size,
    description: '活动组织有序，职工参与热情高，取得了良好效果。',
    photoIds: [],
    transactionIds: [],
    planned: false,
  });
  if (rnd.chance(0.7)) {
    const t = tx(builder, startDate, CATEGORY_ACCOUNT[category] ?? '50106', (rnd.int(5, 120) * 10_000) / 10, `${activity.title}费用`, {
      activityId: activity.id,
    });
    activity.transactionIds.push(t.id);
  }
}

function makeWelfare(builder: BookBuilder, rnd: SeededRandom, people: DemoMember[], year: number, months: string[], scale: number): void {
  const inYear = months.filter((m) => m.startsWith(String(year)));
  for (const p of people) {
    const active = inYear.filter((m) => m >= p.joinMonth && (!p.endMonth || m < p.endMonth));
    if (active.length === 0) continue;
    const birthMonth = `${year}-${p.record.birthDate.slice(5, 7)}`;
    if (active.includes(birthMonth) && rnd.chance(scale)) {
      visit(builder, p, '生日', '', `${birthMonth}-${p.record.birthDate.slice(8, 10)}`, 'goods', 20_000);
    }
    const roll = rnd.next() / scale;
    const month = rnd.pick(active);
    const date = `${month}-${pad(rnd.int(1, 28))}`;
    if (roll < 0.04) visit(builder, p, '住院', rnd.chance(0.4) ? '手术' : '无手术', date, 'cash', rnd.chance(0.4) ? 100_000 : 50_000);
    else if (roll < 0.055) visit(builder, p, '结婚', '', date, 'goods', 50_000);
    else if (roll < 0.07) visit(builder, p, '生育', '', date, 'goods', 50_000);
    else if (roll < 0.075) visit(builder, p, '去世', '直系亲属', date, 'cash', 100_000);
    else if (roll < 0.09) visit(builder, p, '困难帮扶', '', date, 'cash', rnd.int(5, 20) * 10_000);
    else if (roll < 0.11) visit(builder, p, '送温暖', '冬送温暖', `${year}-01-${pad(rnd.int(10, 25))}`, 'goods', 30_000);
    if (p.record.status === 'retired' && p.endMonth.startsWith(String(year))) {
      visit(builder, p, '退休', '', `${p.endMonth}-01`, 'goods', 50_000);
    }
  }
}

function visit(
  builder: BookBuilder,
  p: DemoMember,
  kind: WelfareKind,
  subKind: string,
  date: string,
  form: 'cash' | 'goods',
  amountFen: number,
): void {
  const id = builder.newId();
  const t = tx(builder, date, welfareAccount(kind), amountFen, `${kind}慰问：${p.record.name}`, { welfareId: id });
  builder.insert('welfare', { id, memberId: p.record.id, kind, subKind, date, form, amountFen, note: '', transactionId: t.id });
}

function attachPhotos(builder: BookBuilder, rnd: SeededRandom, year: number, count: number): void {
  const activities = builder.book.activities.filter((a) => a.startDate.startsWith(String(year)));
  for (let i = 0; i < count && activities.length > 0; i++) {
    const activity = activities[i % activities.length];
    if (!activity) break;
    const data = demoPhoto(rnd);
    const photo = builder.insert('attachments', {
      name: `活动照片-${i + 1}.bmp`,
      mimeType: 'image/bmp',
      size: data.length,
      data,
      caption: `${activity.title}现场`,
    });
    activity.photoIds.push(photo.id);
  }
}

/** A small 64×48 24-bit BMP in one colour with a stripe: real image bytes without an encoder. */
export function demoPhoto(rnd: SeededRandom, width = 64, height = 48): Uint8Array {
  const rowSize = Math.ceil((width * 3) / 4) * 4;
  const size = 54 + rowSize * height;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out[0] = 0x42;
  out[1] = 0x4d;
  view.setUint32(2, size, true);
  view.setUint32(10, 54, true);
  view.setUint32(14, 40, true);
  view.setInt32(18, width, true);
  view.setInt32(22, height, true);
  view.setUint16(26, 1, true);
  view.setUint16(28, 24, true);
  view.setUint32(34, rowSize * height, true);
  const [r, g, bl] = [rnd.int(60, 220), rnd.int(60, 220), rnd.int(60, 220)];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = 54 + y * rowSize + x * 3;
      const stripe = y > height / 3 && y < (2 * height) / 3 ? 40 : 0;
      out[o] = Math.min(255, bl + stripe);
      out[o + 1] = Math.min(255, g + stripe);
      out[o + 2] = Math.min(255, r + stripe);
    }
  }
  return out;
}

function tx(
  builder: BookBuilder,
  date: string,
  accountCode: string,
  amountFen: number,
  summary: string,
  links: { activityId?: string; welfareId?: string; duesBatchId?: string } = {},
) {
  return builder.insert('transactions', {
    date,
    place: 'bank',
    accountCode,
    amountFen: Math.round(amountFen),
    summary,
    voucherNumber: '',
    attachmentIds: [],
    reversalOf: '',
    activityId: links.activityId ?? '',
    welfareId: links.welfareId ?? '',
    duesBatchId: links.duesBatchId ?? '',
  });
}

const OPENING_CASH_FEN = 500_000;
const CASH_FLOOR_FEN = 50_000;
const CASH_LIMIT_FEN = 30_000;

/**
 * Small purchases are paid from 库存现金 while it lasts, everything else through the bank. The
 * model has no cash⇄bank transfer, so without this walk a demo's cash would go negative.
 */
function assignMoneyPlaces(book: BookTables): void {
  let cash = OPENING_CASH_FEN;
  const byDate = [...book.transactions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const t of byDate) {
    if (t.accountCode.startsWith('5') && t.amountFen <= CASH_LIMIT_FEN && cash - t.amountFen >= CASH_FLOOR_FEN) {
      t.place = 'cash';
      cash -= t.amountFen;
    }
  }
}

function clampDates(book: BookTables, today: IsoDate): void {
  const clamp = (d: string) => (d > today ? today : d);
  for (const t of book.transactions) t.date = clamp(t.date);
  for (const w of book.welfare) w.date = clamp(w.date);
  for (const p of book.duesPayments) p.paidDate = clamp(p.paidDate);
  for (const e of book.memberships) e.date = clamp(e.date);
  for (const m of book.members) m.joinDate = m.joinDate ? clamp(m.joinDate) : m.joinDate;
  for (const a of book.activities) {
    a.startDate = clamp(a.startDate);
    a.endDate = clamp(a.endDate);
  }
}

/** 记-001, 记-002 … per year in date order, as a treasurer numbers vouchers. */
function numberVouchers(book: BookTables): void {
  const sorted = [...book.transactions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const counters = new Map<string, number>();
  for (const t of sorted) {
    const year = t.date.slice(0, 4);
    const n = (counters.get(year) ?? 0) + 1;
    counters.set(year, n);
    t.voucherNumber = `记-${String(n).padStart(3, '0')}`;
  }
}

export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const end = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7));
  while (y * 12 + m <= end) {
    out.push(`${y}-${pad(m)}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
