import { describe, expect, it } from 'vitest';
import { monthlyDues } from '../../../shared/dues/rule';
import { readRosterFile } from '../../../shared/roster/read';
import { IDS, planOf, xlsxOf } from './fixture';

const toFullWidth = (s: string) => s.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('other offices’ rosters', () => {
  it('maps 姓　名 (full-width space), 公民身份号码, 入会日期, 工作单位/部门, 工资基数 and 是否农民工', async () => {
    const bytes = await xlsxOf([
      ['姓　名', '公民身份号码', '入会日期', '工作单位/部门', '工资基数', '是否农民工', '文化程度'],
      ['张　三', IDS.man, '2015/3/1', '一车间', 4567.8, '是', '初中'],
      ['李四', IDS.woman, '2016年4月', '二车间', '5,000', '否', '本科'],
    ]);
    const parsed = await readRosterFile('other.xlsx', bytes);
    expect(parsed.mapping).toEqual(['name', 'idNumber', 'joinDate', 'department', 'wageBase', 'isMigrantWorker', 'education']);
    const plan = await planOf('other.xlsx', bytes);
    expect(plan.rejected).toEqual([]);
    const [zhang, li] = plan.toInsert;
    expect(zhang?.member).toMatchObject({
      name: '张三',
      department: '一车间',
      isMigrantWorker: true,
      joinDate: '2015-03-01',
      education: '初中',
    });
    expect(zhang?.wageBaseFen).toBe(456780);
    expect(monthlyDues(zhang?.wageBaseFen ?? 0)).toBe(2280);
    expect(li?.member).toMatchObject({ name: '李四', isMigrantWorker: false, joinDate: '2016-04-01' });
    expect(li?.wageBaseFen).toBe(500000);
  });

  it('maps 证件号码, 入会时间(年月), 月工资基数（元）, 所在单位 and 学历 headers with extra text', async () => {
    const bytes = await xlsxOf([
      ['*姓名', '证件号码', '入会时间（年月）', '月工资基数（元）', '所在单位', '学历'],
      ['王五', IDS.man2, '2019.05', 3000, '办公室', '大专'],
    ]);
    const parsed = await readRosterFile('x.xlsx', bytes);
    expect(parsed.mapping).toEqual(['name', 'idNumber', 'joinDate', 'wageBase', 'department', 'education']);
  });

  it('derives 性别 and 出生日期 from the ID number when the file has no 性别 column', async () => {
    const plan = await planOf(
      'x.xlsx',
      await xlsxOf([
        ['姓名', '身份证号码', '部门'],
        ['赵六', IDS.woman, '财务科'],
        ['钱七', IDS.man, '财务科'],
      ]),
    );
    expect(plan.toInsert.map((p) => [p.member.gender, p.member.birthDate])).toEqual([
      ['女', '1990-01-01'],
      ['男', '1949-12-31'],
    ]);
  });

  it('normalises full-width ID digits, spaces inside the number and a lower-case x', async () => {
    const withX = '33048119930227737X'; // a valid number ending in X (陶华 in the sample)
    const plan = await planOf(
      'x.xlsx',
      await xlsxOf([
        ['姓名', '身份证号码', '手机'],
        ['全角', toFullWidth(IDS.man), '１３８ ０００１ ２３４５'],
        ['空格', `${IDS.woman.slice(0, 6)} ${IDS.woman.slice(6, 14)} ${IDS.woman.slice(14)}`, '13800012346'],
        ['小写', withX.toLowerCase(), '+86 138 0001 2347'],
      ]),
    );
    expect(plan.rejected).toEqual([]);
    expect(plan.toInsert.map((p) => p.member.idNumber)).toEqual([IDS.man, IDS.woman, withX]);
    expect(plan.toInsert.map((p) => p.member.phone)).toEqual(['13800012345', '13800012346', '13800012347']);
  });

  it('rejects a 15-digit first-generation ID number and asks for the 18-digit one', async () => {
    const plan = await planOf(
      'x.xlsx',
      await xlsxOf([
        ['姓名', '身份证号码'],
        ['老号', '330402850101123'],
        ['数字', 330402850101124],
      ]),
    );
    expect(plan.rejected).toEqual([
      { row: 2, name: '老号', reason: '15 位旧身份证号，请改为 18 位' },
      { row: 3, name: '数字', reason: '15 位旧身份证号，请改为 18 位' },
    ]);
  });

  it('rejects an ID number Excel stored as a number (its last digits are lost)', async () => {
    const plan = await planOf(
      'x.xlsx',
      await xlsxOf([
        ['姓名', '身份证号码'],
        ['科学', 330402199001011200],
      ]),
    );
    expect(plan.rejected[0]?.reason).toContain('存成了数字');
  });

  it('names each problem of a row in Chinese, with its field', async () => {
    const plan = await planOf(
      'x.xlsx',
      await xlsxOf([
        ['姓名', '身份证号码', '入会日期', '手机', '是否农民工', '工资基数'],
        ['', IDS.man, '', '', '', ''],
        ['错号', IDS.man2.slice(0, 17) + (IDS.man2.endsWith('0') ? '1' : '0'), '', '', '', ''],
        ['多错', IDS.woman, '去年春天', '12345', '也许', '面议'],
      ]),
    );
    expect(plan.rejected).toEqual([
      { row: 2, name: '', reason: '缺少姓名' },
      { row: 3, name: '错号', reason: '身份证号校验位错误' },
      {
        row: 4,
        name: '多错',
        reason:
          '入会日期无法识别：去年春天；手机号码格式不正确（应为 11 位手机号或带区号的固定电话）：12345；是否农民工应填“是”或“否”：也许；工资基数不是有效金额：面议',
      },
    ]);
  });

  it('keeps the first of two rows with the same ID number and names it', async () => {
    const plan = await planOf(
      'x.xlsx',
      await xlsxOf([
        ['姓名', '身份证号码'],
        ['先', IDS.man],
        ['别人', IDS.woman],
        ['后', toFullWidth(IDS.man)],
      ]),
    );
    expect(plan.toInsert.map((p) => p.member.name)).toEqual(['先', '别人']);
    expect(plan.rejected).toEqual([{ row: 4, name: '后', reason: '身份证号与前面的行重复（第 2 行）' }]);
  });

  it('skips title rows, blank and pre-numbered rows, 合计, 注： and 制表人 lines', async () => {
    const bytes = await xlsxOf(
      [
        ['某某公司工会会员花名册'],
        ['填报单位：某某公司工会', '', '', '2025年1月'],
        ['序号', '姓名', '性别', '身份证号码'],
        [1, '甲', '男', IDS.man],
        [],
        [2, '乙', '女', IDS.woman],
        [3],
        ['合计', '2人'],
        ['注：身份证号请填 18 位'],
        ['制表人：王某', '', '审核人：李某'],
      ],
      (ws) => ws.mergeCells('A1:D1'),
    );
    const parsed = await readRosterFile('x.xlsx', bytes);
    expect(parsed.headerRowNumber).toBe(3);
    expect(parsed.dataRows.map((r) => r.rowNumber)).toEqual([4, 6]);
    expect(parsed.skipped.map((s) => s.rowNumber)).toEqual([8, 9, 10]);
  });

  it('takes the roster from the sheet that has one, not an instructions sheet before it', async () => {
    const bytes = await xlsxOf([['填表说明'], ['请按模板填写']], (ws) => {
      const data = ws.workbook.addWorksheet('名册');
      data.addRow(['姓名', '身份证号码', '性别']);
      data.addRow(['甲', IDS.man, '男']);
    });
    const parsed = await readRosterFile('x.xlsx', bytes);
    expect(parsed.sheetName).toBe('名册');
    expect(parsed.dataRows).toHaveLength(1);
  });

  it('re-importing a file updates the members matched by ID number instead of adding them twice', async () => {
    const first = await planOf(
      'x.xlsx',
      await xlsxOf([
        ['姓名', '身份证号码', '部门'],
        ['甲', IDS.man, '一科'],
      ]),
    );
    const existing = first.toInsert.map((p, i) => ({ ...p.member, id: `m${i}`, updatedAt: '', deviceId: 'd', deleted: 0 as const }));
    const again = await planOf(
      'x.xlsx',
      await xlsxOf([
        ['姓名', '身份证号码', '部门'],
        ['甲', IDS.man, '二科'],
        ['乙', IDS.woman, '二科'],
      ]),
      existing,
    );
    expect(again.toUpdate).toEqual([
      {
        row: 2,
        id: 'm0',
        name: '甲',
        patch: { name: '甲', idNumber: IDS.man, gender: '男', birthDate: '1949-12-31', department: '二科' },
        wageBaseFen: null,
      },
    ]);
    expect(again.toInsert.map((p) => p.member.name)).toEqual(['乙']);
  });
});
