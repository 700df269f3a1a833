import type { IdType, Member, SyncMeta } from '../model/records';

/** A member as typed or imported, before the write stamps it. */
export type MemberDraft = Omit<Member, keyof SyncMeta>;

export type MemberField = keyof MemberDraft;

export const MEMBER_FIELD_LABELS: Record<MemberField, string> = {
  name: '姓名',
  gender: '性别',
  ethnicity: '民族',
  birthDate: '出生日期',
  idType: '证件类型',
  idNumber: '证件号码',
  education: '学历',
  skillLevel: '技能等级',
  politicalStatus: '政治面貌',
  householdType: '户籍类型',
  isMigrantWorker: '是否农民工',
  phone: '手机',
  department: '工作单位/部门',
  joinDate: '入会日期',
  cardNumber: '会员证号',
  status: '会籍状态',
  duesExempt: '免缴会费',
  duesExemptReason: '免缴原因',
  note: '备注',
};

export const ID_TYPES: readonly IdType[] = ['居民身份证', '护照', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '其他'];
export const EDUCATION_OPTIONS = ['博士研究生', '硕士研究生', '本科', '大专', '中专', '高中', '初中', '小学及以下'];
export const POLITICAL_OPTIONS = ['中共党员', '中共预备党员', '共青团员', '民主党派', '无党派人士', '群众'];
export const SKILL_OPTIONS = ['无', '初级工', '中级工', '高级工', '技师', '高级技师'];
export const HOUSEHOLD_OPTIONS = ['城镇', '农村'];

export function emptyMemberDraft(): MemberDraft {
  return {
    name: '',
    gender: '',
    ethnicity: '汉族',
    birthDate: '',
    idType: '居民身份证',
    idNumber: '',
    education: '',
    skillLevel: '',
    politicalStatus: '',
    householdType: '',
    isMigrantWorker: false,
    phone: '',
    department: '',
    joinDate: '',
    cardNumber: '',
    status: 'active',
    duesExempt: false,
    duesExemptReason: '',
    note: '',
  };
}
