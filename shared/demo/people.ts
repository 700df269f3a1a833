import type { BookBuilder } from '../book/builder';
import { makeIdNumber } from '../idcard/gb11643';
import type { Gender, IsoDate, IsoMonth, Member } from '../model/records';
import { DEPARTMENTS, EDUCATION, ETHNICITY, GIVEN_FEMALE, GIVEN_MALE, POLITICAL, REGIONS, SKILL, SURNAMES } from './names';
import type { SeededRandom } from './random';

/** One member's life in the demo: when they joined, and whether they retire or transfer out in the books' span. */
export interface DemoPerson {
  record: Member;
  join: IsoDate;
  /** Transfer-out date, '' when still a member at the end. */
  out: IsoDate | '';
  /** Retirement date (first day of the month after reaching the age), '' when not in the span. */
  retire: IsoDate | '';
  /** Months from which payroll deduction stopped (a member falling behind), '' when never. */
  behindFrom: IsoMonth | '';
  /** A member in hardship: 困难帮扶 and 冬送温暖. */
  hardship: boolean;
}

/** Statutory ages: men 60, women workers 50, women cadres 55. */
function retirementAge(gender: Gender, department: string): number {
  if (gender === '男') return 60;
  return /车间|仓储/.test(department) ? 50 : 55;
}

export function isMemberOn(p: DemoPerson, date: IsoDate): boolean {
  return p.join <= date && (p.out === '' || date < p.out);
}

export function inServiceOn(p: DemoPerson, date: IsoDate): boolean {
  return isMemberOn(p, date) && (p.retire === '' || date < p.retire);
}

/** Owes dues for the month: as the dues rules read the history (join month counts; retiring or leaving stops it). */
export function paysFor(p: DemoPerson, month: IsoMonth): boolean {
  if (p.join.slice(0, 7) > month) return false;
  if (p.out && p.out.slice(0, 7) <= month) return false;
  return !(p.retire && p.retire.slice(0, 7) <= month);
}

export function ageOn(p: DemoPerson, date: IsoDate): number {
  const birth = p.record.birthDate;
  let age = Number(date.slice(0, 4)) - Number(birth.slice(0, 4));
  if (date.slice(5) < birth.slice(5)) age--;
  return age;
}

/**
 * The members of a union of `count` people over `startYear`..`endDate`: most joined years ago; a few
 * are hired during the span; a few transfer out; those who reach the statutory age retire at it.
 */
export function makePeople(builder: BookBuilder, rnd: SeededRandom, count: number, startYear: number, endDate: IsoDate): DemoPerson[] {
  const people: DemoPerson[] = [];
  const spanStart = `${startYear}-01-01`;
  const endYear = Number(endDate.slice(0, 4));
  for (let i = 0; i < count; i++) {
    const department = rnd.pick(DEPARTMENTS);
    const gender: Gender = rnd.chance(department.includes('车间') ? 0.28 : 0.45) ? '女' : '男';
    const nearRetirement = rnd.chance(0.035);
    const age = retirementAge(gender, department);
    const birthYear = nearRetirement ? startYear - age + rnd.int(0, endYear - startYear) : rnd.int(endYear - 56, endYear - 23);
    const birth = `${birthYear}-${pad(rnd.int(1, 12))}-${pad(rnd.int(1, 28))}`;
    const hired = rnd.chance(0.06);
    const join = hired
      ? randomDate(rnd, spanStart, endDate)
      : `${rnd.int(Math.max(1995, birthYear + 20), startYear - 1)}-${pad(rnd.int(1, 12))}-01`;
    const reached = `${birthYear + age}${birth.slice(4, 7)}`;
    const retireMonth = nextMonth(reached);
    const retire =
      `${retireMonth}-01` >= spanStart && `${retireMonth}-01` <= endDate && `${retireMonth}-01` > join ? `${retireMonth}-01` : '';
    const leaves = !retire && !hired && rnd.chance(0.025);
    const out = leaves ? randomDate(rnd, spanStart, endDate) : '';
    const given = gender === '男' ? GIVEN_MALE : GIVEN_FEMALE;
    const householdType = department.includes('车间') && rnd.chance(0.35) ? '农村' : '城镇';
    const record = builder.insert('members', {
      name: rnd.pick(SURNAMES) + rnd.pick(given) + (rnd.chance(0.6) ? rnd.pick(given) : ''),
      gender,
      ethnicity: rnd.pick(ETHNICITY),
      birthDate: birth,
      idType: '居民身份证',
      idNumber: makeIdNumber(rnd.pick(REGIONS), birth.replace(/-/g, ''), i, gender),
      education: rnd.pick(EDUCATION),
      skillLevel: department.includes('车间') ? rnd.pick(SKILL.filter((s) => s !== '')) : rnd.pick(SKILL),
      politicalStatus: rnd.pick(POLITICAL),
      householdType,
      isMigrantWorker: householdType === '农村' && rnd.chance(0.7),
      phone: `1${rnd.pick(['38', '39', '58', '59', '86', '88'])}${String(rnd.int(0, 99_999_999)).padStart(8, '0')}`,
      department,
      joinDate: join,
      cardNumber: `HY${String(i + 1).padStart(6, '0')}`,
      status: 'active',
      duesExempt: false,
      duesExemptReason: '',
      note: '',
    });
    people.push({ record, join, out, retire, behindFrom: '', hardship: false });
  }
  return people;
}

/** The membership history each person's dates imply. */
export function writeMemberships(builder: BookBuilder, people: readonly DemoPerson[]): void {
  for (const p of people) {
    builder.insert('memberships', { memberId: p.record.id, kind: 'join', date: p.join, reason: '本人申请', otherUnion: '' });
    if (p.retire)
      builder.insert('memberships', { memberId: p.record.id, kind: 'retire', date: p.retire, reason: '到龄退休', otherUnion: '' });
    if (p.out)
      builder.insert('memberships', {
        memberId: p.record.id,
        kind: 'transfer-out',
        date: p.out,
        reason: '工作调动',
        otherUnion: '嘉禾市第二机械厂工会委员会',
      });
  }
}

export function randomDate(rnd: SeededRandom, from: IsoDate, to: IsoDate): IsoDate {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  const day = Math.floor(rnd.next() * (Math.floor((b - a) / 86_400_000) + 1));
  return new Date(a + day * 86_400_000).toISOString().slice(0, 10);
}

function nextMonth(month: IsoMonth): IsoMonth {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
}

export function pad(n: number): string {
  return String(n).padStart(2, '0');
}
