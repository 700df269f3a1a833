import { normalizeIdNumber } from '../idcard/gb11643';
import type { Member, MemberStatus } from '../model/records';
import { normalizePhone } from './validate';

export interface MemberFilter {
  /** Free text: 姓名, 身份证号, 手机 or 部门 (any part of them). */
  text: string;
  statuses: MemberStatus[];
  gender: '' | '男' | '女';
  /** '' = all, 'yes' / 'no' = farmer-workers only / others only. */
  migrant: '' | 'yes' | 'no';
  departments: string[];
}

export const EMPTY_FILTER: MemberFilter = { text: '', statuses: [], gender: '', migrant: '', departments: [] };

/** Matches the way people search a roster: part of a name or department, or digits of an ID or phone number. */
export function matchesMember(m: Member, f: MemberFilter): boolean {
  if (f.statuses.length > 0 && !f.statuses.includes(m.status)) return false;
  if (f.gender !== '' && m.gender !== f.gender) return false;
  if (f.migrant === 'yes' && !m.isMigrantWorker) return false;
  if (f.migrant === 'no' && m.isMigrantWorker) return false;
  if (f.departments.length > 0 && !f.departments.includes(m.department)) return false;
  const text = f.text.trim();
  if (text === '') return true;
  if (m.name.includes(text) || m.department.includes(text)) return true;
  const id = normalizeIdNumber(text);
  if (id.length >= 3 && m.idNumber.includes(id)) return true;
  const digits = normalizePhone(text);
  return /^\d{3,}$/.test(digits) && m.phone.includes(digits);
}

/** Departments in use, for the filter, in Chinese collation order. */
export function departmentsOf(members: readonly Member[]): string[] {
  return [...new Set(members.map((m) => m.department).filter((d) => d !== ''))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}
