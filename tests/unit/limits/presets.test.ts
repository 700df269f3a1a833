import { describe, expect, it } from 'vitest';
import { checkVisit, type VisitToCheck } from '../../../shared/limits/check';
import { LOCAL_RULES_NOTE, resolvePreset, SPENDING_PRESETS, customPreset, DEFAULT_CUSTOM_LIMITS } from '../../../shared/limits/presets';
import type { Budget, SpendingPresetId, WelfareVisit } from '../../../shared/model/records';

const preset = (id: SpendingPresetId) => resolvePreset(id);
const visit = (over: Partial<VisitToCheck>): VisitToCheck => ({
  memberId: 'm1',
  kind: '住院',
  subKind: '无手术',
  date: '2025-03-10',
  form: 'cash',
  amountFen: 0,
  ...over,
});
const saved = (over: Partial<WelfareVisit>): WelfareVisit => ({
  id: `v${Math.random()}`,
  updatedAt: '',
  deviceId: '',
  deleted: 0,
  memberId: 'm1',
  kind: '节日',
  subKind: '中秋',
  date: '2025-09-20',
  form: 'goods',
  amountFen: 0,
  note: '',
  transactionId: '',
  ...over,
});
const rules = (v: VisitToCheck, id: SpendingPresetId, year: WelfareVisit[] = [], budgets?: Budget[]) =>
  checkVisit(v, year, preset(id), { budgets, memberName: '王芳' }).map((w) => w.rule);

describe('spending-limit presets', () => {
  it('every preset names its source and year; the note says the local 实施细则 decides', () => {
    expect(SPENDING_PRESETS.map((p) => [p.name, p.year])).toEqual([
      ['安徽 2018', 2018],
      ['贵州 2018', 2018],
      ['福建 2018', 2018],
      ['北京 2019', 2019],
    ]);
    for (const p of SPENDING_PRESETS) expect(p.source).toMatch(/总工会.*实施细则/);
    expect(LOCAL_RULES_NOTE).toContain('实施细则为准');
    expect(resolvePreset('custom').name).toBe('自定义');
  });

  it.each([
    // preset, kind, subKind, limit in yuan (null: no per-event rule in that preset)
    ['anhui-2018', '生日', '', 300],
    ['anhui-2018', '结婚', '', 600],
    ['anhui-2018', '生育', '', 600],
    ['anhui-2018', '住院', '无手术', 1000],
    ['anhui-2018', '住院', '手术', 1000],
    ['anhui-2018', '去世', '会员本人', 2000],
    ['anhui-2018', '去世', '直系亲属', 1000],
    ['anhui-2018', '退休', '', 1000],
    ['guizhou-2018', '生日', '', 300],
    ['guizhou-2018', '结婚', '', 500],
    ['guizhou-2018', '生育', '', 500],
    ['guizhou-2018', '住院', '无手术', 500],
    ['guizhou-2018', '住院', '手术', 1000],
    ['guizhou-2018', '去世', '会员本人', 2000],
    ['guizhou-2018', '去世', '直系亲属', 1000],
    ['guizhou-2018', '退休', '', 500],
    ['fujian-2018', '生日', '', 300],
    ['fujian-2018', '结婚', '', null],
    ['fujian-2018', '生育', '', 500],
    ['fujian-2018', '住院', '无手术', 500],
    ['fujian-2018', '住院', '手术', 1000],
    ['fujian-2018', '去世', '会员本人', 2000],
    ['fujian-2018', '去世', '直系亲属', 1000],
    ['fujian-2018', '退休', '', 500],
    ['beijing-2019', '生日', '', 300],
    ['beijing-2019', '住院', '手术', null],
    ['beijing-2019', '退休', '', null],
  ] as const)('%s %s%s: at the limit no warning, one fen over a warning naming the rule', (id, kind, subKind, limitYuan) => {
    const form = kind === '生日' ? 'goods' : 'cash';
    if (limitYuan === null) {
      expect(rules(visit({ kind, subKind, form, amountFen: 10_000_00 }), id)).toEqual([]);
      return;
    }
    expect(rules(visit({ kind, subKind, form, amountFen: limitYuan * 100 }), id)).toEqual([]);
    const over = checkVisit(visit({ kind, subKind, form, amountFen: limitYuan * 100 + 1 }), [], preset(id));
    expect(over).toHaveLength(1);
    expect(over[0]!.rule).toContain(`每次不超过 ${limitYuan.toLocaleString('en-US')}.00 元`);
    expect(over[0]!.rule).toContain(preset(id).name);
    expect(over[0]!.message).toContain('超出 0.01 元');
  });

  it('住院 over the limit names surgery or not', () => {
    expect(rules(visit({ amountFen: 60_000 }), 'guizhou-2018')).toEqual(['贵州 2018：住院慰问（无手术）每次不超过 500.00 元']);
    expect(rules(visit({ subKind: '手术', amountFen: 60_000 }), 'guizhou-2018')).toEqual([]);
  });
});

