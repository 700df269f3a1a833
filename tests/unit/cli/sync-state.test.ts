import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { readBookSession } from '../../../server/cli/book-session';
import { readBookFile, writeBook } from '../../../server/cli/io';
import { encodeSyncState, enrolledState, readSyncState, SYNC_STATE_VERSION } from '../../../server/cli/sync-state';
import { runCli } from './capture';

const dir = await mkdtemp(join(tmpdir(), 'ub-sync-state-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

const credentials = {
  serverUrl: 'https://sync.example.org',
  unionCode: 'ST01',
  unionName: '状态测试工会',
  token: 'tok_0123456789abcdef0123',
  enrolledAt: '2025-12-01T00:00:00.000Z',
};

describe('the sync state inside a book file', () => {
  it('travels with the book through every command that rewrites it, and records their changes once', async () => {
    const book = join(dir, 'kept.ubk');
    expect((await runCli('init', '--name', '状态测试工会', '--out', book)).code).toBe(0);
    const { book: rows } = await readBookFile(book);
    await writeBook(book, rows, undefined, encodeSyncState(enrolledState('dev0123456789abc', credentials, null)));

    expect((await runCli('books', 'open', '--month', '2025-01', '--cash', '100', '--bank', '0', '--book', book)).code).toBe(0);
    const { sync, book: after } = await readBookSession(book);
    expect(sync?.credentials).toEqual(credentials);
    expect(sync?.outbox.map((c) => [c.table, c.rowId, c.synced])).toEqual(after.openingBalances.map((r) => ['openingBalances', r.id, 0]));
    expect(after.openingBalances.every((r) => r.deviceId === 'dev0123456789abc')).toBe(true);

    // A refused write adds nothing.
    const refused = await runCli(
      'books',
      'add',
      '--date',
      '2025-01-05',
      '--account',
      '999',
      '--amount',
      '5',
      '--place',
      'cash',
      '--summary',
      '无效科目',
      '--book',
      book,
    );
    expect(refused.code).toBe(1);
    expect((await readBookSession(book)).sync?.outbox).toHaveLength(sync!.outbox.length);
  });

  it('is absent from a book never enrolled, whatever is written to it', async () => {
    const book = join(dir, 'plain.ubk');
    expect((await runCli('init', '--name', '未注册工会', '--out', book)).code).toBe(0);
    expect((await runCli('books', 'open', '--month', '2025-01', '--cash', '100', '--bank', '0', '--book', book)).code).toBe(0);
    expect((await readBookFile(book)).deviceSync).toBeUndefined();
    expect((await readBookSession(book)).sync).toBeNull();
  });

  it('refuses a damaged state in Chinese and leaves the file as it was', async () => {
    const book = join(dir, 'damaged.ubk');
    expect((await runCli('init', '--name', '损坏工会', '--out', book)).code).toBe(0);
    const { book: rows } = await readBookFile(book);
    await writeBook(book, rows, undefined, strToU8(JSON.stringify({ version: SYNC_STATE_VERSION, deviceId: 'x' })));
    const before = await readFile(book);
    const r = await runCli('books', 'open', '--month', '2025-01', '--cash', '100', '--bank', '0', '--book', book);
    expect(r.code).toBe(1);
    expect(r.err).toContain('账簿中的同步状态（device/sync.json）已损坏，未做任何更改');
    expect(await readFile(book)).toEqual(before);
    expect(() => readSyncState(strToU8('not json'))).toThrow(/已损坏/);
  });
});
