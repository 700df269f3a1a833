import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBook, writeBook } from '../../../server/cli/io';
import { DEFAULT_DUES_RULE } from '../../../shared/dues/rule';
import { payUpward, receiveAllocation } from '../../../shared/engine/ops/allocation';
import { registerAsset } from '../../../shared/engine/ops/assets';
import { postDuesMonth, saveWageBases } from '../../../shared/engine/ops/dues';
import { postEntry, reverseEntry, transferMoney } from '../../../shared/engine/ops/entries';
import { saveMember } from '../../../shared/engine/ops/members';
import { closeThrough, openBooks } from '../../../shared/engine/ops/periods';
import { createUnion } from '../../../shared/engine/ops/union';
import type { BookStore } from '../../../shared/engine/store';
import { verifyBook } from '../../../shared/engine/verify/verify-book';
import { computeBalanceSheet, type BalanceSheetColumn } from '../../../shared/finance/balance-sheet';
import { isMonthClosed } from '../../../shared/finance/closing';
import { computeStatement } from '../../../shared/finance/statement';
import { emptyBook, TABLE_NAMES, type BookTables } from '../../../shared/model/book';
import { runCli } from '../cli/capture';
import { freshDb } from '../db/helpers';
import { IDS, memberDraft, memoryStore, TODAY } from '../engine/fixture';
import { readSheets, rowOf } from './openpyxl';

/**
 * A union's year 2025, kept the way a treasurer keeps it: opening balances, dues every month, two
 * 拨缴 receipts split 60/40 and one payment upward, a share-only 拨缴 receipt, a printer bought and
 * registered as a fixed asset, 提现 and 存现, welfare and activities, a reversal, 专项补助, and the
 * months closed in two steps. Every figure below is worked out by hand from these entries.
 */
const HAND = {
  income: { '401': 108_000, '402': 720_000 + 600_033 + 300_000, '403': 200_000, total: 1_928_033 },
  expense: { '501': 150_000 + 30_000, '504': 80_000, '507': 360_000, total: 620_000 },
  surplus: 1_308_033,
  // 2,000.00 + 1,000.00 (提现) − 300.00 (cake) − 500.00 (存现)
  cash: 220_000,
  // 50,000.00 − 1,000.00 + 500.00 + dues 1,080.00 + 12,000.00 + 10,000.55 + 3,000.00 + 2,000.00
  //   − 4,800.00 (上缴) − 3,600.00 − 800.00 − 1,500.00 − 700.00 + 700.00 (reversal)
  bank: 6_688_055,
  // 4,800.00 + 4,000.22 owed, 4,800.00 paid
  payable: 400_022,
  fixedAssets: 360_000,
  // opening 52,000.00 + surplus
  fund: 6_508_033,
};

const MARCH = { cash: 270_000, bank: 6_047_000, payable: 480_000, fund: 5_837_000 };

type Step = { engine: (s: BookStore, refs: Map<string, string>) => Promise<unknown>; cli: (refs: Map<string, string>) => string[] };

const add = (date: string, place: 'cash' | 'bank', account: string, yuan: string, summary: string, purpose?: string): Step => ({
  engine: (s) =>
    postEntry(s, { date, place, accountCode: account, amountFen: Math.round(Number(yuan) * 100), summary, purpose }).then(
      (t) => t.voucherNumber,
    ),
  cli: () => [
    ...['books', 'add', '--date', date, '--account', account, '--amount', yuan, '--place', place, '--summary', summary],
    ...(purpose ? ['--purpose', purpose] : []),
  ],
});
const dues = (month: string): Step => ({
  engine: (s) => postDuesMonth(s, { month, paidDate: `${month}-20`, rule: DEFAULT_DUES_RULE }),
  cli: () => ['dues', 'post', '--month', month, '--date', `${month}-20`],
});

