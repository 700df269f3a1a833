import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { generateDemoBook } from '../../../shared/demo/generator';
import { readBook, writeBook } from '../../../server/cli/io';

/** The real file system, with a log of what was flushed and renamed, in order. */
const log = vi.hoisted(() => ({ steps: [] as string[] }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof real.open = async (path, ...rest) => {
    const handle = await real.open(path, ...rest);
    const sync = handle.sync.bind(handle);
    handle.sync = async () => {
      await sync();
      log.steps.push(`sync ${String(path)}`);
    };
    return handle;
  };
  const rename: typeof real.rename = async (from, to) => {
    await real.rename(from, to);
    log.steps.push(`rename ${String(from)} -> ${String(to)}`);
  };
  return { ...real, open, rename, default: { ...real, open, rename } };
});

describe('writeBook', () => {
  it('flushes the temporary file before renaming it over the book, then flushes the folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ub-cli-write-'));
    const path = join(dir, 'book.ubk');
    const book = generateDemoBook({ seed: 3, members: 5, years: 1, endMonth: '2025-06' });
    await writeBook(path, book);
    const tmp = `${path}.tmp-${process.pid}`;
    expect(log.steps).toEqual([`sync ${tmp}`, `rename ${tmp} -> ${path}`, `sync ${dir}`]);
    expect(await readdir(dir)).toEqual(['book.ubk']);
    expect((await readBook(path)).members).toHaveLength(book.members.length);
  });
});
