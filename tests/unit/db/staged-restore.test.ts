import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { encodeBackup } from '../../../shared/backup/format';
import type { BackupProgress } from '../../../shared/backup/progress';
import { generateDemoBook } from '../../../shared/demo/generator';
import { uuidv7 } from '../../../shared/ids/uuid7';
import type { BookTables } from '../../../shared/model/book';
import { SYNC_KEYS } from '../../../renderer/src/db/sync-keys';
import { DexieStore } from '../../../renderer/src/db/dexie-store';
import { exportBackup, readWholeBook, restoreBackup } from '../../../renderer/src/features/backup/book-io';
import { discardStaged, replaceFromStaged, stageBackup, switchToStaged } from '../../../renderer/src/features/backup/staged-restore';
import { Sha256 } from '../../../shared/backup/sha256';
import { handoverRow } from '../../support/handover-row';
import { freshDb } from './helpers';

const meta = { createdAt: '2025-12-31T00:00:00.000Z', appVersion: 'test' };

/** The book a file brings: a different union from the one on the computer, with attachments. */
const incoming = () => generateDemoBook({ seed: 11, members: 40, years: 1, endMonth: '2025-12', photos: 3 });

/** A computer with its own book, enrolled for sync (as far as its settings go), and nothing staged. */
async function computerWithBook() {
  const env = await freshDb();
  await env.mutator.replaceBook(generateDemoBook({ seed: 99, members: 5, years: 1, endMonth: '2025-06' }));
  await env.db.$sync.put({ key: SYNC_KEYS.config, value: { serverUrl: 'http://upper.example', unionCode: 'HZ01' } });
  await env.mutator.insert('members', { ...(await env.db.members.toCollection().first())!, id: undefined, name: '新会员' } as never);
  return { ...env, before: await readWholeBook(env.db), sync: await env.db.$sync.toArray(), changes: await env.db.$changes.count() };
}

type Computer = Awaited<ReturnType<typeof computerWithBook>>;

async function expectUnchanged(computer: Computer): Promise<void> {
  expect(await readWholeBook(computer.db)).toEqual(computer.before);
  expect(await computer.db.$sync.toArray()).toEqual(computer.sync);
  expect(await computer.db.$changes.count()).toBe(computer.changes);
  expect(await computer.db.$restore.count()).toBe(0);
}

/** A handover row that fails its check: the last table of the file, read after every other. */
function withBadLastRow(book: BookTables): BookTables {
  const handover = {
    id: uuidv7(),
    updatedAt: '000000000000001-000000-test',
    deviceId: 'test',
    deleted: 0,
    date: '2025-13-45',
  };
  return { ...book, handovers: [handover as never] };
}

