import { strToU8, unzipSync, zipSync } from 'fflate';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBook, writeBook } from '../../../server/cli/io';
import { runCli } from './capture';
import { handoverRow } from '../../support/handover-row';

const dir = await mkdtemp(join(tmpdir(), 'ub-cli-handover-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

const HANDOVER = handoverRow({ id: '0190a000-0000-7000-8000-00000000h001', checksum: 'a'.repeat(64) });

describe('handovers in book files on the command line', () => {
  it('reads, verifies and writes back a book with its handovers', async () => {
    const path = join(dir, 'with.ubk');
    expect((await runCli('init', '--name', '测试工会', '--out', path)).code).toBe(0);
    const book = await readBook(path);
    await writeBook(path, { ...book, handovers: [HANDOVER] });
    const r = await runCli('verify', path);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect((await readBook(path)).handovers).toEqual([HANDOVER]);
  });

  it('refuses a book whose handover has a bad value, naming it in Chinese', async () => {
    const path = join(dir, 'bad.ubk');
    expect((await runCli('init', '--name', '测试工会', '--out', path)).code).toBe(0);
    await writeBook(path, { ...(await readBook(path)), handovers: [{ ...HANDOVER, bankFen: 0.5 }] });
    const r = await runCli('verify', path);
    expect(r.code).toBe(1);
    expect(r.err).toContain('换届交接');
    expect(r.err).toContain('银行存款');
  });

  it('opens a book written before handovers existed', async () => {
    const path = join(dir, 'old.ubk');
    expect((await runCli('init', '--name', '测试工会', '--out', path)).code).toBe(0);
    const entries = unzipSync(new Uint8Array(await readFile(path)));
    delete entries['tables/handovers.json'];
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as {
      checksums: Record<string, string>;
      counts: Record<string, number>;
    };
    delete manifest.checksums['tables/handovers.json'];
    delete manifest.counts.handovers;
    entries['manifest.json'] = strToU8(JSON.stringify(manifest));
    await writeFile(path, zipSync(entries));
    expect((await runCli('verify', path)).code).toBe(0);
    expect((await readBook(path)).handovers).toEqual([]);
  });
});