describe('holiday gifts summed per person per year', () => {
  const earlier = [
    saved({ subKind: '春节', date: '2025-01-20', amountFen: 50_000 }),
    saved({ subKind: '端午', date: '2025-05-30', amountFen: 40_000 }),
    saved({ memberId: 'm2', subKind: '端午', date: '2025-05-30', amountFen: 90_000 }),
    saved({ subKind: '国庆', date: '2024-09-30', amountFen: 90_000 }),
  ];
  const mid = (amountFen: number) => visit({ kind: '节日', subKind: '中秋', date: '2025-09-20', form: 'goods', amountFen });

  it('安徽 1500 per person per year: counts only this member, only this year', () => {
    expect(rules(mid(60_000), 'anhui-2018', earlier)).toEqual([]);
    const w = checkVisit(mid(60_001), earlier, preset('anhui-2018'), { memberName: '王芳' });
    expect(w.map((x) => x.rule)).toEqual(['安徽 2018：节日慰问品每人每年合计不超过 1,500.00 元']);
    expect(w[0]!.message).toBe('王芳2025年节日慰问已累计 1,500.01 元（含本次），超出 0.01 元。');
  });

  it('福建 1300 per person per year', () => {
    expect(rules(mid(40_000), 'fujian-2018', earlier)).toEqual([]);
    expect(rules(mid(40_100), 'fujian-2018', earlier)).toEqual(['福建 2018：节日慰问品每人每年合计不超过 1,300.00 元']);
  });

  it('贵州: 春节 500 and every other holiday 200, each per person per year', () => {
    expect(rules(mid(20_000), 'guizhou-2018', earlier)).toEqual([]);
    expect(rules(mid(20_001), 'guizhou-2018', earlier)).toEqual(['贵州 2018：春节以外的节日慰问品每人每节不超过 200.00 元']);
    const spring = visit({ kind: '节日', subKind: '春节', date: '2025-02-01', form: 'goods', amountFen: 1 });
    expect(rules(spring, 'guizhou-2018', earlier)).toEqual(['贵州 2018：春节慰问品每人每年不超过 500.00 元']);
    expect(rules({ ...spring, memberId: 'm3', amountFen: 50_000 }, 'guizhou-2018', earlier)).toEqual([]);
  });

  it('北京: all holiday gifts of the year ≤ 50% of budgeted income, from the year’s budgets', () => {
    const budget = (accountCode: string, amountFen: number, year = 2025): Budget => ({
      id: accountCode,
      updatedAt: '',
      deviceId: '',
      deleted: 0,
      year,
      accountCode,
      amountFen,
    });
    const budgets = [budget('401', 200_000), budget('402', 200_000), budget('50105', 9_000_000), budget('401', 9_000_000, 2024)];
    // income 4,000 yuan → cap 2,000; the year already has 500+400+900 = 1,800
    expect(rules(mid(20_000), 'beijing-2019', earlier, budgets)).toEqual([]);
    const w = checkVisit(mid(20_001), earlier, preset('beijing-2019'), { budgets });
    expect(w.map((x) => x.rule)).toEqual(['北京 2019：全年节日慰问品总额不超过当年预算收入的 50%（2,000.00 元）']);
    expect(w[0]!.message).toContain('2,000.01 元');
    expect(rules(mid(900_000), 'beijing-2019', earlier, [])).toEqual([]);
  });

  it('an edited visit is not counted twice', () => {
    const self = saved({ id: 'self', subKind: '中秋', amountFen: 60_000 });
    expect(rules({ ...mid(60_000), id: 'self' }, 'anhui-2018', [...earlier, self])).toEqual([]);
  });

  it('custom values are used for 自定义, including the holiday mode', () => {
    const custom = customPreset({
      ...DEFAULT_CUSTOM_LIMITS,
      hospitalFen: 30_000,
      holiday: { mode: 'per-holiday', springFestivalFen: null, otherHolidayFen: 10_000 },
    });
    expect(checkVisit(visit({ amountFen: 30_001 }), [], custom).map((w) => w.rule)).toEqual([
      '自定义：住院慰问（无手术）每次不超过 300.00 元',
    ]);
    expect(checkVisit(mid(10_001), [], custom)).toHaveLength(1);
    expect(resolvePreset('custom', custom.limits).limits.hospitalFen).toBe(30_000);
  });
});

describe('forbidden forms', () => {
  it.each(['cash', 'shopping-card'] as const)('a holiday gift as %s is warned about, in every preset', (form) => {
    for (const p of SPENDING_PRESETS) {
      const w = checkVisit(visit({ kind: '节日', subKind: '春节', form, amountFen: 100 }), [], p);
      expect(w.map((x) => x.rule)).toEqual([`${p.name}：节日慰问应发放传统节日慰问品（实物），不得发放现金、购物卡`]);
      expect(w[0]!.message).toContain(form === 'cash' ? '现金' : '购物卡');
    }
  });

  it('goods are fine; a cash birthday gift is warned about', () => {
    expect(rules(visit({ kind: '节日', subKind: '春节', form: 'goods', amountFen: 100 }), 'anhui-2018')).toEqual([]);
    expect(rules(visit({ kind: '生日', subKind: '', form: 'cash', amountFen: 100 }), 'anhui-2018')[0]).toContain(
      '生日慰问应发放生日蛋糕等实物',
    );
  });

  it('a visit over the limit and of a forbidden form gets both warnings', () => {
    expect(rules(visit({ kind: '节日', subKind: '中秋', form: 'shopping-card', amountFen: 30_000 }), 'guizhou-2018')).toHaveLength(2);
  });
});
