import { fixturePath } from '../../fixtures/path';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { live } from '../../../shared/model/book';
import { main } from '../../../server/cli/main';
import { readBook } from '../../../server/cli/io';
import { IDS, xlsxOf } from './fixture';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

async function newBook(): Promise<{ dir: string; book: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'roster-cli-'));
  const book = join(dir, 'book.ubk');
  expect(await main(['init', '--name', '测试工会', '--out', book], capture().io)).toBe(0);
  return { dir, book };
}

describe('unionbooks roster import', () => {
  it('imports the sample, reports the rejected rows as JSON and exits 3; a second run updates', async () => {
    const { book } = await newBook();
    const first = capture();
    const code = await main(
      ['roster', 'import', fixturePath('roster/roster-sample.xlsx'), '--book', book, '--year', '2025', '--json'],
      first.io,
    );
    expect(code).toBe(3);
    expect(JSON.parse(first.out.join(''))).toEqual({
      imported: 58,
      updated: 0,
      rejected: [
        { row: 20, reason: '身份证号校验位错误' },
        { row: 45, reason: '身份证号与前面的行重复（第 11 行）' },
      ],
    });
    const after = await readBook(book);
    expect(live(after.members)).toHaveLength(58);
    expect(after.wageBases.filter((w) => w.year === 2025)).toHaveLength(58);
    expect(after.memberships.every((e) => e.kind === 'join')).toBe(true);

    const second = capture();
    expect(
      await main(['roster', 'import', fixturePath('roster/roster-sample.xlsx'), '--book', book, '--year', '2025', '--json'], second.io),
    ).toBe(3);
    expect(JSON.parse(second.out.join(''))).toMatchObject({ imported: 0, updated: 58 });
    const again = await readBook(book);
    expect(live(again.members)).toHaveLength(58);
    expect(again.wageBases).toHaveLength(58);
  });

  it('exits 0 with a readable report when every row is taken', async () => {
    const { dir, book } = await newBook();
    const file = join(dir, 'ok.xlsx');
    writeFileSync(
      file,
      await xlsxOf([
        ['姓名', '身份证号码'],
        ['甲', IDS.man],
      ]),
    );
    const run = capture();
    expect(await main(['roster', 'import', file, '--book', book], run.io)).toBe(0);
    expect(run.out.join('\n')).toContain('新增 1 人');
  });

  it('leaves the book unchanged and exits 1 when the file cannot be read', async () => {
    const { dir, book } = await newBook();
    const before = readFileSync(book);
    const xls = join(dir, 'old.xls');
    copyFileSync(book, xls);
    writeFileSync(xls, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]));
    for (const file of [xls, join(dir, 'missing.xlsx')]) {
      const run = capture();
      expect(await main(['roster', 'import', file, '--book', book, '--json'], run.io)).toBe(1);
      expect(run.err.join('')).toMatch(/另存为|找不到文件/);
      expect(readFileSync(book).equals(before)).toBe(true);
    }
  });
});
