import { checkIdNumber, normalizeIdNumber } from '../idcard/gb11643';
import { ID_TYPES, type MemberDraft } from '../members/fields';
import { checkPhone, idNumberProblem, normalizePhone } from '../members/validate';
import { parseYuan } from '../money/fen';
import type { Fen, Gender, IdType } from '../model/records';
import { cellText, type CellValue, type SheetRow } from './cells';
import type { ColumnMapping, RosterField } from './columns';
import { parseRosterDate } from './dates';

/** The member fields one row supplies: only the fields whose column exists and whose cell is filled. */
export type RowValues = Partial<Omit<MemberDraft, 'status' | 'duesExempt' | 'duesExemptReason'>>;

export type RowReading = { ok: true; values: RowValues; wageBaseFen: Fen | null } | { ok: false; reason: string };

const YES = /^(是|y|yes|√|✓|✔|1|true|农民工)$/i;
const NO = /^(否|n|no|×|✗|0|false|非农民工)$/i;

function readIdType(text: string): IdType {
  if (text === '' || text === '身份证' || text === '居民身份证' || text === '二代身份证') return '居民身份证';
  return (ID_TYPES as readonly string[]).includes(text) ? (text as IdType) : '其他';
}

function readGender(text: string): Gender | '' | null {
  if (text === '') return '';
  if (/^(男|男性|m|male)$/i.test(text)) return '男';
  if (/^(女|女性|f|female)$/i.test(text)) return '女';
  return null;
}

/** Names are often padded for alignment (张\u3000三); spaces inside a Chinese name are never part of it. */
function readName(text: string): string {
  return /[\u4e00-\u9fff]/.test(text) ? text.replace(/\s+/g, '') : text;
}

/**
 * Reads one row into member fields. Every problem of the row is reported together, each naming
 * its field, so the user fixes the row once. A resident ID number decides 性别 and 出生日期.
 */
export function readRosterRow(row: SheetRow, mapping: ColumnMapping): RowReading {
  const raw = (field: RosterField): CellValue | undefined => {
    const col = mapping.indexOf(field);
    return col < 0 ? undefined : row.cells[col];
  };
  const text = (field: RosterField) => cellText(raw(field));
  const has = (field: RosterField) => mapping.includes(field) && text(field) !== '';
  const problems: string[] = [];
  const values: RowValues = {};

  const name = readName(text('name'));
  if (name === '') problems.push('缺少姓名');
  else values.name = name;

  const idType = readIdType(text('idType'));
  if (has('idType')) values.idType = idType;
  const idRaw = raw('idNumber');
  const lostDigits =
    (typeof idRaw === 'number' && !(Number.isSafeInteger(idRaw) && String(idRaw).length === 15)) ||
    /^\d(\.\d+)?e\+\d+$/i.test(text('idNumber'));
  if (lostDigits) {
    problems.push('身份证号被存成了数字，末几位已丢失：请把该列设为“文本”格式后重新录入');
  } else if (idType === '居民身份证') {
    const id = checkIdNumber(text('idNumber'));
    if (!id.ok) problems.push(idNumberProblem(text('idNumber')) ?? id.reason);
    else {
      values.idNumber = id.idNumber;
      values.gender = id.gender;
      values.birthDate = id.birthDate;
    }
  } else {
    const id = normalizeIdNumber(text('idNumber'));
    if (id === '') problems.push('缺少证件号码');
    else values.idNumber = id;
  }

  if (values.gender === undefined && has('gender')) {
    const gender = readGender(text('gender'));
    if (gender === null) problems.push(`性别无法识别：${text('gender')}`);
    else values.gender = gender;
  }
  if (values.birthDate === undefined && has('birthDate')) {
    const birth = parseRosterDate(raw('birthDate'));
    if (birth === null) problems.push(`出生日期无法识别：${text('birthDate')}`);
    else values.birthDate = birth;
  }
  if (has('joinDate')) {
    const join = parseRosterDate(raw('joinDate'));
    if (join === null) problems.push(`入会日期无法识别：${text('joinDate')}`);
    else values.joinDate = join;
  }
  if (has('phone')) {
    const phoneProblem = checkPhone(text('phone'));
    if (phoneProblem) problems.push(`${phoneProblem}：${text('phone')}`);
    else values.phone = normalizePhone(text('phone'));
  }
  if (has('isMigrantWorker')) {
    const v = text('isMigrantWorker');
    if (YES.test(v)) values.isMigrantWorker = true;
    else if (NO.test(v)) values.isMigrantWorker = false;
    else problems.push(`是否农民工应填“是”或“否”：${v}`);
  }
  let wageBaseFen: Fen | null = null;
  if (has('wageBase')) {
    const wageRaw = raw('wageBase');
    const fen = parseYuan(typeof wageRaw === 'number' ? wageRaw : text('wageBase'));
    if (fen === null || fen < 0) problems.push(`工资基数不是有效金额：${text('wageBase')}`);
    else wageBaseFen = fen;
  }
  for (const field of [
    'ethnicity',
    'education',
    'skillLevel',
    'politicalStatus',
    'householdType',
    'department',
    'cardNumber',
    'note',
  ] as const) {
    if (has(field)) values[field] = text(field);
  }
  if (problems.length > 0) return { ok: false, reason: problems.join('；') };
  return { ok: true, values, wageBaseFen };
}
