import type { OnBackupProgress } from '../../../shared/backup/progress';
import type { BookDatabase } from '../db/book-database';
import { discardStaged, stageBackup, type StagedBook } from '../features/backup/staged-restore';
import type { StageReply, StageRequest } from './restore-messages';
import { fromWire } from './rpc';
import { workerStarter, type OneShotWorker } from './worker-starter';

export type RestoreWorker = OneShotWorker<StageRequest, StageReply>;

const starter = workerStarter<RestoreWorker>(
  () => new Worker(new URL('./restore.worker.ts', import.meta.url), { type: 'module', name: 'restore' }),
);

/**
 * Stages a book file (staged-restore.ts) in a worker of its own, so the window stays responsive
 * while tens of megabytes are inflated, parsed and checked; the staged rows are in the book's
 * database either way. Where a worker cannot start or load (Node under test, a browser without
 * module workers), the page does the same work in slices. `start` is for tests.
 */
export function stageBackupOffPage(
  db: BookDatabase,
  bytes: Uint8Array,
  onProgress?: OnBackupProgress,
  password?: string,
  start: () => RestoreWorker | null = starter.start,
): Promise<StagedBook> {
  const onPage = () => stageBackup(db, bytes, onProgress, password);
  const worker = start();
  if (!worker) return onPage();
  return new Promise<StagedBook>((resolve, reject) => {
    let answered = false;
    worker.addEventListener('message', (event) => {
      const reply = event.data;
      answered = true;
      if ('progress' in reply) return onProgress?.(reply.progress);
      worker.terminate();
      if ('staged' in reply) resolve(reply.staged);
      else reject(fromWire(reply.error));
    });
    // The reply that cannot be read may be the staged book's own: without it the restore would wait
    // for ever, so it stops, and what the worker staged is cleared.
    worker.addEventListener('messageerror', () => {
      worker.terminate();
      const error = new Error('读取备份文件时出错，未做任何更改：后台任务传回的数据无法读取');
      void discardStaged(db).finally(() => reject(error));
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      worker.terminate();
      // A worker that never answered did not load: the page reads the file itself. One that
      // failed midway is a fault of its own, shown as such, and what it staged is cleared.
      if (answered) {
        const error = new Error(`读取备份文件时出错，未做任何更改：${event.message || '后台任务意外停止'}`);
        return void discardStaged(db).finally(() => reject(error));
      }
      starter.giveUp();
      resolve(onPage());
    });
    // The bytes are copied, not moved: a handover's receipt needs the file's checksum afterwards.
    worker.postMessage({ name: db.name, bytes, ...(password === undefined ? {} : { password }) } satisfies StageRequest);
  });
}
