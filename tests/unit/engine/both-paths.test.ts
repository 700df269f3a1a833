import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeBook } from '../../../server/cli/io';
import { TABLE_NAMES } from '../../../shared/model/book';
import { postDuesMonth } from '../../../shared/engine/ops/dues';
import { postEntry, reverseEntry, transferMoney } from '../../../shared/engine/ops/entries';
import { closeMonth, openBooks, reopenMonth } from '../../../shared/engine/ops/periods';
import type { BookStore } from '../../../shared/engine/store';
import { DEFAULT_DUES_RULE } from '../../../shared/dues/rule';
import { runCli } from '../cli/capture';
import { freshDb } from '../db/helpers';
import { memoryStore, seedBook, TODAY } from './fixture';

interface Context {
  /** Voucher numbers of the seeded entries, by summary. */
  voucher: (summary: string) => Promise<string>;
  id: (summary: string) => Promise<string>;
}

interface RuleCase {
  name: string;
  message: string;
  setup?: (store: BookStore, ctx: Context) => Promise<void>;
  engine: (store: BookStore, ctx: Context) => Promise<unknown>;
  cli: (ctx: Context) => Promise<string[]> | string[];
}

function contextOf(store: BookStore): Context {
  const find = async (summary: string) => {
    const t = (await store.all('transactions')).find((x) => x.summary.startsWith(summary) && x.deleted === 0);
    if (!t) throw new Error(`no entry ${summary}`);
    return t;
  };
  return { voucher: async (s) => (await find(s)).voucherNumber, id: async (s) => (await find(s)).id };
}

const add = (date: string, place: 'cash' | 'bank', amount: string, account = '50102') => [
  'books',
  'add',
  '--date',
  date,
  '--account',
  account,
  '--amount',
  amount,
  '--place',
  place,
  '--summary',
  '测试',
];

/**
 * Each rule of the books, tried once through the app's path (Dexie) and once through the command
 * line (a book file): the same Chinese refusal, and nothing written — no row, no outbox change, and
 * the book file byte for byte as it was.
 */
