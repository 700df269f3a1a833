import { describe, expect, it } from 'vitest';
import { emptyMemberDraft } from '../../../shared/members/fields';
import { joinEventFor } from '../../../shared/members/join-event';
import { departmentsOf, EMPTY_FILTER, matchesMember, type MemberFilter } from '../../../shared/members/search';
import { ageBands, memberStatistics } from '../../../shared/members/statistics';
import { paysDues, statusFromEvents } from '../../../shared/members/status';
import { checkPhone, validateMember } from '../../../shared/members/validate';
import type { Member, MembershipEvent, MembershipEventKind } from '../../../shared/model/records';
import { IDS } from './fixture';

let seq = 0;
function event(memberId: string, kind: MembershipEventKind, date: string): MembershipEvent {
  seq++;
  return {
    id: `e${seq}`,
    memberId,
    kind,
    date,
    reason: '',
    otherUnion: '',
    updatedAt: String(seq).padStart(6, '0'),
    deviceId: 'd',
    deleted: 0,
  };
}
function member(id: string, patch: Partial<Member>): Member {
  return { ...emptyMemberDraft(), name: id, id, updatedAt: '', deviceId: 'd', deleted: 0, ...patch };
}

describe('membership status', () => {
  it('follows the latest change; retired and unemployed members stay on the roll but pay no dues', () => {
    expect(statusFromEvents([event('a', 'join', '2010-01-01'), event('a', 'retire', '2024-06-30')])).toBe('retired');
    expect(statusFromEvents([event('a', 'unemployed', '2024-01-01'), event('a', 'join', '2010-01-01')])).toBe('unemployed');
    expect(
      statusFromEvents([
        event('a', 'join', '2010-01-01'),
        event('a', 'transfer-out', '2020-01-01'),
        event('a', 'transfer-in', '2023-01-01'),
      ]),
    ).toBe('active');
    expect(statusFromEvents([event('a', 'leave', '2024-01-01'), event('a', 'death', '2024-01-01')])).toBe('deceased');
    expect(statusFromEvents([])).toBe('active');
    expect(paysDues('active')).toBe(true);
    expect(['retired', 'unemployed', 'left', 'transferred-out', 'deceased'].map((s) => paysDues(s as Member['status']))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('statistics strip', () => {
  const members = [
    member('a', { gender: '女', isMigrantWorker: true, birthDate: '1990-06-01', joinDate: '2025-03-01' }),
    member('b', { gender: '男', birthDate: '1980-01-01', status: 'retired' }),
    member('c', { gender: '女', birthDate: '1970-01-01', status: 'transferred-out' }),
    member('d', { gender: '男', birthDate: '', joinDate: '2025-05-01' }),
    member('e', { gender: '女', birthDate: '1989-12-31', deleted: 1 }),
  ];
  const events = [event('a', 'join', '2025-03-01'), event('c', 'join', '2001-01-01'), event('c', 'transfer-out', '2025-04-01')];

  it('counts members on the roll, women, farmer-workers, joins and departures of the year', () => {
    expect(memberStatistics(members, events, 2025)).toEqual({ total: 3, female: 1, migrantWorkers: 1, joinedThisYear: 2, leftThisYear: 1 });
    expect(memberStatistics(members, events, 2024)).toMatchObject({ joinedThisYear: 0, leftThisYear: 0 });
  });

  it('puts members on the roll into age bands by their age on a day', () => {
    expect(ageBands(members, '2025-12-31')).toEqual([
      { label: '35岁及以下', count: 1 },
      { label: '36-45岁', count: 1 },
      { label: '46-55岁', count: 0 },
      { label: '56岁及以上', count: 0 },
      { label: '未知', count: 1 },
    ]);
    expect(ageBands([member('x', { birthDate: '1990-06-02' })], '2025-06-01')[0]?.count).toBe(1);
  });
});

describe('member validation', () => {
  const valid = { ...emptyMemberDraft(), name: '甲', idNumber: IDS.man, gender: '男' as const, birthDate: '1949-12-31' };

  it('accepts a complete member and checks the ID number, naming the field', () => {
    expect(validateMember(valid)).toEqual([]);
    const wrongCheck = IDS.man.slice(0, 17) + (IDS.man.endsWith('1') ? '2' : '1');
    expect(validateMember({ ...valid, idNumber: wrongCheck })).toEqual([{ field: 'idNumber', message: '身份证号校验位错误' }]);
    expect(validateMember({ ...valid, gender: '女' })[0]?.message).toBe('性别与身份证号不符（身份证号为男性）');
    expect(validateMember({ ...valid, name: ' ', idNumber: '' }).map((e) => e.field)).toEqual(['name', 'idNumber']);
    expect(validateMember({ ...valid, idType: '护照', idNumber: 'E12345678', gender: '', birthDate: '' })).toEqual([]);
    expect(validateMember({ ...valid, duesExempt: true })).toEqual([{ field: 'duesExemptReason', message: '免缴会费请填写原因' }]);
  });

  it('checks phone numbers: mobiles and landlines with area code', () => {
    expect(checkPhone('138 6091 3909')).toBeNull();
    expect(checkPhone('0571-87654321')).toBeNull();
    expect(checkPhone('')).toBeNull();
    expect(checkPhone('1234567')).toContain('手机号码格式不正确');
    expect(validateMember({ ...valid, phone: '12345' })[0]?.field).toBe('phone');
  });
});

describe('the 入会 event follows the 入会日期', () => {
  it('adds one when there is no joining event, moves a single one, and leaves a longer history alone', () => {
    expect(joinEventFor('a', '2015-03-01', [], '新增会员')).toEqual({
      kind: 'insert',
      event: { memberId: 'a', kind: 'join', date: '2015-03-01', reason: '新增会员', otherUnion: '' },
    });
    const join = event('a', 'join', '2015-01-01');
    expect(joinEventFor('a', '2015-03-01', [join], '')).toEqual({ kind: 'update', id: join.id, date: '2015-03-01' });
    expect(joinEventFor('a', '2015-01-01', [join], '')).toEqual({ kind: 'none' });
    expect(joinEventFor('a', '', [], '')).toEqual({ kind: 'none' });
    expect(joinEventFor('a', '2015-03-01', [join, event('a', 'leave', '2018-01-01'), event('a', 'join', '2020-01-01')], '')).toEqual({
      kind: 'none',
    });
  });
});

describe('roster search and filters', () => {
  const wei = member('w', { name: '韦丽', gender: '女', idNumber: '330411197307212702', phone: '13860913909', department: '宣传教育科' });
  const tao = member('t', {
    name: '陶华',
    gender: '男',
    idNumber: '33048119930227737X',
    phone: '',
    department: '人事科',
    isMigrantWorker: true,
    status: 'retired',
  });
  const find = (f: Partial<MemberFilter>) => [wei, tao].filter((m) => matchesMember(m, { ...EMPTY_FILTER, ...f })).map((m) => m.name);

  it('finds by part of a name, department, ID number (any case, full width) or phone (with spaces)', () => {
    expect(find({ text: '丽' })).toEqual(['韦丽']);
    expect(find({ text: '人事' })).toEqual(['陶华']);
    expect(find({ text: '737x' })).toEqual(['陶华']);
    expect(find({ text: '３３０４１１' })).toEqual(['韦丽']);
    expect(find({ text: '138 6091' })).toEqual(['韦丽']);
    expect(find({ text: '' })).toEqual(['韦丽', '陶华']);
  });

  it('filters by status, gender, farmer-worker and department', () => {
    expect(find({ statuses: ['retired'] })).toEqual(['陶华']);
    expect(find({ gender: '女' })).toEqual(['韦丽']);
    expect(find({ migrant: 'yes' })).toEqual(['陶华']);
    expect(find({ migrant: 'no', departments: ['宣传教育科'] })).toEqual(['韦丽']);
    expect(departmentsOf([wei, tao])).toEqual(['人事科', '宣传教育科']);
  });
});
