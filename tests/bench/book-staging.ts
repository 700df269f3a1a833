import { open } from 'node:fs/promises';
import type { ByteSource } from '../../shared/backup/byte-source';
import { readBackupRows } from '../../shared/backup/read';
import { RestorableRows } from '../../shared/engine/restore';

/** The file read by position, as the app's restore and the command line read it. */
async function fileSource(path: string): Promise<{ source: ByteSource; close: () => Promise<void> }> {
  const file = await open(path, 'r');
  const { size } = await file.stat();
  return {
    source: {
      size,
      read: async (offset, length) => {
        const buffer = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
        const { bytesRead } = await file.read(buffer, 0, buffer.length, offset);
        return buffer.subarray(0, bytesRead);
      },
    },
    close: () => file.close(),
  };
}

/**
 * The app's restore up to the switch: the file streamed, every row checked as the restore checks it
 * (shared/engine/restore.ts) and staged a batch at a time. The app stages into IndexedDB, which keeps
 * it on disk; here each batch goes to a staging file, so what is measured is the restore's own memory.
 * `sample` is called at every batch and every progress report.
 */
export async function stageRestore(path: string, stagingPath: string, sample: () => void = () => undefined): Promise<void> {
  const { source, close } = await fileSource(path);
  const staging = await open(stagingPath, 'w');
  try {
    const checker = new RestorableRows();
    const stage = async (table: string, rows: readonly unknown[]) => {
      const kept = rows.map((row) => checker.check(table as never, row));
      sample();
      await staging.write(`${JSON.stringify({ table, rows: kept }, (_k, v: unknown) => (v instanceof Uint8Array ? v.length : v))}\n`);
    };
    await readBackupRows(source, { rows: stage, file: (a) => stage('attachments', [a]) }, { onProgress: sample });
    checker.finish();
  } finally {
    await staging.close();
    await close();
  }
}