/** The year in date order; `ref` names an entry whose voucher a later step needs. */
const YEAR: { ref?: string; step: Step }[] = [
  {
    step: {
      engine: (s) => openBooks(s, { month: '2025-01', cashFen: 200_000, bankFen: 5_000_000 }),
      cli: () => ['books', 'open', '--month', '2025-01', '--cash', '2000', '--bank', '50000'],
    },
  },
  { step: add('2025-01-18', 'bank', '50405', '800', '春节送温暖') },
  { step: dues('2025-01') },
  {
    step: {
      engine: (s) => transferMoney(s, { date: '2025-02-05', from: 'bank', amountFen: 100_000 }),
      cli: () => ['books', 'transfer', '--date', '2025-02-05', '--from', 'bank', '--amount', '1000'],
    },
  },
  { step: add('2025-02-12', 'cash', '50105', '300', '会员生日蛋糕') },
  { step: dues('2025-02') },
  {
    step: {
      engine: (s) => receiveAllocation(s, { date: '2025-03-10', place: 'bank', amountFen: 1_200_000 }),
      cli: () => ['books', 'allocation', '--date', '2025-03-10', '--amount', '12000'],
    },
  },
  { step: dues('2025-03') },
  {
    step: {
      engine: (s) => payUpward(s, { date: '2025-04-15', place: 'bank', amountFen: 480_000 }),
      cli: () => ['books', 'pay-upward', '--date', '2025-04-15', '--amount', '4800'],
    },
  },
  { step: dues('2025-04') },
  { ref: 'printer', step: add('2025-05-08', 'bank', '50702', '3600', '购置打印机') },
  {
    step: {
      engine: async (s, refs) => {
        const tx = (await s.all('transactions')).find((t) => t.voucherNumber === refs.get('printer'))!;
        return registerAsset(s, {
          name: '打印机',
          category: 'general',
          acquiredDate: tx.date,
          valueFen: 360_000,
          location: '工会办公室',
          keeper: '王芳',
          transactionId: tx.id,
        });
      },
      cli: (refs) => [
        'assets',
        'add',
        '--voucher',
        refs.get('printer')!,
        '--name',
        '打印机',
        '--value',
        '3600',
        '--location',
        '工会办公室',
      ],
    },
  },
  { step: dues('2025-05') },
  { step: add('2025-06-10', 'bank', '402', '3000', '拨缴经费留成（上级返还）') },
  { step: dues('2025-06') },
  { step: add('2025-07-20', 'bank', '50102', '1500', '职工篮球赛') },
  { step: dues('2025-07') },
  { ref: 'training', step: add('2025-08-03', 'bank', '50101', '700', '职工培训') },
  {
    step: {
      engine: async (s, refs) => {
        const tx = (await s.all('transactions')).find((t) => t.voucherNumber === refs.get('training'))!;
        return reverseEntry(s, tx.id, '2025-08-10', '重复报销');
      },
      cli: (refs) => ['books', 'reverse', '--voucher', refs.get('training')!, '--date', '2025-08-10', '--reason', '重复报销'],
    },
  },
  { step: dues('2025-08') },
  {
    step: {
      engine: (s) => receiveAllocation(s, { date: '2025-09-10', place: 'bank', amountFen: 1_000_055, shareBasisPoints: 6000 }),
      cli: () => ['books', 'allocation', '--date', '2025-09-10', '--amount', '10000.55', '--share', '60'],
    },
  },
  { step: dues('2025-09') },
  { step: add('2025-10-12', 'bank', '40302', '2000', '上级专项补助（职工书屋）', '职工书屋') },
  { step: dues('2025-10') },
  {
    step: {
      engine: (s) => closeThrough(s, '2025-10', { skipBank: true }),
      cli: () => ['books', 'close', '--to', '2025-10', '--skip-bank'],
    },
  },
  {
    step: {
      engine: (s) => transferMoney(s, { date: '2025-11-05', from: 'cash', amountFen: 50_000 }),
      cli: () => ['books', 'transfer', '--date', '2025-11-05', '--from', 'cash', '--amount', '500'],
    },
  },
  { step: dues('2025-11') },
  { step: dues('2025-12') },
  {
    step: {
      engine: (s) => closeThrough(s, '2025-12', { skipBank: true }),
      cli: () => ['books', 'close', '--to', '2025-12', '--skip-bank'],
    },
  },
];

