import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { UnionBooksDB } from '../../../renderer/src/db/database';
import { SCHEMA_V2, SCHEMA_VERSION } from '../../../renderer/src/db/schema';
import { decodeBackup, encodeBackup } from '../../../shared/backup/format';
import { journalBook } from '../bank/book';

const meta = (id: string) => ({ id, updatedAt: '000001700000000-000000-dev1', deviceId: 'dev1', deleted: 0 });

describe('bank tables in stored books of earlier versions', () => {
  it('Dexie version 2 → 3 keeps every row and adds empty bank tables that take rows', async () => {
    const name = `upgrade-bank-${process.pid}-${Math.random()}`;
    const v2 = new Dexie(name);
    v2.version(2).stores(SCHEMA_V2);
    await v2.open();
    const entry = {
      ...meta('t1'),
      date: '2025-11-03',
      place: 'bank',
      accountCode: '402',
      amountFen: 500_000,
      summary: '拨缴经费',
      voucherNumber: '记-001',
      attachmentIds: [],
      reversalOf: '',
      activityId: '',
      welfareId: '',
      duesBatchId: '',
    };
    await v2.table('transactions').add(entry);
    v2.close();

    const db = new UnionBooksDB(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.transactions.get('t1')).toEqual(entry);
    expect(await db.bankLines.count()).toBe(0);
    await db.bankLines.add({
      ...meta('l1'),
      deleted: 0,
      date: '2025-11-04',
      summary: '拨缴经费',
      inFen: 500_000,
      outFen: 0,
      balanceFen: 900_000,
      importId: 'i1',
      fileName: 'a.csv',
      rowNumber: 2,
    });
    await db.bankMatches.add({ ...meta('m1'), deleted: 0, lineId: 'l1', transactionId: 't1', kind: 'auto' });
    expect(await db.bankMatches.where('transactionId').equals('t1').count()).toBe(1);
    expect(await db.bankLines.where('date').between('2025-11-01', '2025-11-30', true, true).count()).toBe(1);
    db.close();
  });

  it('a backup written before the bank tables restores, with none; one written after keeps its lines', async () => {
    const store = await journalBook();
    const bytes = await encodeBackup(store.book, { createdAt: '2025-12-15T00:00:00Z', appVersion: '0.1.0' });
    const files = unzipSync(bytes);
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as {
      checksums: Record<string, string>;
      counts: Record<string, number>;
    };
    for (const t of ['bankLines', 'bankMatches', 'bankSkips']) {
      delete files[`tables/${t}.json`];
      delete manifest.checksums[`tables/${t}.json`];
      delete manifest.counts[t];
    }
    files['manifest.json'] = strToU8(JSON.stringify(manifest));
    const older = await decodeBackup(zipSync(files));
    expect(older.book.bankLines).toEqual([]);
    expect(older.book.transactions).toHaveLength(store.book.transactions.length);
    // Listed in the manifest but missing from the file is damage, not age.
    const torn = unzipSync(bytes);
    delete torn['tables/bankLines.json'];
    await expect(decodeBackup(zipSync(torn))).rejects.toThrow('不完整');
  });
});
