import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { StageReply, StageRequest } from '../../../renderer/src/workers/restore-messages';
import { stageBackupOffPage, type RestoreWorker } from '../../../renderer/src/workers/restore';
import { freshDb } from '../db/helpers';

/**
 * A restore worker that has staged some rows and then sends a reply the page cannot read (a
 * `messageerror`: the message could not be deserialised on arrival).
 */
class UnreadableReplyWorker implements RestoreWorker {
  private readonly listeners = new Map<string, ((event: never) => void)[]>();
  terminated = false;

  constructor(private readonly staging: () => Promise<void>) {}

  postMessage(_message: StageRequest): void {
    void this.staging().then(() => {
      for (const l of this.listeners.get('message') ?? []) l({ data: { progress: { step: 'members', done: 1, total: 2 } } } as never);
      for (const l of this.listeners.get('messageerror') ?? []) l(new MessageEvent('messageerror') as never);
    });
  }

  addEventListener(type: 'message', listener: (event: MessageEvent<StageReply>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  addEventListener(type: 'messageerror', listener: (event: MessageEvent) => void): void;
  addEventListener(type: string, listener: (event: never) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  terminate(): void {
    this.terminated = true;
  }
}

describe('恢复 staged in the restore worker', () => {
  it('stops, clears what was staged and says so when a reply cannot be read, instead of waiting for ever', async () => {
    const { db } = await freshDb();
    const worker = new UnreadableReplyWorker(async () => void (await db.$restore.add({ table: 'members', rows: [] } as never)));
    const staged = stageBackupOffPage(db, new Uint8Array([1, 2, 3]), undefined, undefined, () => worker);
    await expect(staged).rejects.toThrow('读取备份文件时出错，未做任何更改：后台任务传回的数据无法读取');
    expect(worker.terminated).toBe(true);
    expect(await db.$restore.count()).toBe(0);
  });
});
