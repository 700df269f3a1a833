import dayjs, { type Dayjs } from 'dayjs';
import { emptyMemberDraft, type MemberDraft } from '../../../../shared/members/fields';
import { normalizePhone } from '../../../../shared/members/validate';
import { formatYuan } from '../../../../shared/money/fen';
import type { Member } from '../../../../shared/model/records';

/** The drawer's form: dates as dayjs for the pickers, the wage base in yuan; status is never edited here. */
export type MemberFormValues = Omit<MemberDraft, 'birthDate' | 'joinDate' | 'status'> & {
  birthDate: Dayjs | null;
  joinDate: Dayjs | null;
  /** As typed: the engine judges it (a base above 100 万元 is refused with its message). */
  wageYuan: string | null;
};

export function toForm(m: Member | null, wageBaseFen: number | null): MemberFormValues {
  const d = m ?? { ...emptyMemberDraft() };
  return {
    ...d,
    birthDate: d.birthDate ? dayjs(d.birthDate) : null,
    joinDate: d.joinDate ? dayjs(d.joinDate) : null,
    wageYuan: wageBaseFen === null ? null : formatYuan(wageBaseFen, { grouping: false }),
  };
}

export function toDraft(v: MemberFormValues, status: Member['status']): MemberDraft {
  const { wageYuan: _w, ...rest } = v;
  const text = (s: string | undefined) => (s ?? '').trim();
  return {
    ...rest,
    name: text(v.name).replace(/\s+/g, ''),
    idNumber: text(v.idNumber),
    phone: normalizePhone(text(v.phone)),
    ethnicity: text(v.ethnicity),
    education: text(v.education),
    skillLevel: text(v.skillLevel),
    politicalStatus: text(v.politicalStatus),
    householdType: text(v.householdType),
    department: text(v.department),
    cardNumber: text(v.cardNumber),
    note: v.note ?? '',
    duesExemptReason: text(v.duesExemptReason),
    gender: v.gender ?? '',
    birthDate: v.birthDate ? v.birthDate.format('YYYY-MM-DD') : '',
    joinDate: v.joinDate ? v.joinDate.format('YYYY-MM-DD') : '',
    status,
  };
}