/** The union and its three members (6,000 元 wage base: 30 元 dues each a month), before any money. */
async function seed(store: BookStore): Promise<void> {
  await createUnion(store, { name: '某某公司工会委员会', chair: '张伟', treasurer: '王芳', employeeCount: 20, womenEmployeeCount: 8 });
  const members = [];
  for (const [name, id] of [
    ['张伟', IDS.zhang],
    ['王芳', IDS.wang],
    ['李强', IDS.li],
  ] as const)
    members.push(await saveMember(store, null, { draft: memberDraft(name, id), wage: { year: 2025, baseFen: 600_000 } }));
  await saveWageBases(
    store,
    members.map((m) => ({ memberId: m.id, year: 2025, baseFen: 600_000 })),
  );
}

function expectHandFigures(book: BookTables): void {
  const s = computeStatement(book, { year: 2025 });
  const top = (lines: { code: string; level: number; amountFen: number }[], code: string) =>
    lines.find((l) => l.code === code && l.level === 0)?.amountFen;
  expect([top(s.income.lines, '401'), top(s.income.lines, '402'), top(s.income.lines, '403'), s.income.totalFen]).toEqual([
    HAND.income['401'],
    HAND.income['402'],
    HAND.income['403'],
    HAND.income.total,
  ]);
  expect([top(s.expense.lines, '501'), top(s.expense.lines, '504'), top(s.expense.lines, '507'), s.expense.totalFen]).toEqual([
    HAND.expense['501'],
    HAND.expense['504'],
    HAND.expense['507'],
    HAND.expense.total,
  ]);
  expect(s.surplusFen).toBe(HAND.surplus);
  expect(s.closing).toEqual({ cashFen: HAND.cash, bankFen: HAND.bank });
  expect(s.closingPayableFen).toBe(HAND.payable);

  const year: Partial<BalanceSheetColumn> = computeBalanceSheet(book, '2025-12-31').end;
  expect(year).toMatchObject({
    cashFen: HAND.cash,
    bankFen: HAND.bank,
    fixedAssetsFen: HAND.fixedAssets,
    assetsFen: HAND.cash + HAND.bank + HAND.fixedAssets,
    payableFen: HAND.payable,
    liabilitiesFen: HAND.payable,
    assetFundFen: HAND.fixedAssets,
    fundBalanceFen: HAND.fund,
    netAssetsFen: HAND.fixedAssets + HAND.fund,
  });
  expect(HAND.cash + HAND.bank + HAND.fixedAssets).toBe(HAND.payable + HAND.fixedAssets + HAND.fund);
  expect(computeBalanceSheet(book, '2025-03-31').end).toMatchObject({
    cashFen: MARCH.cash,
    bankFen: MARCH.bank,
    payableFen: MARCH.payable,
    fixedAssetsFen: 0,
    fundBalanceFen: MARCH.fund,
  });
  // Every month of 2025 closed, and the year's closing balances stored as 2026's opening row.
  expect(Array.from({ length: 12 }, (_, i) => isMonthClosed(book.monthCloses, `2025-${String(i + 1).padStart(2, '0')}`))).toEqual(
    Array(12).fill(true),
  );
  const carried = book.openingBalances.filter((r) => r.deleted === 0 && r.carried);
  expect(carried.map((r) => [r.year, r.cashFen, r.bankFen, r.payableFen])).toEqual([[2026, HAND.cash, HAND.bank, HAND.payable]]);
  expect(verifyBook(book, TODAY)).toEqual([]);
}

