import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bookSource, decodeBackup, encodeBackup, joinPieces } from '../../../shared/backup/format';
import { Sha256 } from '../../../shared/backup/sha256';
import { writeBackup } from '../../../shared/backup/write';
import { generateDemoBook } from '../../../shared/demo/generator';
import type { BookTables } from '../../../shared/model/book';
import { exportBackup, readWholeBook } from '../../../renderer/src/features/backup/book-io';
import { freshDb } from './helpers';

/**
 * The writer gives the window a turn every few dozen milliseconds of work. Time is made to pass
 * quickly here (every reading of the clock 5 ms later), so it pauses often, whatever the machine.
 */
function fastClock(): void {
  let now = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => (now += 5));
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** A demo book whose first photo is 2.5 MB, so it is hashed and stored in several steps. */
function bookWithLargePhoto(): BookTables {
  const book = generateDemoBook({ seed: 5, members: 60, years: 1, endMonth: '2025-12', photos: 2 });
  const data = new Uint8Array(2.5 * 1024 * 1024);
  for (let i = 0; i < data.length; i++) data[i] = (i * 2654435761) >>> 24;
  book.attachments[0] = { ...book.attachments[0]!, data, size: data.length };
  return book;
}

/** Compared by digest: element-wise equality of megabytes is slow to report and to run. */
const digest = (bytes: Uint8Array) => new Sha256().update(bytes).hex();

const META = { createdAt: '2025-12-31T00:00:00.000Z', appVersion: 'test' };

describe('a backup written with pauses', () => {
  it('is the same file as one written without, and a large attachment comes back whole', async () => {
    const book = bookWithLargePhoto();
    // Entries carry the time they were written: both files are written at the same moment.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(META.createdAt) });
    const plain = await encodeBackup(book, META);
    fastClock();
    let pauses = 0;
    const pieces: Uint8Array[] = [];
    await writeBackup(
      {
        ...bookSource(book),
        pause: async () => {
          pauses++;
        },
      },
      META,
      (piece) => void pieces.push(piece),
    );
    vi.restoreAllMocks();
    const paused = joinPieces(pieces);
    expect(pauses).toBeGreaterThan(100);
    expect(paused.length).toBe(plain.length);
    expect(digest(paused)).toBe(digest(plain));
    const decoded = await decodeBackup(paused);
    expect(digest(decoded.book.attachments[0]!.data)).toBe(digest(book.attachments[0]!.data));
    expect(decoded.book.members).toEqual(book.members);
  });

  it('pauses inside its one read transaction, so the file is the book as it was when the backup began', async () => {
    const source = await freshDb();
    const book = bookWithLargePhoto();
    await source.mutator.replaceBook(book);
    const before = await readWholeBook(source.db);
    const member = before.members[0]!;
    // The app's pause is a small read of the union table in the backup's transaction.
    const union = source.db.table('union');
    const count = union.count.bind(union);
    let pauses = 0;
    let edit: Promise<unknown> | undefined;
    vi.spyOn(union, 'count').mockImplementation(() => {
      // A change made while the backup runs, from a task of its own: it waits for the backup's snapshot to end.
      if (pauses++ === 0) setTimeout(() => (edit = source.db.members.put({ ...member, name: '改名' })), 0);
      return count();
    });
    fastClock();
    const bytes = await exportBackup(source.db);
    vi.restoreAllMocks();
    await vi.waitFor(() => expect(edit).toBeDefined());
    await edit;

    expect(pauses).toBeGreaterThan(100);
    const decoded = await decodeBackup(bytes);
    expect(decoded.book.members.find((m) => m.id === member.id)!.name).toBe(member.name);
    expect(decoded.book.attachments.map((a) => digest(a.data))).toEqual(before.attachments.map((a) => digest(a.data)));
    expect((await source.db.members.get(member.id))!.name).toBe('改名');
  });
});
