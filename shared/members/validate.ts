import { checkIdNumber, isRealDate, normalizeIdNumber } from '../idcard/gb11643';
import { MEMBER_FIELD_LABELS, type MemberDraft, type MemberField } from './fields';

export interface FieldError {
  field: MemberField;
  message: string;
}

/** Full-width digits and the spaces or dashes people type into phone numbers are not errors. */
export function normalizePhone(raw: string): string {
  return raw
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .replace(/^\+?86(?=1\d{10}$)/, '')
    .replace(/－/g, '-');
}

/** A mainland mobile (11 digits from 13x to 19x) or a landline with area code (0571-12345678, extension allowed). */
export function checkPhone(raw: string): string | null {
  const phone = normalizePhone(raw);
  if (phone === '') return null;
  if (/^1[3-9]\d{9}$/.test(phone)) return null;
  if (/^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(phone)) return null;
  return '手机号码格式不正确（应为 11 位手机号或带区号的固定电话）';
}

/** The GB 11643 problem of a resident ID number, worded to name the field (身份证号校验位错误); null when valid. */
export function idNumberProblem(raw: string): string | null {
  const id = checkIdNumber(raw);
  if (id.ok) return null;
  return id.reason.includes('身份证') ? id.reason : `身份证号${id.reason}`;
}

/**
 * Checks a member before it is saved. For a resident ID the number must pass GB 11643 and agree
 * with 性别 and 出生日期 (the form fills both from it); every message names the field in Chinese.
 */
export function validateMember(draft: MemberDraft): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: MemberField, message: string) => errors.push({ field, message });
  if (draft.name.trim() === '') add('name', '请填写姓名');
  if (draft.idType === '居民身份证') {
    const id = checkIdNumber(draft.idNumber);
    if (!id.ok) add('idNumber', idNumberProblem(draft.idNumber) ?? id.reason);
    else {
      if (draft.gender !== '' && draft.gender !== id.gender) add('gender', `性别与身份证号不符（身份证号为${id.gender}性）`);
      if (draft.birthDate !== '' && draft.birthDate !== id.birthDate) add('birthDate', `出生日期与身份证号不符（应为 ${id.birthDate}）`);
    }
  } else if (normalizeIdNumber(draft.idNumber) === '') {
    add('idNumber', `请填写${MEMBER_FIELD_LABELS.idNumber}`);
  }
  const phone = checkPhone(draft.phone);
  if (phone) add('phone', phone);
  for (const field of ['birthDate', 'joinDate'] as const) {
    const value = draft[field];
    if (value !== '' && !isRealDate(value)) add(field, `${MEMBER_FIELD_LABELS[field]}不是有效日期`);
  }
  if (draft.birthDate !== '' && draft.joinDate !== '' && draft.joinDate < draft.birthDate) add('joinDate', '入会日期早于出生日期');
  if (draft.duesExempt && draft.duesExemptReason.trim() === '') add('duesExemptReason', '免缴会费请填写原因');
  return errors;
}
