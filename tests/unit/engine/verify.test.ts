import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeBook } from '../../../server/cli/io';
import { reverseEntry } from '../../../shared/engine/ops/entries';
import { verifyBook } from '../../../shared/engine/verify/verify-book';
import type { BookTables } from '../../../shared/model/book';
import { runCli } from '../cli/capture';
import { memoryStore, seedBook, TODAY } from './fixture';

let sound: BookTables;

beforeAll(async () => {
  const store = memoryStore();
  await seedBook(store);
  const basketball = store.book.transactions.find((t) => t.summary === '篮球比赛')!;
  await reverseEntry(store, basketball.id, '2026-04-02', '重复');
  sound = store.book;
});

const copy = (): BookTables => structuredClone(sound);
const stamp = '000001780000000-000000-hand';

/** A corruption planted by hand in a book that verify found sound, and what verify must then say. */
const PLANTED: { name: string; expect: string; plant: (b: BookTables) => void }[] = [
  {
    name: 'a reversal that does not cancel its original',
    expect: '与被冲销的 记-',
    plant: (b) => {
      b.transactions.find((t) => t.reversalOf)!.amountFen = -1;
    },
  },
  {
    name: 'an original reversed twice',
    expect: '被冲销了 2 次',
    plant: (b) => {
      const r = b.transactions.find((t) => t.reversalOf)!;
      b.transactions.push({ ...r, id: 'r2', voucherNumber: '记-900' });
    },
  },
  {
    name: 'a voucher number used twice in a year',
    expect: '凭证号与',
    plant: (b) => {
      const [a, c] = b.transactions.filter((t) => t.date.startsWith('2026-02'));
      c!.voucherNumber = a!.voucherNumber;
    },
  },
  {
    name: 'a day with negative cash',
    expect: '库存现金不能为负数',
    plant: (b) => {
      b.transactions.push({
        ...b.transactions.find((t) => t.summary === '生日蛋糕')!,
        id: 'big',
        amountFen: 900_000,
        voucherNumber: '记-901',
      });
    },
  },
  {
    name: 'two live members with one ID number',
    expect: '证件号码与会员“张伟”相同',
    plant: (b) => {
      b.members[1]!.idNumber = b.members[0]!.idNumber;
    },
  },
  {
    name: 'money dated after today',
    expect: '晚于今天',
    plant: (b) => {
      b.transactions.find((t) => t.summary === '生日蛋糕')!.date = '2099-01-08';
    },
  },
  {
    name: 'money before the start of books',
    expect: '早于开账月份',
    plant: (b) => {
      b.transactions.find((t) => t.summary === '生日蛋糕')!.date = '2025-06-08';
    },
  },
  {
    name: 'a membership history that makes no sense',
    expect: '不能接在前一条会籍变动之后',
    plant: (b) => {
      const m = b.members[0]!;
      b.memberships.push({
        id: 'e1',
        updatedAt: stamp,
        deviceId: 'hand',
        deleted: 0,
        memberId: m.id,
        kind: 'join',
        date: '2016-01-01',
        reason: '',
        otherUnion: '',
      });
    },
  },
  {
    name: 'a status that disagrees with the history',
    expect: '会籍状态与会籍变动记录不一致',
    plant: (b) => {
      b.members[2]!.status = 'retired';
    },
  },
  {
    name: 'dues that disagree with the 401 account',
    expect: '记账却是',
    plant: (b) => {
      b.duesPayments[0]!.amountFen += 100;
    },
  },
  {
    name: 'a balance that is not a number of fen',
    expect: '“库存现金”金额应为整数分',
    plant: (b) => {
      (b.openingBalances[0] as unknown as Record<string, unknown>).cashFen = 'abc';
    },
  },
  {
    name: 'an amount beyond any book',
    expect: '“金额”金额应为整数分',
    plant: (b) => {
      b.transactions[0]!.amountFen = 1e308;
    },
  },
  {
    name: 'a member whose name is an object',
    expect: '“姓名”应为文字',
    plant: (b) => {
      (b.members[0] as unknown as Record<string, unknown>).name = { first: '张' };
    },
  },
  {
    name: 'a malformed clock stamp',
    expect: '修改时间戳不合法',
    plant: (b) => {
      b.members[0]!.updatedAt = 'yesterday';
    },
  },
  {
    name: 'a reference to a member that does not exist',
    expect: '指向不存在的会员',
    plant: (b) => {
      b.wageBases[0]!.memberId = 'nobody';
    },
  },
];

describe('verify', () => {
  it('calls a book kept through the engine sound, on the command line too', async () => {
    expect(verifyBook(sound, TODAY)).toEqual([]);
    const path = join(mkdtempSync(join(tmpdir(), 'verify-')), 'sound.ubk');
    await writeBook(path, sound);
    const r = await runCli('verify', path);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  const dir = mkdtempSync(join(tmpdir(), 'verify-planted-'));
  for (const p of PLANTED) {
    it(`finds ${p.name}, naming the table and row, and exits 1`, async () => {
      const book = copy();
      p.plant(book);
      const path = join(dir, `${p.name.replace(/\W+/g, '-')}.ubk`);
      await writeBook(path, book);
      const r = await runCli('verify', path);
      expect(r.code).toBe(1);
      expect(r.err).toContain(p.expect);
      expect(r.err).toMatch(/账簿有 \d+ 处问题/);
    });
  }
});
