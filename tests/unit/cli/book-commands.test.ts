import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBook } from '../../../server/cli/io';
import { runCli } from './capture';

const dir = await mkdtemp(join(tmpdir(), 'ub-cli-'));

describe('unionbooks init / demo / verify', () => {
  it('init makes an empty, sound book with the union', async () => {
    const out = join(dir, 'new.ubk');
    const r = await runCli('init', '--name', '测试工会', '--out', out);
    expect(r.code).toBe(0);
    const book = await readBook(out);
    expect(book.union.map((u) => u.name)).toEqual(['测试工会']);
    expect(book.members).toEqual([]);
    expect((await runCli('verify', out)).code).toBe(0);
    const again = await runCli('init', '--name', '别的', '--out', out);
    expect(again.code).toBe(1);
    expect(again.err).toContain('文件已存在');
  });

  it('demo is deterministic for the same seed and end month', async () => {
    const a = join(dir, 'a.ubk');
    const b = join(dir, 'b.ubk');
    for (const out of [a, b]) {
      expect((await runCli('demo', '--out', out, '--members', '30', '--years', '2', '--seed', '5', '--end', '2025-12')).code).toBe(0);
    }
    const [ba, bb] = [await readBook(a), await readBook(b)];
    expect(ba).toEqual(bb);
    expect(ba.members).toHaveLength(30);
    expect(new Set(ba.duesPayments.map((p) => p.month.slice(0, 4)))).toEqual(new Set(['2024', '2025']));
  });

  it('verify fails with the reason on a damaged or inconsistent book', async () => {
    const good = join(dir, 'good.ubk');
    await runCli('demo', '--out', good, '--members', '10', '--end', '2025-06');
    const bytes = await readFile(good);
    const torn = join(dir, 'torn.ubk');
    await writeFile(torn, bytes.subarray(0, 500));
    const r = await runCli('verify', torn);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/已损坏|不是工会账簿备份文件/);

    const book = await readBook(good);
    book.transactions[0]!.accountCode = '999';
    const { writeBook } = await import('../../../server/cli/io');
    const bad = join(dir, 'bad.ubk');
    await writeBook(bad, book);
    const r2 = await runCli('verify', bad);
    expect(r2.code).toBe(1);
    expect(r2.err).toContain('会计科目无效：999');
  });

  it('explains usage errors in Chinese', async () => {
    const r = await runCli('demo');
    expect(r.code).toBe(2);
    expect(r.err).toContain('缺少参数 --out');
    expect((await runCli('frobnicate')).err).toContain('未知命令');
  });

  it('runs as the installed bin', () => {
    const out = join(dir, 'bin.ubk');
    const text = execFileSync(process.execPath, ['bin/unionbooks.mjs', 'init', '--name', '命令行工会', '--out', out], { encoding: 'utf8' });
    expect(text).toContain('已新建账簿');
    expect(execFileSync(process.execPath, ['bin/unionbooks.mjs', 'verify', out], { encoding: 'utf8' })).toContain('账簿完好');
  });
});
