import { findAccount } from '../accounts/chart';
import type { BookBuilder } from '../book/builder';
import { lastDayOfMonth } from '../dues/months';
import { resolvePreset } from '../limits/presets';
import type { IsoDate, IsoMonth, SpendingPresetId, WelfareKind, WelfareVisit } from '../model/records';
import { welfareAccount } from '../welfare/kinds';
import { welfareSummary } from '../welfare/pairing';
import { ACTIVITY_CALENDAR, holidayGifts, type ActivityTemplate } from './calendar';
import type { Money } from './money';
import { ageOn, inServiceOn, isMemberOn, pad, randomDate, type DemoPerson } from './people';
import type { SeededRandom } from './random';

/** Above this an activity is paid by bank transfer; below it from petty cash. */
const CASH_LIMIT_FEN = 80_000;

/**
 * The i-th activity of a year: the union's calendar in order, then (for benchmark sizes) more of the
 * same kinds on other days. Turnout follows who the event is for; the cost follows the turnout.
 */
export function makeActivity(
  builder: BookBuilder,
  money: Money,
  rnd: SeededRandom,
  people: readonly DemoPerson[],
  year: number,
  i: number,
  last: IsoMonth,
): void {
  const calendar = i < ACTIVITY_CALENDAR.length;
  const t = calendar ? ACTIVITY_CALENDAR[i]! : rnd.pick(ACTIVITY_CALENDAR);
  const month = calendar ? t.month : rnd.int(1, 12);
  if (`${year}-${pad(month)}` > last) return;
  const startDate = `${year}-${pad(month)}-${pad(calendar ? rnd.int(t.days[0], t.days[1]) : rnd.int(1, 28))}`;
  const endDate = addDays(startDate, t.length - 1);
  const eligible = people.filter((p) => inServiceOn(p, startDate) && fits(p, t, startDate));
  if (eligible.length === 0) return;
  const wanted = t.fixed ? rnd.int(t.fixed[0], t.fixed[1]) : Math.round(eligible.length * t.share * (0.9 + rnd.next() * 0.2));
  const size = Math.max(Math.min(3, eligible.length), Math.min(eligible.length, wanted));
  const participants = pickSome(rnd, eligible, size).map((p) => p.record.id);
  const activity = builder.insert('activities', {
    title: t.title,
    category: t.category,
    startDate,
    endDate,
    place: t.place,
    organiser: '工会委员会',
    participantIds: participants,
    headCount: t.title.includes('文艺汇演') ? size + 30 : 0,
    description: t.description.replace('{n}', String(size)),
    photoIds: [],
    transactionIds: [],
    planned: false,
  });
  if (t.perHead > 0) {
    const amount = size * t.perHead * 100;
    const entry = money.entry(startDate, amount <= CASH_LIMIT_FEN ? 'cash' : 'bank', t.account, amount, `${t.title}费用`, {
      activityId: activity.id,
    });
    activity.transactionIds.push(entry.id);
  }
}

function fits(p: DemoPerson, t: ActivityTemplate, date: IsoDate): boolean {
  if (t.who === 'women') return p.record.gender === '女';
  if (t.who === 'young') return ageOn(p, date) < 35;
  if (t.who === 'workshop') return /车间|质检|仓储/.test(p.record.department);
  return true;
}

/**
 * A year's visits and gifts other than holiday goods: birthday cakes, sickness (慰问金 by whether
 * there was an operation), bereavement, weddings and births, hardship help, 送温暖 in winter and
 * summer, and a keepsake on retiring. Amounts stay within the 安徽 2018 limits the demo union uses.
 */