describe('a scripted year of the books', () => {
  it('through the app (Dexie): the 收入支出表 and the 资产负债表 agree with the figures worked out by hand', async () => {
    const { db, store } = await freshDb();
    await seed(store);
    const refs = new Map<string, string>();
    const closes: unknown[] = [];
    for (const { ref, step } of YEAR) {
      const result = await step.engine(store, refs);
      if (ref) refs.set(ref, result as string);
      if (result && typeof result === 'object' && 'months' in result) closes.push(result);
    }
    // 结账至 October closed January to October in one step, after its check list.
    expect(closes).toMatchObject([
      { months: Array.from({ length: 10 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`), closed: true },
      { months: ['2025-11', '2025-12'], closed: true },
    ]);
    const book = emptyBook();
    for (const name of TABLE_NAMES) (book[name] as unknown[]) = await db.table(name).toArray();
    expectHandFigures(book);
  });

  it('through the command line: the same figures, and the exported files show them (read by openpyxl)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scripted-year-'));
    const path = join(dir, 'book.ubk');
    const start = emptyBook();
    await seed(memoryStore(start));
    await writeBook(path, start);
    const refs = new Map<string, string>();
    for (const { ref, step } of YEAR) {
      const argv = [...step.cli(refs), '--book', path];
      const r = await runCli(...argv);
      expect(r.err, argv.join(' ')).toBe('');
      expect(r.code, argv.join(' ')).toBe(0);
      if (ref) refs.set(ref, /已记账：(记-\d+)/.exec(r.out)![1]!);
    }
    expectHandFigures(await readBook(path));
    expect((await runCli('verify', path)).code).toBe(0);

    const yuan = (fen: number) => fen / 100;
    const stmt = join(dir, '收入支出表.xlsx');
    expect((await runCli('export', 'statement', '--year', '2025', '--book', path, '--out', stmt)).code).toBe(0);
    const [s] = readSheets(stmt);
    expect(rowOf(s!, '一、收入合计')[2]).toBe(yuan(HAND.income.total));
    expect(rowOf(s!, '拨缴经费收入')[2]).toBe(yuan(HAND.income['402']));
    expect(rowOf(s!, '二、支出合计')[2]).toBe(yuan(HAND.expense.total));
    expect(rowOf(s!, '资本性支出')[2]).toBe(yuan(HAND.expense['507']));
    expect(rowOf(s!, '三、本期结余（收入合计 − 支出合计）')[2]).toBe(yuan(HAND.surplus));
    expect(rowOf(s!, '含应付上级经费')[2]).toBe(yuan(HAND.payable));

    const sheetPath = join(dir, '资产负债表.xlsx');
    const out = await runCli('export', 'balance-sheet', '--year', '2025', '--book', path, '--out', sheetPath);
    expect(out.code).toBe(0);
    const [b] = readSheets(sheetPath);
    expect(b!.orientation).toBe('landscape');
    expect(b!.paper).toBe(9);
    const row = (label: string) => b!.rows.find((r) => r.some((c) => typeof c === 'string' && c.trim() === label))!;
    // 资产 | 年初数 | 期末数 | 负债和净资产 | 年初数 | 期末数
    expect(row('库存现金').slice(1, 3)).toEqual([2000, yuan(HAND.cash)]);
    expect(row('银行存款').slice(1, 3)).toEqual([50000, yuan(HAND.bank)]);
    expect(row('固定资产').slice(1, 3)).toEqual([0, yuan(HAND.fixedAssets)]);
    expect(row('应付上级经费').slice(4, 6)).toEqual([0, yuan(HAND.payable)]);
    expect(row('资产基金').slice(4, 6)).toEqual([0, yuan(HAND.fixedAssets)]);
    expect(row('工会资金结余').slice(4, 6)).toEqual([52000, yuan(HAND.fund)]);
    const totals = row('资产合计');
    expect(totals[2]).toBe(yuan(HAND.cash + HAND.bank + HAND.fixedAssets));
    expect(totals[5]).toBe(totals[2]);

    const march = join(dir, '资产负债表-3月.xlsx');
    expect((await runCli('export', 'balance-sheet', '--year', '2025', '--month', '3', '--book', path, '--out', march)).code).toBe(0);
    const [m] = readSheets(march);
    const mrow = (label: string) => m!.rows.find((r) => r.some((c) => typeof c === 'string' && c.trim() === label))!;
    expect([mrow('库存现金')[2], mrow('银行存款')[2], mrow('应付上级经费')[5]]).toEqual([
      yuan(MARCH.cash),
      yuan(MARCH.bank),
      yuan(MARCH.payable),
    ]);

    // March: dues, the 拨缴 receipt split on its voucher, two vouchers to a page.
    const vouchers = join(dir, '记账凭证.xlsx');
    const v = await runCli('export', 'vouchers', '--month', '2025-03', '--book', path, '--out', vouchers);
    expect(v.out).toContain('（2 张，1 页）');
    const [vs] = readSheets(vouchers);
    expect(vs!.paper).toBe(9);
    const cells = vs!.rows.flat().filter((c) => c !== null);
    expect(cells.filter((c) => c === '记账凭证')).toHaveLength(2);
    expect(cells).toEqual(expect.arrayContaining(['摘要', '总账科目', '借方金额', '贷方金额', '0 张', '审核：', '出纳：']));
    const split = vs!.rows.filter((r) => r.some((c) => typeof c === 'string' && /拨缴经费收入|应付上级经费|银行存款/.test(c)));
    expect(split.filter((r) => r[1] !== '102 银行存款' || r[3] === 12000).map((r) => [r[1], r[3], r[4]])).toEqual(
      expect.arrayContaining([
        ['102 银行存款', 12000, null],
        ['402 拨缴经费收入', null, 7200],
        ['221 应付上级经费', null, 4800],
      ]),
    );

    const budget = join(dir, '预算表.xlsx');
    expect((await runCli('export', 'budget', '--year', '2026', '--book', path, '--out', budget)).code).toBe(0);
    const [p] = readSheets(budget);
    // No 2026 budget was set: each line is prefilled from 2025's actuals.
    expect(rowOf(p!, '一、收入合计').slice(2, 4)).toEqual([yuan(HAND.income.total), yuan(HAND.income.total)]);
    expect(rowOf(p!, '拨缴经费收入（按上年实际）').slice(2, 4)).toEqual([yuan(HAND.income['402']), yuan(HAND.income['402'])]);
  });

  it('refuses paying upward more than is owed, in the app and on the command line alike, and changes nothing', async () => {
    const message = '金额：5,000.00 元超过当日应付上级经费 4,800.00 元';
    const { db, store } = await freshDb();
    await seed(store);
    for (const { step } of YEAR.slice(0, 7)) await step.engine(store, new Map());
    const before = await db.transactions.count();
    const outbox = await db.$changes.count();
    await expect(payUpward(store, { date: '2025-03-20', place: 'bank', amountFen: 500_000 })).rejects.toThrow(message);
    expect([await db.transactions.count(), await db.$changes.count()]).toEqual([before, outbox]);

    const dir = mkdtempSync(join(tmpdir(), 'scripted-refuse-'));
    const path = join(dir, 'book.ubk');
    const start = emptyBook();
    await seed(memoryStore(start));
    await writeBook(path, start);
    for (const { step } of YEAR.slice(0, 7)) expect((await runCli(...step.cli(new Map()), '--book', path)).code).toBe(0);
    const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
    const r = await runCli('books', 'pay-upward', '--date', '2025-03-20', '--amount', '5000', '--book', path);
    expect([r.code, r.err]).toEqual([1, message]);
    expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(hash);
  });
});
