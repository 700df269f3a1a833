import { readFileSync } from 'node:fs';
import { HybridLogicalClock } from '../../../shared/clock/hlc';
import { MemoryStore } from '../../../shared/engine/memory-store';
import { postEntry, transferMoney } from '../../../shared/engine/ops/entries';
import { openBooks } from '../../../shared/engine/ops/periods';
import { createUnion } from '../../../shared/engine/ops/union';
import { emptyBook } from '../../../shared/model/book';
import { fixturePath } from '../../fixtures/path';

export const TODAY = '2025-12-15';

export function bankFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath(`bank/${name}`)));
}

export function store(today = TODAY): MemoryStore {
  let tick = 0;
  const clock = new HybridLogicalClock('test', () => Date.UTC(2025, 11, 15) + tick++);
  return new MemoryStore(emptyBook(), { deviceId: 'test', clock }, () => today);
}

export interface Entry {
  date: string;
  /** An account code, or 'transfer' for 提现/存现 (then `from` says which way). */
  account: string;
  yuan: number;
  summary: string;
  from?: 'bank' | 'cash';
}

const transfer = (date: string, from: 'bank' | 'cash', yuan: number): Entry => ({ date, account: 'transfer', yuan, summary: '', from });
const entry = (date: string, account: string, yuan: number, summary: string): Entry => ({ date, account, yuan, summary });

/**
 * The union's side of the account the fixtures in tests/fixtures/bank/ are statements of. Books start
 * in October 2025 with 2,000 元 cash and 80,000 元 in the bank. The bank's 结息 (10-31) and 手续费
 * (11-30) are not booked; 宣传栏 (11-28) clears on 12-02, after the month-end; 废品变卖 (11-30) has not
 * reached the bank at all.
 */
export const JOURNAL: readonly Entry[] = [
  entry('2025-10-09', '402', 12000, '收到拨缴经费'),
  transfer('2025-10-15', 'bank', 3000),
  entry('2025-10-20', '50102', 4500, '羽毛球比赛场地费'),
  entry('2025-10-28', '50105', 8800, '重阳节慰问品'),
  entry('2025-11-03', '40301', 5000, '上级工会一般性补助'),
  entry('2025-11-10', '50304', 1260, '职工书屋购书'),
  entry('2025-11-18', '50502', 2350.5, '职代会会务费'),
  transfer('2025-11-25', 'cash', 1500),
  entry('2025-11-28', '50103', 980, '宣传栏制作'),
  entry('2025-11-30', '408', 300, '废品变卖收入'),
];

/** The book of {@link JOURNAL}, built through the engine; `leaveOut` drops entries by 摘要, `extra` adds some. */
export async function journalBook(options: { leaveOut?: string[]; extra?: Entry[] } = {}): Promise<MemoryStore> {
  const s = store();
  await createUnion(s, { name: '某某公司工会委员会', employeeCount: 80, womenEmployeeCount: 30, chair: '周建国', treasurer: '陈静' });
  await openBooks(s, { month: '2025-10', cashFen: 200_000, bankFen: 8_000_000 });
  const entries = [...JOURNAL, ...(options.extra ?? [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const e of entries) {
    const amountFen = Math.round(e.yuan * 100);
    if (e.from) await transferMoney(s, { date: e.date, from: e.from, amountFen });
    else if (!options.leaveOut?.includes(e.summary))
      await postEntry(s, { date: e.date, place: 'bank', accountCode: e.account, amountFen, summary: e.summary });
  }
  return s;
}
