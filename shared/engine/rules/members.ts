import { checkIdNumber, normalizeIdNumber } from '../../idcard/gb11643';
import type { MemberDraft } from '../../members/fields';
import { validateMember, type FieldError } from '../../members/validate';
import type { IsoDate, Member } from '../../model/records';
import { formatDate } from './dates';

/** Union members are of working age when they join (劳动法: 16; nobody joins past 100). */
export const MIN_JOIN_AGE = 16;
export const MAX_AGE = 100;

function ageOn(birth: IsoDate, day: IsoDate): number {
  const years = Number(day.slice(0, 4)) - Number(birth.slice(0, 4));
  return day.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** The ID number two members may not share, or '' when there is none to compare. */
export function idKey(m: Pick<Member, 'idType' | 'idNumber'>): string {
  const id = normalizeIdNumber(m.idNumber);
  return id === '' ? '' : `${m.idType}:${id}`;
}

/**
 * Every problem of a member as typed or imported, each naming its field: the form checks of
 * validateMember, and what only the date and the rest of the roster can tell — a birth or join date
 * after today, an age outside 16–100 on the join date, and an ID number another live member holds.
 */
export function memberProblems(draft: MemberDraft, today: IsoDate, roster: readonly Member[], selfId: string | null): FieldError[] {
  const errors = validateMember(draft);
  const add = (field: FieldError['field'], message: string) => {
    if (!errors.some((e) => e.field === field)) errors.push({ field, message });
  };
  const birth = draft.idType === '居民身份证' ? (checkIdNumber(draft.idNumber) as { birthDate?: string }).birthDate : undefined;
  const birthDate = birth ?? draft.birthDate;
  if (birthDate && birthDate > today) add(birth ? 'idNumber' : 'birthDate', `出生日期 ${formatDate(birthDate)} 晚于今天，请核对`);
  if (draft.joinDate !== '' && draft.joinDate > today)
    add('joinDate', `入会日期 ${formatDate(draft.joinDate)} 还没有到，不能登记以后的日期`);
  if (birthDate && draft.joinDate !== '' && draft.joinDate >= birthDate) {
    const age = ageOn(birthDate, draft.joinDate);
    if (age < MIN_JOIN_AGE) add('joinDate', `入会时只有 ${age} 岁，会员应年满 ${MIN_JOIN_AGE} 周岁，请核对入会日期或出生日期`);
    else if (age > MAX_AGE) add('joinDate', `入会时已 ${age} 岁，请核对入会日期或出生日期`);
  }
  const key = idKey(draft);
  if (key !== '') {
    const twin = roster.find((m) => m.deleted === 0 && m.id !== selfId && idKey(m) === key);
    if (twin) add('idNumber', `证件号码与会员“${twin.name}”相同，同一个人不能登记两次`);
  }
  return errors;
}