export function makeWelfareYear(
  builder: BookBuilder,
  money: Money,
  rnd: SeededRandom,
  people: readonly DemoPerson[],
  year: number,
  last: IsoMonth,
  scale: number,
): void {
  const end = lastDayOfMonth(last);
  const within = (date: IsoDate) => date.startsWith(`${year}-`) && date <= end;
  for (const p of people) {
    const birthday = `${year}-${p.record.birthDate.slice(5, 7)}-${p.record.birthDate.slice(8, 10)}`;
    if (within(birthday) && inServiceOn(p, birthday) && rnd.chance(scale)) visit(builder, money, p, '生日', '', birthday, 'goods', 20_000);
    const date = randomDate(rnd, `${year}-01-05`, `${year}-12-20`);
    const roll = rnd.next() / scale;
    if (within(date) && inServiceOn(p, date)) {
      const age = ageOn(p, date);
      if (roll < 0.045) {
        const surgery = rnd.chance(0.4);
        visit(builder, money, p, '住院', surgery ? '手术' : '无手术', date, 'cash', surgery ? 100_000 : 50_000);
      } else if (roll < 0.057) visit(builder, money, p, '去世', '直系亲属', date, 'cash', 100_000);
      else if (roll < 0.09 && age < 35) visit(builder, money, p, '结婚', '', date, 'goods', 50_000);
      else if (roll < 0.115 && age >= 25 && age <= 40) visit(builder, money, p, '生育', '', date, 'goods', 50_000);
    }
    if (p.hardship) {
      const help = `${year}-01-12`;
      if (within(help) && isMemberOn(p, help)) visit(builder, money, p, '困难帮扶', '', help, 'cash', 200_000);
      const winter = `${year}-01-20`;
      if (within(winter) && isMemberOn(p, winter)) visit(builder, money, p, '送温暖', '冬送温暖', winter, 'goods', 50_000);
    }
    const summer = `${year}-07-10`;
    if (within(summer) && inServiceOn(p, summer) && /车间/.test(p.record.department) && rnd.chance(scale))
      visit(builder, money, p, '送温暖', '夏送清凉', summer, 'goods', 8_000);
    if (p.retire && within(p.retire)) visit(builder, money, p, '退休', '', p.retire, 'goods', 80_000);
  }
}

/**
 * 传统节日慰问品: the year's largest line. What the year can spend is its income less a small surplus;
 * what the other lines have not used goes to the holiday goods, per person within the spending rule
 * (安徽 2018: 1,500 yuan a person a year), split over 春节, 端午 and 中秋/国庆.
 */
export function giveHolidayGifts(
  builder: BookBuilder,
  money: Money,
  rnd: SeededRandom,
  people: readonly DemoPerson[],
  year: number,
  last: IsoMonth,
  presetId: SpendingPresetId,
  scale: number,
): void {
  const end = lastDayOfMonth(last);
  let income = 0;
  let spent = 0;
  for (const t of builder.book.transactions) {
    if (!t.date.startsWith(`${year}-`)) continue;
    const kind = findAccount(t.accountCode)?.kind;
    if (kind === 'income') income += t.amountFen;
    else if (kind === 'expense') spent += t.amountFen;
  }
  const gifts = holidayGifts(year).filter((g) => g.date <= end);
  if (gifts.length === 0) return;
  const surplus = 0.03 + rnd.int(0, 25) / 1000;
  const budget = income * (1 - surplus) - spent;
  const recipients = gifts.map((g) => people.filter((p) => isMemberOn(p, g.date)));
  const heads = recipients.reduce((s, r, i) => s + r.length * (gifts[i]?.weight ?? 0), 0) * scale;
  const holiday = resolvePreset(presetId).limits.holiday;
  const cap = holiday.mode === 'per-person-year' && holiday.annualFen !== null ? holiday.annualFen : 150_000;
  const perYear = Math.min(cap, Math.max(30_000, Math.floor(budget / Math.max(1, heads) / 1000) * 1000));
  gifts.forEach((g, i) => {
    const amount = Math.floor((perYear * g.weight) / 1000) * 1000;
    for (const p of recipients[i] ?? []) {
      if (rnd.chance(scale)) visit(builder, money, p, '节日', g.holiday, g.date, 'goods', amount);
    }
  });
}

/** A visit and its expense, linked both ways as the welfare page books them (shared/welfare/pairing). */
function visit(
  builder: BookBuilder,
  money: Money,
  p: DemoPerson,
  kind: WelfareKind,
  subKind: string,
  date: IsoDate,
  form: WelfareVisit['form'],
  amountFen: number,
): void {
  const id = builder.newId();
  const entry = money.entry(
    date,
    form === 'cash' ? 'cash' : 'bank',
    welfareAccount(kind),
    amountFen,
    welfareSummary({ kind, subKind }, p.record.name),
    {
      welfareId: id,
    },
  );
  builder.insert('welfare', { id, memberId: p.record.id, kind, subKind, date, form, amountFen, note: '', transactionId: entry.id });
}

/** n distinct items, by a partial Fisher–Yates shuffle (linear: a 5,000-member union picks thousands). */
function pickSome<T>(rnd: SeededRandom, items: readonly T[], n: number): T[] {
  const pool = [...items];
  const count = Math.min(n, pool.length);
  for (let i = 0; i < count; i++) {
    const j = rnd.int(i, pool.length - 1);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
