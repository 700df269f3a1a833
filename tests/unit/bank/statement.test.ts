import { describe, expect, it } from 'vitest';
import { amountCell, readStatementFile, StatementFileError } from '../../../shared/bank/statement';
import { importBankStatement } from '../../../shared/engine/ops/bank';
import { bankFixture, journalBook } from './book';

const csvOf = (rows: string[]) => new TextEncoder().encode(rows.join('\n'));

describe('reading a bank statement', () => {
  it('reads the 借方/贷方 CSV: 贷方 is money in, 借方 money out, the totals row is not a line', async () => {
    const s = await readStatementFile('借贷-明细.csv', bankFixture('借贷-明细.csv'));
    expect(s.layout).toBe('借方/贷方');
    expect(s.headerRowNumber).toBe(1);
    expect(s.lines).toHaveLength(11);
    expect(s.lines[0]).toEqual({
      date: '2025-10-10',
      summary: '拨缴经费 某某市财政局',
      inFen: 1_200_000,
      outFen: 0,
      balanceFen: 9_200_000,
      rowNumber: 2,
    });
    expect(s.lines[7]).toMatchObject({ date: '2025-11-19', inFen: 0, outFen: 235_050, balanceFen: 7_712_790 });
    expect(s.skipped).toEqual([{ rowNumber: 13, text: '合计' }]);
    expect(s.warnings).toEqual([]);
  });

  it('reads the 收入/支出 workbook under its title block, newest first turned into date order', async () => {
    const s = await readStatementFile('收支-明细.xlsx', bankFixture('收支-明细.xlsx'));
    expect(s.layout).toBe('收入/支出');
    expect(s.headerRowNumber).toBe(5);
    expect(s.lines.map((l) => l.date)).toEqual([...s.lines.map((l) => l.date)].sort());
    const csv = await readStatementFile('借贷-明细.csv', bankFixture('借贷-明细.csv'));
    expect(s.lines.map(({ rowNumber: _r, ...l }) => l)).toEqual(csv.lines.map(({ rowNumber: _r, ...l }) => l));
    expect(s.skipped.map((r) => r.text)).toEqual(['本期合计', '打印日期：2025-12-03']);
  });

  it('refuses a file with bad rows, naming each row and column, and imports nothing', async () => {
    const store = await journalBook();
    const before = JSON.stringify(store.book);
    const error = await importBankStatement(store, '借贷-坏行.csv', bankFixture('借贷-坏行.csv')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StatementFileError);
    expect((error as StatementFileError).problems).toEqual([
      '第 5 行“交易日期”列（A 列）：无法识别的日期“2025/13/40”',
      '第 8 行“借方发生额”列（D 列）：“1,2x0.00”不是金额（元，最多两位小数）',
    ]);
    expect(JSON.stringify(store.book)).toBe(before);
    expect(store.book.bankLines).toEqual([]);
  });

  it('names a line with both amounts, one with none, and a missing balance', async () => {
    const bad = csvOf([
      '日期,摘要,收入,支出,余额',
      '2025-11-01,甲,100.00,20.00,80.00',
      '2025-11-02,乙,,,80.00',
      '2025-11-03,丙,10.00,,',
      '2025-11-04,丁,10.005,,90.00',
    ]);
    const error = (await readStatementFile('x.csv', bad).catch((e: unknown) => e)) as StatementFileError;
    expect(error.problems).toEqual([
      '第 2 行：“收入”和“支出”同时有金额，一行只能是一笔收入或一笔支出',
      '第 3 行：“收入”和“支出”都没有金额',
      '第 4 行“余额”列（E 列）：余额为空',
      '第 5 行“收入”列（C 列）：“10.005”不是金额（元，最多两位小数）',
    ]);
  });

  it('says which columns it looks for when there is no header, and refuses .xls', async () => {
    await expect(readStatementFile('x.csv', csvOf(['姓名,身份证号码', '张三,1']))).rejects.toThrow(/没有找到对账单的表头/);
    await expect(readStatementFile('old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).rejects.toThrow(/另存为/);
  });

  it('reads one signed amount column with a 借贷标志, and warns when a 余额 does not follow', async () => {
    const s = await readStatementFile(
      'x.csv',
      csvOf(['记账日期,用途,借贷标志,交易金额,账户余额', '20251101,工资代扣会费,贷,500.00,1500.00', '20251102,购物,借,200.00,1200.00']),
    );
    expect(s.layout).toBe('金额');
    expect(s.lines.map((l) => [l.inFen, l.outFen])).toEqual([
      [50_000, 0],
      [0, 20_000],
    ]);
    expect(s.warnings).toEqual(['第 3 行的余额与上一行不衔接：按上一行余额应为 1,300.00 元，对账单为 1,200.00 元']);
  });

  it('reads amounts to the fen as banks write them', () => {
    expect(amountCell('12,000.00')).toBe(1_200_000);
    expect(amountCell('￥38.4')).toBe(3840);
    expect(amountCell(2350.5)).toBe(235_050);
    expect(amountCell(0.1 + 0.2)).toBe(30);
    expect(amountCell('-')).toBe(0);
    expect(amountCell(null)).toBe(0);
    expect(amountCell('1.001')).toBeNull();
    expect(amountCell('abc')).toBeNull();
  });
});
