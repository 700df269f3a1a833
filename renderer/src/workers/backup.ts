import type { OnBackupProgress } from '../../../shared/backup/progress';
import type { UnionBooksDB } from '../db/database';
import { writeBookFile, type BookFileOptions } from '../features/backup/db-source';
import type { WriteReply, WriteRequest } from './backup-messages';
import { fromWire } from './rpc';
import { workerStarter, type OneShotWorker } from './worker-starter';

export type BackupWorker = OneShotWorker<WriteRequest, WriteReply>;

/** What the page passes on to the writer: the file's time and password; progress stays on the page. */
export type BackupFile = Omit<BookFileOptions, 'onProgress'>;

/** Why a backup stopped when one of the worker's replies could not be read. */
export const LOST_REPLY = '后台任务传回的数据无法读取';

const starter = workerStarter<BackupWorker>(
  () => new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module', name: 'backup' }),
);

/** The file written on the page, as before there was a worker: the pieces the writer gives, in order. */
async function writeOnPage(db: UnionBooksDB, file: BackupFile, onProgress?: OnBackupProgress): Promise<Uint8Array[]> {
  const pieces: Uint8Array[] = [];
  await writeBookFile(db, (piece) => void pieces.push(piece), { ...file, onProgress });
  return pieces;
}

/**
 * Writes 备份's file (db-source.ts's writeBookFile) in a worker of its own, so the window stays
 * responsive while the whole book is serialised, hashed, compressed and perhaps encrypted; the page
 * gets the file's pieces as they are written, ready to be saved without joining them. Where a worker
 * cannot start or load (Node under test, a browser without module workers), the page writes the
 * file itself. `start` is for tests.
 */
export function writeBackupOffPage(
  db: UnionBooksDB,
  file: BackupFile,
  onProgress?: OnBackupProgress,
  start: () => BackupWorker | null = starter.start,
): Promise<Uint8Array[]> {
  const onPage = () => writeOnPage(db, file, onProgress);
  const worker = start();
  if (!worker) return onPage();
  return new Promise<Uint8Array[]>((resolve, reject) => {
    const pieces: Uint8Array[] = [];
    let answered = false;
    let over = false;
    worker.addEventListener('message', (event) => {
      const reply = event.data;
      answered = true;
      if (over) return;
      if ('progress' in reply) return onProgress?.(reply.progress);
      if ('piece' in reply) return void pieces.push(reply.piece);
      over = true;
      worker.terminate();
      if ('done' in reply) resolve(pieces);
      else reject(fromWire(reply.error));
    });
    // A reply that arrives but cannot be read may be one of the file's pieces: a file without it
    // would save as a backup that does not open, so nothing is saved.
    worker.addEventListener('messageerror', () => {
      if (over) return;
      over = true;
      worker.terminate();
      reject(new Error(`备份时出错，未保存备份文件：${LOST_REPLY}`));
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      if (over) return;
      over = true;
      worker.terminate();
      // A worker that never answered did not load: the page writes the file itself. One that
      // failed midway is a fault of its own, shown as such; the pieces it gave are dropped, so
      // nothing is saved.
      if (answered) return reject(new Error(`备份时出错，未保存备份文件：${event.message || '后台任务意外停止'}`));
      starter.giveUp();
      resolve(onPage());
    });
    worker.postMessage({ name: db.name, ...file });
  });
}
