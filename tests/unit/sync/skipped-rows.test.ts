import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatHlc } from '../../../shared/clock/hlc';
import { withDefaults } from '../../../shared/records/check';
import type { RemoteRow } from '../../../shared/sync/protocol';
import { encodeFields } from '../../../shared/sync/wire';
import { UnionBooksDB } from '../../../renderer/src/db/database';
import { applyPulledRows } from '../../../renderer/src/features/sync/apply';
import { clearSkippedRecords, skippedRecords } from '../../../renderer/src/features/sync/queries';

let db: UnionBooksDB;
let count = 0;

beforeEach(async () => {
  db = new UnionBooksDB(`skipped-${++count}`);
  await db.open();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

/** A member row as the server hands it out: every field written by one change on another device. */
function pulledMember(rowId: string, name: string, seq: number): RemoteRow {
  const data: Record<string, unknown> = {
    ...withDefaults('members', { name, idType: '居民身份证', idNumber: '330402198511200336', deleted: 0 }),
  };
  const hlc = formatHlc({ wallMs: Date.parse('2026-11-20T02:00:00Z'), counter: seq }, 'other-device');
  const clocks = Object.fromEntries(Object.keys(data).map((k) => [k, hlc]));
  return { table: 'members', rowId, data: encodeFields(data), clocks, seq };
}

describe('rows a pull leaves out of the book', () => {
  it('are listed for the 同步 page by table and reason, named by a short number, while the rest is applied', async () => {
    const good = 'member-0000-good-0001';
    const bad = 'member-0000-bad-00002';
    await applyPulledRows(db, [pulledMember(good, '张三', 1), pulledMember(bad, '王\u0000五', 2)], 2);

    expect((await db.members.get(good))?.name).toBe('张三');
    expect(await db.members.get(bad)).toBeUndefined();
    const listed = await skippedRecords(db);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ tableLabel: '会员', title: '编号 ad-00002' });
    expect(listed[0]!.reason).toBe('会员 编号 ad-00002 的“姓名”：含有不允许的控制字符或无效字符');
  });

  it('list a row pulled twice once, with its latest reason, until the user clears the list', async () => {
    const bad = 'member-0000-bad-00002';
    await applyPulledRows(db, [pulledMember(bad, '王\u0000五', 1)], 1);
    await applyPulledRows(db, [pulledMember(bad, '王\u0001五', 2)], 2);
    expect(await skippedRecords(db)).toHaveLength(1);

    await clearSkippedRecords(db);
    expect(await skippedRecords(db)).toEqual([]);
  });
});
