import { describe, expect, it } from 'vitest';
import { excelSerialToIso, parseRosterDate } from '../../../shared/roster/dates';
import { IDS, planOf, xlsxOf } from './fixture';

describe('roster dates', () => {
  it.each([
    ['2015-03-01', '2015-03-01'],
    ['2015/3/1', '2015-03-01'],
    ['2015.3.1', '2015-03-01'],
    ['2015.03', '2015-03-01'],
    ['2015年3月', '2015-03-01'],
    ['2015年3月1日', '2015-03-01'],
    ['２０１５年３月１日', '2015-03-01'],
    [' 2015 年 3 月 ', '2015-03-01'],
    ['2015-03-01 00:00:00', '2015-03-01'],
    ['20150301', '2015-03-01'],
    ['42064', '2015-03-01'],
  ])('reads the text %s', (text, iso) => {
    expect(parseRosterDate(text)).toBe(iso);
  });

  it('reads Excel serial numbers, date cells and yyyymmdd numbers', () => {
    expect(parseRosterDate(42064)).toBe('2015-03-01');
    expect(excelSerialToIso(1)).toBeNull();
    expect(parseRosterDate(new Date(Date.UTC(2015, 2, 1)))).toBe('2015-03-01');
    expect(parseRosterDate(new Date(Date.UTC(2015, 2, 1) - 1))).toBe('2015-03-01');
    expect(parseRosterDate(20150301)).toBe('2015-03-01');
  });

  it('reads 2015.03 and 2015.1 typed into General cells (stored as numbers) as months', () => {
    expect(parseRosterDate(2015.03)).toBe('2015-03-01');
    expect(parseRosterDate(2015.1)).toBe('2015-10-01');
  });

  it.each(['2015-02-30', '2015年13月', '去年', '2015', 'abc', '1800-01-01'])('refuses %s', (text) => {
    expect(parseRosterDate(text)).toBeNull();
  });

  it('reads every form from a real .xlsx: date cell, serial number, and each text form', async () => {
    const forms: unknown[] = [
      new Date(Date.UTC(2015, 2, 1)),
      42064,
      '2015-03-01',
      '2015/3/1',
      '2015.3.1',
      '2015.03',
      '2015年3月',
      '2015年3月1日',
    ];
    const rows = forms.map((f, i) => [`会员${i}`, i === 0 ? IDS.man : i === 1 ? IDS.woman : IDS.man2.slice(0, 14) + '000', f]);
    const valid = await planOf(
      'x.xlsx',
      await xlsxOf([['姓名', '身份证号码', '入会日期'], ...rows.slice(0, 2)], (ws) => {
        ws.getCell('C2').numFmt = 'yyyy-mm-dd';
      }),
    );
    expect(valid.toInsert.map((p) => p.member.joinDate)).toEqual(['2015-03-01', '2015-03-01']);
    for (const form of forms.slice(2)) {
      const plan = await planOf(
        'x.xlsx',
        await xlsxOf([
          ['姓名', '身份证号码', '入会日期'],
          ['甲', IDS.man, form],
        ]),
      );
      expect(plan.toInsert[0]?.member.joinDate, String(form)).toBe('2015-03-01');
    }
  });
});
