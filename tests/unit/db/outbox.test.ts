import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { compareHlc } from '../../../shared/clock/hlc';
import { UUID_V7_PATTERN } from '../../../shared/ids/uuid7';
import { newUnionProfile } from '../../../shared/book/new-union';
import {
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
  SCHEMA_V6,
  SCHEMA_V7,
  SCHEMA_V8,
  SCHEMA_V9,
  SCHEMA_V10,
  SCHEMA_V11,
  SCHEMA_V12,
  SCHEMA_V13,
  SCHEMA_V14,
  SCHEMA_VERSION,
} from '../../../renderer/src/db/schema';
import { TABLE_NAMES } from '../../../shared/model/book';
import { freshDb } from './helpers';

describe('mutation layer and outbox', () => {
  it('records every insert, update and delete in $changes in the same transaction', async () => {
    const { db, mutator } = await freshDb();
    const union = await mutator.insert('union', newUnionProfile({ name: '甲工会' }));
    expect(union.id).toMatch(UUID_V7_PATTERN);
    expect(union.deleted).toBe(0);
    await mutator.update('union', union.id, { chair: '张三' });
    await mutator.remove('union', union.id);

    const changes = await db.$changes.toArray();
    expect(changes).toHaveLength(3);
    expect(changes.map((c) => c.table)).toEqual(['union', 'union', 'union']);
    expect(changes[0]?.fields).toMatchObject({ name: '甲工会', deleted: 0 });
    expect(changes[1]?.fields).toEqual({ chair: '张三' });
    expect(changes[2]?.fields).toEqual({ deleted: 1 });
    expect(changes.every((c) => c.synced === 0 && c.changeId === `${mutator.deviceId}:${c.hlc}`)).toBe(true);
    expect(compareHlc(changes[0]?.hlc ?? '', changes[1]?.hlc ?? '')).toBe(-1);

    const row = await db.union.get(union.id);
    expect(row?.deleted).toBe(1);
    expect(row?.updatedAt).toBe(changes[2]?.hlc);
  });

  it('records nothing for an update that changes nothing', async () => {
    const { db, mutator } = await freshDb();
    const union = await mutator.insert('union', newUnionProfile({ name: '乙工会' }));
    await mutator.update('union', union.id, { name: '乙工会' });
    expect(await db.$changes.count()).toBe(1);
  });

  it('writes neither the row nor the change when a grouped write fails', async () => {
    const { db, mutator } = await freshDb();
    await expect(
      mutator.transaction(['union'], async () => {
        await mutator.insert('union', newUnionProfile({ name: '丙工会' }));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.union.count()).toBe(0);
    expect(await db.$changes.count()).toBe(0);
  });

  it('keeps the device id and a clock that does not go back across restarts', async () => {
    let wall = 10_000;
    const { db, mutator } = await freshDb(() => wall);
    const first = await mutator.insert('union', newUnionProfile({ name: '丁工会' }));
    const { openMutator } = await import('../../../renderer/src/db/mutations');
    wall = 5_000;
    const again = await openMutator(db, () => wall);
    expect(again.deviceId).toBe(mutator.deviceId);
    const second = await again.update('union', first.id, { chair: '李四' });
    expect(compareHlc(first.updatedAt, second.updatedAt)).toBe(-1);
  });

  it('declares every table of the book plus the bookkeeping tables in every version', async () => {
    const { db } = await freshDb();
    await db.open();
    const names = db.tables.map((t) => t.name).sort();
    expect(names).toEqual(
      [
        ...TABLE_NAMES,
        '$changes',
        '$sync',
        '$duesMonths',
        '$deskCounts',
        '$deskEntries',
        '$restore',
        '$deskMembers',
        '$duesMembers',
      ].sort(),
    );
    const bank = ['bankLines', 'bankMatches', 'bankSkips'];
    const before12 = names.filter((n) => n !== '$duesMembers');
    const before11 = before12.filter((n) => n !== '$deskMembers');
    const before10 = before11.filter((n) => n !== '$restore');
    const before9 = before10.filter((n) => n !== '$deskEntries');
    const before8 = before9.filter((n) => n !== '$deskCounts');
    const before7 = before8.filter((n) => n !== 'handovers');
    const before6 = before7.filter((n) => n !== '$duesMonths');
    const before3 = before6.filter((n) => !bank.includes(n) && n !== 'fixedAssets');
    expect(Object.keys(SCHEMA_V1).sort()).toEqual(before3);
    expect(Object.keys(SCHEMA_V2).sort()).toEqual(before3);
    expect(Object.keys(SCHEMA_V3).sort()).toEqual(before6.filter((n) => n !== 'fixedAssets'));
    expect(Object.keys(SCHEMA_V4).sort()).toEqual(before6);
    expect(Object.keys(SCHEMA_V5).sort()).toEqual(before6);
    expect(Object.keys(SCHEMA_V6).sort()).toEqual(before7);
    expect(Object.keys(SCHEMA_V7).sort()).toEqual(before8);
    expect(Object.keys(SCHEMA_V8).sort()).toEqual(before9);
    expect(Object.keys(SCHEMA_V9).sort()).toEqual(before10);
    // Version 10 declares only its new store; Dexie carries the rest forward.
    expect(Object.keys(SCHEMA_V10)).toEqual(['$restore']);
    expect(Object.keys(SCHEMA_V11)).toEqual(['$deskMembers']);
    expect(Object.keys(SCHEMA_V12)).toEqual(['$duesMembers']);
    // Version 13 changes how `$duesMembers` rows are stored, no table.
    expect(Object.keys(SCHEMA_V13)).toEqual([]);
    // Version 14 adds an index to `duesPayments`.
    expect(Object.keys(SCHEMA_V14)).toEqual(['duesPayments']);
    expect(db.verno).toBe(SCHEMA_VERSION);
  });
});