describe('a staged restore', () => {
  it('stages every table before the book changes, and a row failing in the last table changes nothing', async () => {
    const computer = await computerWithBook();
    const bytes = await encodeBackup(withBadLastRow(incoming()), meta);
    // While the last table is read, the ones before it are staged, and the book is still the old one.
    // Both reads start at once, before the refusal: IndexedDB orders them before its discarding.
    let seen: Promise<[number, number]> | null = null;
    const progress = (p: BackupProgress) => {
      if (p.step === 'handovers' && p.done === 0) seen = Promise.all([computer.db.members.count(), computer.db.$restore.count()]);
    };
    const error = await restoreBackup(computer.db, computer.mutator, bytes, progress).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/交接.*交接日期.*未做任何更改/);
    await expectUnchanged(computer);
    const [members, staged] = (await seen) ?? [0, 0];
    expect(members).toBe(computer.before.members.length);
    expect(staged).toBeGreaterThan(0);
  });

  it('refuses an attachment whose bytes fail their checksum, read after every table, and changes nothing', async () => {
    const computer = await computerWithBook();
    const entries = unzipSync(await encodeBackup(incoming(), meta));
    const last = Object.keys(entries)
      .filter((name) => name.startsWith('attachments/'))
      .at(-1)!;
    entries[last] = strToU8('not the photo');
    const error = await restoreBackup(computer.db, computer.mutator, zipSync(entries)).catch((e: unknown) => e);
    expect((error as Error).message).toBe(`备份文件已损坏：${last} 校验失败，未做任何更改。`);
    await expectUnchanged(computer);
  });

  it('a cancelled restore discards what it staged and leaves the book as it was', async () => {
    const computer = await computerWithBook();
    const staged = await stageBackup(computer.db, await encodeBackup(incoming(), meta));
    expect(staged.counts.members).toBe(incoming().members.length);
    expect(await computer.db.$restore.count()).toBeGreaterThan(0);
    expect(await readWholeBook(computer.db)).toEqual(computer.before);
    await discardStaged(computer.db);
    await expectUnchanged(computer);
  });

  it('a replacement that fails part way leaves the old book, its sync settings and its outbox, and deletes what it built', async () => {
    const computer = await computerWithBook();
    const staged = await stageBackup(computer.db, await encodeBackup(incoming(), meta));
    const databases = await Dexie.getDatabaseNames();
    // Another reader started while the replacement runs sees the book before it, never a half-replaced one.
    let during: Promise<number> | null = null;
    const failing = switchToStaged(computer.db, computer.mutator, staged, (p) => {
      if (p.step !== 'transactions') return;
      during ??= Dexie.ignoreTransaction(() => computer.db.members.count());
      throw new Error('电脑断电');
    });
    await expect(failing).rejects.toThrow('电脑断电');
    expect(await during).toBe(computer.before.members.length);
    expect(await Dexie.getDatabaseNames()).toEqual(databases);
    // The staged rows are still there; the restore flow then discards them.
    expect(await computer.db.$restore.count()).toBeGreaterThan(0);
    await discardStaged(computer.db);
    await expectUnchanged(computer);
  });

  it('builds the new book from the staged rows, without sync, and leaves the book in use as it was', async () => {
    const source = await freshDb();
    await source.mutator.replaceBook(incoming());
    const computer = await computerWithBook();
    // Batches a restore cut short left behind are not part of the next one.
    await computer.db.$restore.add({ table: 'members', rows: [{ ...computer.before.members[0]!, id: uuidv7(), name: '残留' }] });
    const { staged, opened } = await restoreBackup(computer.db, computer.mutator, await exportBackup(source.db));
    expect(staged.warnings).not.toBeNull();
    expect(await readWholeBook(opened.db)).toEqual(await readWholeBook(source.db));
    expect(await opened.db.$restore.count()).toBe(0);
    expect(await opened.db.$sync.get(SYNC_KEYS.config)).toBeUndefined();
    expect(await opened.db.$changes.count()).toBe(0);
    // The same device, whose clock never goes back.
    expect(await opened.db.$sync.get('deviceId')).toEqual(await computer.db.$sync.get('deviceId'));
    expect(opened.mutator.deviceId).toBe(computer.mutator.deviceId);
    // The book in use is untouched until the app names the new one.
    expect(await readWholeBook(computer.db)).toEqual(computer.before);
    expect(await computer.db.$sync.toArray()).toEqual(computer.sync);
  });

  describe('from a handover backup', () => {
    const pending = handoverRow({ id: uuidv7() });
    const handoverFile = () => encodeBackup({ ...incoming(), handovers: [pending] }, meta);

    it('records the receipt with the file checksum once the book is replaced', async () => {
      const computer = await computerWithBook();
      const bytes = await handoverFile();
      const outcome = await replaceFromStaged(computer, await stageBackup(computer.db, bytes), bytes);
      expect(outcome).toEqual({ ok: true, handover: true, opened: expect.anything() });
      const row = await outcome.opened!.db.handovers.get(pending.id);
      expect(row?.checksum).toBe(new Sha256().update(bytes).hex());
      expect(row?.receivedAt).not.toBe('');
    });

    it('says the book was replaced when only the receipt fails, and loading the file again records it', async () => {
      const computer = await computerWithBook();
      const bytes = await handoverFile();
      vi.spyOn(DexieStore.prototype, 'transaction').mockRejectedValueOnce(new Error('磁盘已满'));
      const outcome = await replaceFromStaged(computer, await stageBackup(computer.db, bytes), bytes);
      expect(outcome).toEqual({
        ok: false,
        error: expect.stringContaining('账簿已从交接文件载入，但交接回执未能记入：磁盘已满'),
        opened: expect.anything(),
      });
      expect(outcome.ok || outcome.error).not.toContain('当前数据未改变');
      const replaced = outcome.opened!;
      expect(await replaced.db.members.count()).toBe(incoming().members.length);
      expect((await replaced.db.handovers.get(pending.id))?.receivedAt).toBe('');
      // Loaded again, on the book it was loaded into.
      const again = await replaceFromStaged(replaced, await stageBackup(replaced.db, bytes), bytes);
      expect(again).toEqual({ ok: true, handover: true, opened: expect.anything() });
      expect((await again.opened!.db.handovers.get(pending.id))?.receivedAt).not.toBe('');
    });

    it('says nothing changed when the replacement itself fails', async () => {
      const computer = await computerWithBook();
      const bytes = await encodeBackup(incoming(), meta);
      const staged = await stageBackup(computer.db, bytes);
      const outcome = await replaceFromStaged(computer, staged, bytes, (p) => {
        if (p.step === 'transactions') throw new Error('电脑断电');
      });
      expect(outcome).toEqual({ ok: false, error: expect.stringContaining('恢复失败，当前数据未改变：电脑断电') });
      await expectUnchanged(computer);
    });
  });
});