const CASES: RuleCase[] = [
  {
    name: 'an entry in a closed month',
    message: '2026年1月已结账，不能修改',
    engine: (s) => postEntry(s, { date: '2026-01-20', place: 'bank', accountCode: '50102', amountFen: 10_000, summary: '测试' }),
    cli: () => add('2026-01-20', 'bank', '100'),
  },
  {
    name: 'dues posted into a year whose report was submitted',
    message: '2026年度报告已报送上级工会',
    setup: async (s) => {
      await s.insert('submissions', [
        { year: 2026, status: 'submitted', receiptNumber: 'BS-1', submittedAt: '2026-11-20T08:00:00Z', returnReason: '' },
      ]);
    },
    engine: (s) => postDuesMonth(s, { month: '2026-04', paidDate: '2026-04-20', rule: DEFAULT_DUES_RULE }),
    cli: () => ['dues', 'post', '--month', '2026-04', '--date', '2026-04-20'],
  },
  {
    name: 'an entry before the start of books',
    message: '早于本账簿的开账月份（2026年1月）',
    engine: (s) => postEntry(s, { date: '2025-12-15', place: 'bank', accountCode: '50102', amountFen: 10_000, summary: '测试' }),
    cli: () => add('2025-12-15', 'bank', '100'),
  },
  {
    name: 'an entry dated in the future',
    message: '2099年1月1日还没有到',
    engine: (s) => postEntry(s, { date: '2099-01-01', place: 'bank', accountCode: '50102', amountFen: 10_000, summary: '测试' }),
    cli: () => add('2099-01-01', 'bank', '100'),
  },
  {
    name: 'a negative amount',
    message: '金额：必须大于 0；更正已记的金额请用红字冲销',
    engine: (s) => postEntry(s, { date: '2026-04-01', place: 'bank', accountCode: '50102', amountFen: -50_000, summary: '测试' }),
    cli: () => add('2026-04-01', 'bank', '-500'),
  },
  {
    name: 'an amount above 1 亿元 without confirmation',
    message: '超过 1 亿元，请核对',
    engine: (s) => postEntry(s, { date: '2026-04-01', place: 'bank', accountCode: '402', amountFen: 999_999_999_999_900, summary: '测试' }),
    cli: () => add('2026-04-01', 'bank', '9999999999999', '402'),
  },
  {
    name: 'cash that would go negative',
    message: '库存现金余额将为 -2,500.00 元',
    engine: (s) => postEntry(s, { date: '2026-04-01', place: 'cash', accountCode: '50102', amountFen: 500_000, summary: '测试' }),
    cli: () => add('2026-04-01', 'cash', '5000'),
  },
  {
    name: 'a transfer out of cash that is not there',
    message: '库存现金余额将为 -7,500.00 元',
    engine: (s) => transferMoney(s, { date: '2026-04-01', from: 'cash', amountFen: 1_000_000 }),
    cli: () => ['books', 'transfer', '--date', '2026-04-01', '--from', 'cash', '--amount', '10000'],
  },
  {
    name: 'reversing an entry twice',
    message: '已经冲销过',
    setup: async (s, c) => {
      await reverseEntry(s, await c.id('篮球比赛'), '2026-04-02', '重复');
    },
    engine: async (s, c) => reverseEntry(s, await c.id('篮球比赛'), '2026-04-03', '再冲'),
    cli: async (c) => ['books', 'reverse', '--voucher', await c.voucher('篮球比赛'), '--date', '2026-04-03'],
  },
  {
    name: 'reversing a dues entry from 收支',
    message: '这是会费收缴自动生成的记录',
    engine: async (s, c) => reverseEntry(s, await c.id('2026年3月会费收入'), '2026-04-03', '错'),
    cli: async (c) => ['books', 'reverse', '--voucher', await c.voucher('2026年3月会费收入'), '--date', '2026-04-03'],
  },
  {
    name: 'dues income booked in 收支 without payments',
    message: '会费收入请在“会费”页登记缴费',
    engine: (s) => postEntry(s, { date: '2026-04-01', place: 'bank', accountCode: '401', amountFen: 10_000, summary: '测试' }),
    cli: () => add('2026-04-01', 'bank', '100', '401'),
  },
  {
    name: 'closing a month before the one before it',
    message: '请先结账2026年2月',
    engine: (s) => closeMonth(s, '2026-03'),
    cli: () => ['books', 'close', '--month', '2026-03'],
  },
  {
    name: 'closing a month that has not ended',
    message: '2099年1月还没有结束，不能结账',
    engine: (s) => closeMonth(s, '2099-01'),
    cli: () => ['books', 'close', '--month', '2099-01'],
  },
  {
    name: 'reopening without a reason',
    message: '请填写反结账原因（至少两个字）',
    engine: (s) => reopenMonth(s, '2026-01', '错'),
    cli: () => ['books', 'reopen', '--month', '2026-01', '--reason', '错'],
  },
  {
    name: 'a start of books after entries already booked',
    message: '开账月份：已有 2026年1月8日的收支记录',
    engine: (s) => openBooks(s, { month: '2026-03', cashFen: 0, bankFen: 0 }),
    cli: () => ['books', 'open', '--month', '2026-03', '--cash', '0', '--bank', '0'],
  },
  {
    name: 'a negative opening balance',
    message: '开账库存现金：不能为负数',
    engine: (s) => openBooks(s, { month: '2026-01', cashFen: -500, bankFen: 0 }),
    cli: () => ['books', 'open', '--month', '2026-01', '--cash', '-5', '--bank', '0'],
  },
];

async function dexieRefusal(c: RuleCase): Promise<string> {
  const { db, store } = await freshDb(undefined, TODAY);
  await seedBook(store);
  const ctx = contextOf(store);
  await c.setup?.(store, ctx);
  const counts = async () => Promise.all([...TABLE_NAMES.map((t) => db.table(t).count()), db.$changes.count()]);
  const before = await counts();
  const error = await c.engine(store, ctx).then(
    () => null,
    (e: unknown) => e as Error,
  );
  expect(error, 'the app path must refuse').not.toBeNull();
  expect(await counts()).toEqual(before);
  db.close();
  return error!.message;
}

async function cliRefusal(c: RuleCase, dir: string): Promise<string> {
  const store = memoryStore();
  await seedBook(store);
  const ctx = contextOf(store);
  await c.setup?.(store, ctx);
  const path = join(dir, `${c.name.replace(/\W+/g, '-')}.ubk`);
  await writeBook(path, store.book);
  const hash = () => createHash('sha256').update(readFileSync(path)).digest('hex');
  const before = hash();
  // The command line takes today from the clock; it must be the same day the app path was given,
  // whatever the wall clock says (Shanghai's midnight falls at 16:00 UTC).
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${TODAY}T04:00:00Z`));
  const result = await runCli(...(await c.cli(ctx)), '--book', path);
  vi.useRealTimers();
  expect(result.code, result.out).toBe(1);
  expect(hash()).toBe(before);
  return result.err;
}

describe('every rule holds on the app path and the command line alike', () => {
  afterEach(() => vi.useRealTimers());
  const dir = mkdtempSync(join(tmpdir(), 'engine-both-'));
  for (const c of CASES) {
    it(`refuses ${c.name}`, async () => {
      const app = await dexieRefusal(c);
      expect(app).toContain(c.message);
      const cli = await cliRefusal(c, dir);
      expect(cli).toContain(app);
    });
  }
});
