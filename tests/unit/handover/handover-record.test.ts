import 'fake-indexeddb/auto';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Sha256 } from '../../../shared/backup/sha256';
import { generateDemoBook } from '../../../shared/demo/generator';
import { dropHandover, receiveHandover, sealHandover, startHandover } from '../../../shared/engine/ops/handover';
import { handoverFacts } from '../../../shared/handover/handover-facts';
import { handoverHistory, pendingHandover, voucherRangeText } from '../../../shared/handover/handover-record';
import { describeProblem, rowProblems } from '../../../shared/records/check';
import { exportBackup, inspectBackup, readWholeBook, restoreBackup } from '../../../renderer/src/features/backup/book-io';
import { freshDb } from '../db/helpers';
import { memoryStore, TODAY } from '../engine/fixture';
import { handoverRow } from '../../support/handover-row';

const DATE = '2025-12-20';
const book = () => generateDemoBook({ seed: 7, members: 30, years: 1, endMonth: '2025-12', today: DATE, photos: 1 });
const PEOPLE = { from: '张三', to: '李四', supervisor: '王五', fromDeviceId: 'old-pc', syncUnionCode: 'HZ001' };

const goodRow = handoverRow({ bankFen: -500 });

describe('the handover record', () => {
  it('is declared field by field: a good row passes, each bad field is refused in Chinese naming it', () => {
    expect(rowProblems('handovers', goodRow)).toEqual([]);
    const said = (patch: Record<string, unknown>) => rowProblems('handovers', { ...goodRow, ...patch }).map(describeProblem);
    expect(said({ date: '2025-13-01' })).toEqual([`换届交接 ${goodRow.id} 的“交接日期”：不是有效日期（YYYY-MM-DD）`]);
    expect(said({ cashFen: 12.5 })).toEqual([`换届交接 ${goodRow.id} 的“库存现金”：金额应为整数分`]);
    expect(said({ from: '张'.repeat(61) })[0]).toMatch(/^换届交接 .* 的“移交人”：/);
    expect(said({ receivedAt: 'yesterday' })).toEqual([`换届交接 ${goodRow.id} 的“载入时间”：不是有效时间`]);
    expect(said({ owner: 'x' })).toEqual([`换届交接 ${goodRow.id} 的字段 owner：不认识的字段`]);
  });

  it('states the voucher numbers of the list year by year', () => {
    expect(voucherRangeText([])).toBe('无凭证');
    expect(
      voucherRangeText([
        { year: 2024, first: '记-001', last: '记-120', count: 120 },
        { year: 2025, first: '记-001', last: '记-161', count: 161 },
      ]),
    ).toBe('2024年 记-001～记-120（120 张）；2025年 记-001～记-161（161 张）');
  });

  it('refuses a handover without its three people or with a made-up checksum, and writes nothing', async () => {
    const store = memoryStore(book(), TODAY);
    const facts = handoverFacts(store.book, DATE);
    await expect(startHandover(store, { ...PEOPLE, facts, from: ' ', supervisor: '' })).rejects.toThrow('移交人：请填写；监交人：请填写');
    await expect(startHandover(store, { ...PEOPLE, facts: { ...facts, date: '2027-01-01' } })).rejects.toThrow(/交接日期：.*还没有到/);
    expect(store.book.handovers).toEqual([]);
    const row = await startHandover(store, { ...PEOPLE, facts });
    await expect(sealHandover(store, row.id, 'abc')).rejects.toThrow('交接文件校验值：应为 64 位十六进制 SHA-256');
    expect(store.book.handovers[0]?.checksum).toBe('');
    expect(row).toMatchObject({ date: DATE, cashFen: facts.cashFen, bankFen: facts.bankFen, vouchers: voucherRangeText(facts.vouchers) });
  });

  it('leaves only a tombstone when the files were never saved', async () => {
    const store = memoryStore(book(), TODAY);
    const row = await startHandover(store, { ...PEOPLE, facts: handoverFacts(store.book, DATE) });
    await dropHandover(store, row.id);
    expect(handoverHistory(store.book.handovers)).toEqual([]);
    expect(store.book.handovers[0]?.deleted).toBe(1);
  });
});

describe('a handover through its backup', () => {
  it('travels in the encrypted handover backup, is told from the outgoing computer’s later backups, and is received once', async () => {
    const old = await freshDb(undefined, TODAY);
    await old.mutator.replaceBook(book());
    const facts = handoverFacts(await readWholeBook(old.db), DATE);
    const row = await startHandover(old.store, { ...PEOPLE, facts });
    const file = await exportBackup(old.db, undefined, new Date(), { password: '交接 密码 2025', iterations: 1_000 });
    const checksum = new Sha256().update(file).hex();
    await sealHandover(old.store, row.id, checksum);

    // The outgoing computer's own later backup holds the handover with its checksum: not a handover file.
    const later = await inspectBackup(await exportBackup(old.db));
    expect(pendingHandover(later.book)).toBeNull();
    expect(later.book.handovers[0]?.checksum).toBe(checksum);

    const incoming = await freshDb(undefined, TODAY);
    const { staged: restored, opened: next } = await restoreBackup(incoming.db, incoming.mutator, file, undefined, '交接 密码 2025');
    const pending = pendingHandover(restored);
    expect(pending).toMatchObject({ id: row.id, from: '张三', to: '李四', supervisor: '王五', cashFen: facts.cashFen, checksum: '' });
    next.mutator.observeClock(pending!.updatedAt);
    const received = await receiveHandover(next.store, pending!.id, checksum, '2025-12-21T02:00:00.000Z');
    expect(received).toMatchObject({ checksum, receivedAt: '2025-12-21T02:00:00.000Z', deviceId: next.mutator.deviceId });
    expect(received.updatedAt > pending!.updatedAt).toBe(true);
    await expect(receiveHandover(next.store, pending!.id, checksum, '2025-12-22T02:00:00.000Z')).rejects.toThrow(
      '这次交接已于2025年12月21日载入',
    );
    // The receipt is a change of this device, queued for sync like any other write.
    expect(await next.db.$changes.where('table').equals('handovers').count()).toBe(1);
    expect(handoverHistory(await next.db.handovers.toArray()).map((h) => h.id)).toEqual([row.id]);
  });

  it('restores a book written before handovers existed, which has no such table', async () => {
    const source = await freshDb(undefined, TODAY);
    await source.mutator.replaceBook(book());
    const entries = unzipSync(await exportBackup(source.db));
    delete entries['tables/handovers.json'];
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as {
      checksums: Record<string, string>;
      counts: Record<string, number>;
    };
    delete manifest.checksums['tables/handovers.json'];
    delete manifest.counts.handovers;
    entries['manifest.json'] = strToU8(JSON.stringify(manifest));
    const target = await freshDb(undefined, TODAY);
    const { staged: restored, opened } = await restoreBackup(target.db, target.mutator, zipSync(entries));
    expect(restored.handovers).toEqual([]);
    expect(await opened.db.members.count()).toBe(30);
    expect(await opened.db.handovers.count()).toBe(0);
  });
});
