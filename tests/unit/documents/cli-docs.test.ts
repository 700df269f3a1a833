import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../server/cli/main';
import { writeBook } from '../../../server/cli/io';
import { smallBook } from '../facts/small-book';
import { PYTHON } from '../../support/python';

let dir = '';
let bookPath = '';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cli-docs-'));
  bookPath = join(dir, 'book.ubk');
  await writeBook(bookPath, smallBook());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('unionbooks facts / export', () => {
  it('prints the year’s facts as JSON', async () => {
    const c = capture();
    expect(await main(['facts', '--year', '2025', '--book', bookPath], c.io)).toBe(0);
    const facts = JSON.parse(c.out.join('\n')) as { members: { total: number }; dues: { collectedFen: number } };
    expect(facts.members.total).toBe(4);
    expect(facts.dues.collectedFen).toBe(59_500);
  });

  it('writes both documents as .docx files', async () => {
    for (const which of ['summary', 'finance-report']) {
      const out = join(dir, `${which}.docx`);
      const c = capture();
      expect(await main(['export', which, '--year', '2025', '--book', bookPath, '--out', out], c.io)).toBe(0);
      expect(c.out).toEqual([`已生成：${out}`]);
      expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    }
  });

  it('reports a broken template with its line and writes nothing', async () => {
    const template = join(dir, 'bad.md');
    writeFileSync(template, '---\nname: 坏模板\nkind: other\n---\n# 标题\n\n{{ members.tota }}\n');
    const out = join(dir, 'bad.docx');
    const c = capture();
    expect(await main(['export', 'summary', '--year', '2025', '--book', bookPath, '--out', out, '--template', template], c.io)).toBe(1);
    expect(c.err.join('\n')).toContain('模板第 7 行：没有名为“members.tota”的数据项');
    expect(existsSync(out)).toBe(false);
  });

  it('counts everything to --date, on facts and on both documents', async () => {
    const c = capture();
    expect(await main(['facts', '--year', '2025', '--date', '2025-07-01', '--book', bookPath], c.io)).toBe(0);
    const facts = JSON.parse(c.out.join('\n')) as {
      today: string;
      period: { asOf: string };
      dues: { owedThrough: string };
      activities: { count: number };
    };
    expect(facts).toMatchObject({ today: '2025-07-01', period: { asOf: '2025-07-01' }, dues: { owedThrough: '2025-06' } });
    // the 2025-09-01 walk is after the date
    expect(facts.activities.count).toBe(2);
    const out = join(dir, 'summary-july.docx');
    expect(
      await main(['export', 'summary', '--year', '2025', '--date', '2025-07-01', '--book', bookPath, '--out', out], capture().io),
    ).toBe(0);
    const text = execFileSync(
      PYTHON,
      ['-c', 'import sys, docx; print("\\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs))', out],
      {
        encoding: 'utf8',
      },
    );
    expect(text).toContain('现将2025年1月1日至7月1日的工作总结如下');
    expect(text.trim().endsWith('2025年7月1日')).toBe(true);
  });

  it('refuses a --date that is not a day of the year or after', async () => {
    for (const [date, message] of [
      ['2025-13-01', '--date 成文日期不存在：2025-13-01'],
      ['1.7.2025', '--date 成文日期应为 YYYY-MM-DD：1.7.2025'],
      ['2024-12-31', '--date 成文日期 2024-12-31 早于 2025 年，无法统计该年度'],
    ]) {
      const c = capture();
      const out = join(dir, 'refused.docx');
      expect(await main(['export', 'finance-report', '--year', '2025', '--date', date!, '--book', bookPath, '--out', out], c.io)).toBe(2);
      expect(c.err[0]).toBe(message);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('rejects a year that is not a year', async () => {
    const c = capture();
    expect(await main(['facts', '--year', '25', '--book', bookPath], c.io)).toBe(2);
    expect(c.err[0]).toBe('--year 应为四位年份：25');
  });
});
