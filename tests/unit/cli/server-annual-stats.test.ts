import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSheets } from '../finance/openpyxl';
import { runCli } from './capture';

describe('server annual-stats', () => {
  const data = mkdtempSync(join(tmpdir(), 'ub-annual-cli-'));
  afterAll(() => rmSync(data, { recursive: true, force: true }));

  it('writes the 统计年报 of an organisation’s subtree and refuses a bad period without writing', async () => {
    expect((await runCli('server', 'add-org', '--code', 'QX', '--name', '青溪区总工会', '--data', data)).code).toBe(0);
    expect((await runCli('server', 'add-union', '--code', 'HT01', '--name', '河塘机械厂工会', '--org', 'QX', '--data', data)).code).toBe(0);
    expect((await runCli('server', 'add-union', '--code', 'ZS01', '--name', '直属工会', '--data', data)).code).toBe(0);

    const out = join(data, '统计年报.xlsx');
    const bad = await runCli('server', 'annual-stats', '--year', '2025', '--to', '2025-02-30x', '--out', out, '--data', data);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('--to：日期无效（2025-02-30x）');
    expect(existsSync(out)).toBe(false);

    const done = await runCli('server', 'annual-stats', '--year', '2025', '--org', 'QX', '--out', out, '--data', data);
    expect(done.code).toBe(0);
    expect(done.out).toContain('1 个工会');
    const [sheet, missing] = readSheets(out);
    expect(sheet!.rows[0]![0]).toContain('青溪区总工会');
    expect(sheet!.rows[1]![0]).toContain('2024年10月1日至2025年9月30日');
    expect(sheet!.rows.map((r) => String(r[0]).trim())).toEqual(
      expect.arrayContaining(['青溪区总工会 合计（1 个工会）', '河塘机械厂工会']),
    );
    expect(sheet!.rows.some((r) => String(r[0]).includes('直属工会'))).toBe(false);
    expect(missing!.rows.filter((r) => typeof r[0] === 'number').map((r) => r[1])).toEqual(['河塘机械厂工会']);
  });
});
