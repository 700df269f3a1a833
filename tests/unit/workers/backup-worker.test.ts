import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { decodeBackup, joinPieces } from '../../../shared/backup/format';
import type { BackupProgress } from '../../../shared/backup/progress';
import { generateDemoBook } from '../../../shared/demo/generator';
import { readWholeBook } from '../../../renderer/src/features/backup/book-io';
import type { WriteReply, WriteRequest } from '../../../renderer/src/workers/backup-messages';
import { writeForPage } from '../../../renderer/src/workers/backup-writer';
import { LOST_REPLY, writeBackupOffPage, type BackupWorker } from '../../../renderer/src/workers/backup';
import { freshDb } from '../db/helpers';

async function dbWithDemo() {
  const env = await freshDb();
  await env.mutator.replaceBook(generateDemoBook({ seed: 7, members: 40, years: 1, endMonth: '2025-12', photos: 3 }));
  return env;
}

/**
 * A stand-in for the backup worker: the worker's side (writeForPage) at one end of a real
 * MessageChannel, so every reply is structured-cloned and every piece moved as between a page and
 * its worker. With `fail` it stops with an error event instead of its reply number `after + 1`.
 */
class ChannelWorker implements BackupWorker {
  private readonly channel = new MessageChannel();
  private readonly onError: ((event: ErrorEvent) => void)[] = [];
  private readonly onMessageError: ((event: MessageEvent) => void)[] = [];
  replies = 0;

  /** With `unreadable`, reply number `unreadable` arrives as a messageerror (it could not be deserialised). */
  constructor(
    private readonly fail?: { after: number; message: string },
    private readonly unreadable?: number,
  ) {
    const { port1 } = this.channel;
    port1.addEventListener('message', (event: MessageEvent<WriteRequest>) => {
      void writeForPage(event.data, (reply, transfer) => port1.postMessage(reply, transfer ?? []));
    });
    port1.start();
  }

  postMessage(message: WriteRequest): void {
    this.channel.port2.postMessage(message);
  }

  addEventListener(type: 'message', listener: (event: MessageEvent<WriteReply>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  addEventListener(type: 'messageerror', listener: (event: MessageEvent) => void): void;
  addEventListener(
    type: 'message' | 'error' | 'messageerror',
    listener: ((event: MessageEvent<WriteReply>) => void) | ((event: ErrorEvent) => void) | ((event: MessageEvent) => void),
  ): void {
    if (type === 'error') return void this.onError.push(listener as (event: ErrorEvent) => void);
    if (type === 'messageerror') return void this.onMessageError.push(listener as (event: MessageEvent) => void);
    const port = this.channel.port2;
    port.addEventListener('message', (event: MessageEvent<WriteReply>) => {
      this.replies++;
      if (this.fail && this.replies > this.fail.after) {
        const dying = { message: this.fail.message, preventDefault() {} } as ErrorEvent;
        if (this.replies === this.fail.after + 1) for (const l of this.onError) l(dying);
        return;
      }
      if (this.replies === this.unreadable) {
        for (const l of this.onMessageError) l(new MessageEvent('messageerror'));
        return;
      }
      (listener as (event: MessageEvent<WriteReply>) => void)(event);
    });
    port.start();
  }

  terminate(): void {
    this.channel.port1.close();
    this.channel.port2.close();
  }
}

describe('备份 written in the backup worker', () => {
  it('gives the page the same book, in pieces, with progress per table', async () => {
    const source = await dbWithDemo();
    const worker = new ChannelWorker();
    const progress: BackupProgress[] = [];
    const pieces = await writeBackupOffPage(
      source.db,
      { createdAt: '2025-12-31T00:00:00.000Z' },
      (p) => progress.push(p),
      () => worker,
    );
    expect(worker.replies).toBeGreaterThan(pieces.length);
    expect(pieces.length).toBeGreaterThan(1);
    const { manifest, book } = await decodeBackup(joinPieces(pieces));
    expect(manifest.createdAt).toBe('2025-12-31T00:00:00.000Z');
    expect(book).toEqual(await readWholeBook(source.db));
    expect(progress.filter((p) => p.step === 'members').at(-1)).toMatchObject({ done: 40, total: 40 });
    expect(progress.at(-1)).toMatchObject({ step: 'files', done: 3, total: 3 });
  });

  it('writes a password-protected file that opens with its password', async () => {
    // The file's header is also the cipher's additional data for every chunk after it: a piece
    // moved to the page instead of copied would leave the later chunks sealed against nothing.
    const source = await dbWithDemo();
    const encryption = { password: '交接 密码 2025', iterations: 1_000, chunkSize: 4096 };
    const pieces = await writeBackupOffPage(
      source.db,
      { createdAt: '2025-12-31T00:00:00.000Z', encryption },
      undefined,
      () => new ChannelWorker(),
    );
    const bytes = joinPieces(pieces);
    expect(bytes.length).toBeGreaterThan(8 * encryption.chunkSize);
    await expect(decodeBackup(bytes, { password: 'wrong' })).rejects.toThrow(/^密码不正确/);
    const { book } = await decodeBackup(bytes, { password: encryption.password });
    expect(book).toEqual(await readWholeBook(source.db));
  });

  it('brings the error that stopped the writing back as itself, and no file', async () => {
    const source = await dbWithDemo();
    const written = writeBackupOffPage(
      source.db,
      { createdAt: '2025-12-31T00:00:00.000Z', encryption: { password: '' } },
      undefined,
      () => new ChannelWorker(),
    );
    await expect(written).rejects.toThrow(/^密码不能为空$/);
  });

  it('saves nothing when the worker dies midway, and says so in Chinese', async () => {
    const source = await dbWithDemo();
    const written = writeBackupOffPage(
      source.db,
      { createdAt: '2025-12-31T00:00:00.000Z' },
      undefined,
      () => new ChannelWorker({ after: 3, message: 'out of memory' }),
    );
    await expect(written).rejects.toThrow(/^备份时出错，未保存备份文件：out of memory$/);
  });

  it('saves nothing when one of its replies cannot be read: a file without that piece would not open', async () => {
    const source = await dbWithDemo();
    const all = new ChannelWorker();
    await writeBackupOffPage(source.db, { createdAt: '2025-12-31T00:00:00.000Z' }, undefined, () => all);
    // Every reply of the whole file in turn, the last (done) among them: none may be lost unnoticed.
    for (let lost = 1; lost <= all.replies; lost += Math.max(1, Math.floor(all.replies / 6))) {
      const written = writeBackupOffPage(
        source.db,
        { createdAt: '2025-12-31T00:00:00.000Z' },
        undefined,
        () => new ChannelWorker(undefined, lost),
      );
      await expect(written, `reply ${lost} of ${all.replies}`).rejects.toThrow(`备份时出错，未保存备份文件：${LOST_REPLY}`);
    }
  });

  it('is written on the page when the worker does not load, or none can start', async () => {
    const source = await dbWithDemo();
    const book = await readWholeBook(source.db);
    const unloaded = await writeBackupOffPage(
      source.db,
      { createdAt: '2025-12-31T00:00:00.000Z' },
      undefined,
      () => new ChannelWorker({ after: 0, message: 'Failed to fetch dynamically imported module' }),
    );
    expect((await decodeBackup(joinPieces(unloaded))).book).toEqual(book);
    const none = await writeBackupOffPage(source.db, { createdAt: '2025-12-31T00:00:00.000Z' }, undefined, () => null);
    expect((await decodeBackup(joinPieces(none))).book).toEqual(book);
  });
});
