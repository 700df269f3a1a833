import { describe, expect, it } from 'vitest';
import { readRosterFile, XLS_MESSAGE } from '../../../shared/roster/read';
import { RosterFileError } from '../../../shared/roster/sheet';
import { IDS, planOf } from './fixture';

const csv = (text: string) => new TextEncoder().encode(text);

describe('CSV and .xls', () => {
  it('reads a UTF-8 CSV with a BOM, quoted fields and a title line', async () => {
    const text = `\ufeff某工会会员名册\n序号,姓名,性别,身份证号码,入会日期,"工作单位/部门"\n1,甲,男,${IDS.man},2015.03,"一车间, 二班"\n2,"乙",女,${IDS.woman},2016年4月,办公室\n合计,2人\n`;
    const plan = await planOf('roster.csv', csv(text));
    expect(plan.rejected).toEqual([]);
    expect(plan.toInsert.map((p) => [p.member.name, p.member.joinDate, p.member.department])).toEqual([
      ['甲', '2015-03-01', '一车间, 二班'],
      ['乙', '2016-04-01', '办公室'],
    ]);
  });

  it('reads a GBK CSV as a Chinese Windows Excel saves it, and counts rows as lines', async () => {
    // 姓名,身份证号码\n甲,<id>\n乙,<bad> in GBK: 姓 C3FB 名 C3FB... built from known code points.
    const gbk: Record<string, number[]> = {
      姓: [0xd0, 0xd5],
      名: [0xc3, 0xfb],
      身: [0xc9, 0xed],
      份: [0xb7, 0xdd],
      证: [0xd6, 0xa4],
      号: [0xba, 0xc5],
      码: [0xc2, 0xeb],
      甲: [0xbc, 0xd7],
      乙: [0xd2, 0xd2],
    };
    const encode = (s: string) => [...s].flatMap((c) => gbk[c] ?? [c.charCodeAt(0)]);
    const bytes = new Uint8Array(encode(`姓名,身份证号码\r\n甲,${IDS.man}\r\n乙,330402850101123\r\n`));
    const plan = await planOf('roster.csv', bytes);
    expect(plan.toInsert.map((p) => p.member.name)).toEqual(['甲']);
    expect(plan.rejected).toEqual([{ row: 3, name: '乙', reason: '15 位旧身份证号，请改为 18 位' }]);
  });

  it('names an ID number that Excel turned into 3.30402E+17 before the CSV was saved', async () => {
    const plan = await planOf('roster.csv', csv('姓名,身份证号码\n甲,3.30402E+17\n'));
    expect(plan.rejected[0]?.reason).toContain('存成了数字');
  });

  it('refuses an .xls file with a message to save it as .xlsx in WPS or Excel', async () => {
    const ole2 = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expect(readRosterFile('名册.xls', ole2)).rejects.toThrow(XLS_MESSAGE);
    await expect(readRosterFile('改了扩展名.xlsx', ole2)).rejects.toBeInstanceOf(RosterFileError);
    expect(XLS_MESSAGE).toContain('.xlsx');
    expect(XLS_MESSAGE).toContain('WPS');
  });

  it('says so when a file is not a spreadsheet or has no roster header', async () => {
    await expect(readRosterFile('a.xlsx', csv('hello'))).rejects.toThrow('无法识别的文件格式');
    await expect(readRosterFile('a.csv', csv('a,b\n1,2\n'))).rejects.toThrow('没有找到表头');
  });
});
