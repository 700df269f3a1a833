import { HybridLogicalClock } from '../../../shared/clock/hlc';
import { MemoryStore } from '../../../shared/engine/memory-store';
import { postDuesMonth, saveWageBases } from '../../../shared/engine/ops/dues';
import { postEntry } from '../../../shared/engine/ops/entries';
import { saveMember } from '../../../shared/engine/ops/members';
import { closeMonth, openBooks } from '../../../shared/engine/ops/periods';
import { createUnion } from '../../../shared/engine/ops/union';
import type { BookStore } from '../../../shared/engine/store';
import { DEFAULT_DUES_RULE } from '../../../shared/dues/rule';
import { makeIdNumber } from '../../../shared/idcard/gb11643';
import { emptyMemberDraft } from '../../../shared/members/fields';
import { emptyBook, type BookTables } from '../../../shared/model/book';
import type { Member } from '../../../shared/model/records';

/** The day the engine tests are written for; every date in them is before it unless a test says otherwise. */
export const TODAY = '2026-12-01';

export const IDS = {
  zhang: makeIdNumber('330402', '19800315', 11, '男'),
  wang: makeIdNumber('330402', '19850302', 12, '女'),
  li: makeIdNumber('110105', '19900708', 13, '男'),
};

export function memberDraft(name: string, idNumber: string, joinDate = '2015-03-01') {
  return { ...emptyMemberDraft(), name, idNumber, joinDate };
}

export function memoryStore(book: BookTables = emptyBook(), today = TODAY): MemoryStore {
  let tick = 0;
  const clock = new HybridLogicalClock('test', () => Date.UTC(2026, 11, 1) + tick++);
  return new MemoryStore(book, { deviceId: 'test', clock }, () => today);
}

/**
 * A small union that started its books here in January 2026: 3,000 元 cash and 100,000 元 in the
 * bank, three members paying dues from January, a few expenses, January closed.
 */
export async function seedBook(store: BookStore): Promise<{ members: Member[] }> {
  await createUnion(store, { name: '测试工会委员会', employeeCount: 20, womenEmployeeCount: 8 });
  await openBooks(store, { month: '2026-01', cashFen: 300_000, bankFen: 10_000_000 });
  const members: Member[] = [];
  for (const [name, id] of [
    ['张伟', IDS.zhang],
    ['王芳', IDS.wang],
    ['李强', IDS.li],
  ] as const)
    members.push(await saveMember(store, null, { draft: memberDraft(name, id), wage: { year: 2026, baseFen: 600_000 } }));
  await saveWageBases(
    store,
    members.map((m) => ({ memberId: m.id, year: 2026, baseFen: 600_000 })),
  );
  for (const month of ['2026-01', '2026-02', '2026-03'])
    await postDuesMonth(store, { month, paidDate: `${month}-20`, rule: DEFAULT_DUES_RULE });
  await postEntry(store, { date: '2026-01-08', place: 'cash', accountCode: '50105', amountFen: 50_000, summary: '生日蛋糕' });
  await postEntry(store, { date: '2026-02-10', place: 'bank', accountCode: '50102', amountFen: 120_000, summary: '篮球比赛' });
  await closeMonth(store, '2026-01');
  return { members };
}
