import { fixturePath } from '../../fixtures/path';
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planImport } from '../../../shared/roster/plan';
import { readRosterFile } from '../../../shared/roster/read';
import { planWrites } from '../../../shared/roster/writes';
import { UnionBooksDB } from '../../../renderer/src/db/database';
import { openMutator } from '../../../renderer/src/db/mutations';
import { DexieStore } from '../../../renderer/src/db/dexie-store';
import { commitRosterImport, recordMembershipEvent, removeMembershipEvent } from '../../../shared/engine/ops/members';

let n = 0;
async function open() {
  const db = new UnionBooksDB(`roster-commit-${n++}`);
  const mutator = await openMutator(db);
  return { db, mutator, store: new DexieStore(db, mutator, () => '2026-12-01') };
}

async function importSample(db: UnionBooksDB, store: DexieStore) {
  const parsed = await readRosterFile('roster-sample.xlsx', new Uint8Array(readFileSync(fixturePath('roster/roster-sample.xlsx'))));
  const plan = planImport({ rows: parsed.dataRows, mapping: parsed.mapping }, await db.members.toArray(), { year: 2025 });
  const progress: number[] = [];
  await commitRosterImport(
    store,
    planWrites(plan, { wageBases: await db.wageBases.toArray(), memberships: await db.memberships.toArray() }),
    (done) => progress.push(done),
  );
  return { plan, progress };
}

describe('committing a roster import through the Mutator', () => {
  it('writes members, 入会 events and wage bases with their outbox entries, and a second import updates', async () => {
    const { db, store } = await open();
    const { progress } = await importSample(db, store);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(await db.members.count()).toBe(58);
    expect(await db.memberships.where('kind').equals('join').count()).toBe(58);
    expect(await db.wageBases.where('year').equals(2025).count()).toBe(58);
    expect(await db.$changes.count()).toBe(58 * 3);

    const again = await importSample(db, store);
    expect(again.plan.toUpdate).toHaveLength(58);
    expect(await db.members.count()).toBe(58);
    expect(await db.wageBases.count()).toBe(58);
    // Nothing in the file changed, so re-importing records no new changes.
    expect(await db.$changes.count()).toBe(58 * 3);
  });

  it('a re-import with a corrected 入会日期 moves the 入会 event (the dues ledger reads it)', async () => {
    const { db, store } = await open();
    await importSample(db, store);
    const wei = await db.members.where('name').equals('韦丽').first();
    if (!wei) throw new Error('韦丽 missing');
    const plan = planImport(
      { rows: [{ rowNumber: 3, cells: ['韦丽', '330411197307212702', '1994-03-01'] }], mapping: ['name', 'idNumber', 'joinDate'] },
      await db.members.toArray(),
      { year: 2025 },
    );
    await commitRosterImport(store, planWrites(plan, { wageBases: [], memberships: await db.memberships.toArray() }), () => undefined);
    expect((await db.members.get(wei.id))?.joinDate).toBe('1994-03-01');
    expect((await db.memberships.where('memberId').equals(wei.id).toArray()).map((e) => [e.kind, e.date])).toEqual([
      ['join', '1994-03-01'],
    ]);
  });

  it('is all-or-nothing: a failing write leaves the book as it was', async () => {
    const { db, store } = await open();
    const parsed = await readRosterFile('roster-sample.xlsx', new Uint8Array(readFileSync(fixturePath('roster/roster-sample.xlsx'))));
    const writes = planWrites(planImport({ rows: parsed.dataRows, mapping: parsed.mapping }, [], { year: 2025 }), {
      wageBases: [],
      memberships: [],
    });
    writes.updateMembers.push({ id: 'no-such-member', patch: { name: 'x' } });
    await expect(commitRosterImport(store, writes, () => undefined)).rejects.toThrow('记录不存在');
    expect(await db.members.count()).toBe(0);
    expect(await db.wageBases.count()).toBe(0);
    expect(await db.$changes.count()).toBe(0);
  });

  it('a membership change sets the status from the history; withdrawing it restores the status', async () => {
    const { db, store } = await open();
    await importSample(db, store);
    const member = await db.members.where('name').equals('韦丽').first();
    if (!member) throw new Error('韦丽 missing');
    const retire = await recordMembershipEvent(store, {
      memberId: member.id,
      kind: 'retire',
      date: '2025-07-31',
      reason: '到龄退休',
      otherUnion: '',
    });
    expect((await db.members.get(member.id))?.status).toBe('retired');
    await recordMembershipEvent(store, {
      memberId: member.id,
      kind: 'transfer-out',
      date: '2025-09-01',
      reason: '',
      otherUnion: '市总工会',
    });
    expect((await db.members.get(member.id))?.status).toBe('transferred-out');
    const events = await db.memberships.where('memberId').equals(member.id).toArray();
    const transfer = events.find((e) => e.kind === 'transfer-out');
    if (!transfer) throw new Error('transfer missing');
    await removeMembershipEvent(store, transfer.id);
    expect((await db.members.get(member.id))?.status).toBe('retired');
    expect(retire.kind).toBe('retire');
  });
});
