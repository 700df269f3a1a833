import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { isYearLockedBy } from '../../../shared/finance/year-lock';
import { BookError } from '../../../shared/engine/errors';
import { postEntry } from '../../../shared/engine/ops/entries';
import { createWelfare } from '../../../shared/engine/ops/welfare';
import { isYearLocked } from '../../../renderer/src/features/sync/queries';
import { freshDb } from '../db/helpers';
import { emptyMemberDraft } from '../../../shared/members/fields';

const entry = (date: string) => ({ date, place: 'bank' as const, accountCode: '50502', amountFen: 12_000, summary: '会议费' });

describe('a submitted year is locked', () => {
  it('refuses money writes of the year while submitted and allows them once returned', async () => {
    const { db, mutator, store } = await freshDb();
    await postEntry(store, entry('2025-03-01'));
    const submission = await mutator.insert('submissions', {
      year: 2025,
      status: 'submitted',
      receiptNumber: 'BS-2025-01',
      submittedAt: '2026-01-05T08:00:00Z',
      returnReason: '',
    });
    expect(await isYearLocked(db, 2025)).toBe(true);
    const member = await mutator.insert('members', { ...emptyMemberDraft(), name: '王芳', idType: '其他', idNumber: 'X1' });
    const before = await db.transactions.count();
    const changesBefore = await db.$changes.count();
    await expect(postEntry(store, entry('2025-12-20'))).rejects.toThrow(BookError);
    await expect(postEntry(store, entry('2025-12-20'))).rejects.toThrow('2025年度报告已报送上级工会');
    await expect(
      createWelfare(
        store,
        { memberId: member.id, kind: '住院', subKind: '无手术', date: '2025-06-01', form: 'cash', amountFen: 50_000, note: '' },
        'cash',
      ),
    ).rejects.toThrow('已锁定');
    expect(await db.transactions.count()).toBe(before);
    expect(await db.welfare.count()).toBe(0);
    expect(await db.$changes.count()).toBe(changesBefore);

    await postEntry(store, entry('2026-01-10'));
    await mutator.update('submissions', submission.id, { status: 'returned', returnReason: '请补充活动照片' });
    expect(await isYearLocked(db, 2025)).toBe(false);
    await postEntry(store, entry('2025-12-20'));
    expect(await db.transactions.count()).toBe(before + 2);
  });

  it('reads the latest submission of the year only', () => {
    const row = (year: number, status: 'submitted' | 'returned', updatedAt: string) => ({
      id: updatedAt,
      updatedAt,
      deviceId: 'd',
      deleted: 0 as const,
      year,
      status,
      receiptNumber: '',
      submittedAt: '',
      returnReason: '',
    });
    expect(isYearLockedBy([row(2025, 'submitted', '1'), row(2025, 'returned', '2')], 2025)).toBe(false);
    expect(isYearLockedBy([row(2025, 'returned', '1'), row(2025, 'submitted', '2')], 2025)).toBe(true);
    expect(isYearLockedBy([row(2024, 'submitted', '1')], 2025)).toBe(false);
  });
});
