import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemoBook } from '../../../shared/demo/generator';
import { balancesAt } from '../../../shared/finance/balances';
import { handoverDocx } from '../../../shared/handover/handover-docx';
import { handoverFacts } from '../../../shared/handover/handover-facts';
import { formatYuan } from '../../../shared/money/fen';
import { PYTHON } from '../../support/python';

const book = generateDemoBook({ seed: 7, members: 40, years: 1, endMonth: '2025-12', today: '2025-12-20', photos: 2 });
const DATE = '2025-12-20';

/** python-docx, independently of our writer: every paragraph and every table cell as text. */
const READER = `
import json, sys, docx
d = docx.Document(sys.argv[1])
print(json.dumps({
  'paragraphs': [p.text for p in d.paragraphs],
  'tables': [[[c.text for c in r.cells] for r in t.rows] for t in d.tables],
  'margins': [d.sections[0].top_margin.mm, d.sections[0].left_margin.mm],
}, ensure_ascii=False))
`;

describe('the 交接清单', () => {
  it('states the balances, vouchers, members, arrears and assets the book gives on the day, with three signature lines', async () => {
    const facts = handoverFacts(book, DATE);
    const balances = balancesAt({ transactions: book.transactions, openingBalances: book.openingBalances }, DATE);
    expect(facts.cashFen).toBe(balances.cashFen);
    expect(facts.bankFen).toBe(balances.bankFen);
    const live = book.transactions.filter((t) => t.deleted === 0 && t.date <= DATE && t.date.startsWith('2025'));
    expect(facts.vouchers.find((v) => v.year === 2025)?.count).toBe(new Set(live.map((t) => t.voucherNumber)).size);
    expect(facts.members).toBeGreaterThan(0);
    expect(facts.members).toBeLessThanOrEqual(40);
    expect(facts.checks.map((c) => c.key)).toEqual(['months', 'bank', 'cash', 'arrears', 'assets', 'advances']);

    const dir = await mkdtemp(join(tmpdir(), 'ub-handover-'));
    try {
      const path = join(dir, '交接清单.docx');
      await writeFile(path, await handoverDocx(facts, { from: '张三', to: '李四', supervisor: '王五', backupFile: '交接备份.ubk' }));
      const seen = JSON.parse(execFileSync(PYTHON, ['-c', READER, path], { encoding: 'utf8' })) as {
        paragraphs: string[];
        tables: string[][][];
        margins: number[];
      };
      const text = seen.paragraphs.join('\n');
      // The title is broken into lines as printed.
      expect(seen.paragraphs[0]?.replace(/\n/g, '')).toBe(`${facts.unionName}经费账簿交接清单`);
      expect(text).toContain('由张三移交给李四，王五监交');
      expect(text).toContain('交接备份.ubk');
      const [money, vouchers] = seen.tables;
      expect(money).toContainEqual(['库存现金', formatYuan(facts.cashFen)]);
      expect(money).toContainEqual(['银行存款', formatYuan(facts.bankFen)]);
      expect(vouchers?.[1]?.[0]).toBe('2025年');
      const signatures = seen.tables[seen.tables.length - 1];
      expect(signatures?.map((r) => r[0])).toEqual(['', '移交人', '接交人', '监交人']);
      expect(signatures?.[1]).toEqual(['移交人', '张三', '', '']);
      if (facts.arrears.length > 0) {
        const arrears = seen.tables.find((t) => t[0]?.[2] === '欠缴月数');
        expect(arrears?.[arrears.length - 1]).toEqual(['合计', '', '', formatYuan(facts.arrearsFen)]);
      }
      // GB/T 9704: 37 mm top, 28 mm left margins.
      expect(Math.round(seen.margins[0]!)).toBe(37);
      expect(Math.round(seen.margins[1]!)).toBe(28);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('lists an asset held on the day and leaves out one disposed of before it', () => {
    const asset = book.fixedAssets[0];
    const withAssets = {
      ...book,
      fixedAssets: [
        {
          ...(asset ?? ({} as never)),
          id: 'a1',
          name: '打印机',
          acquiredDate: '2025-03-01',
          valueFen: 360_000,
          disposedDate: '',
          deleted: 0 as const,
        },
        {
          ...(asset ?? ({} as never)),
          id: 'a2',
          name: '旧电脑',
          acquiredDate: '2019-03-01',
          valueFen: 500_000,
          disposedDate: '2025-06-30',
          deleted: 0 as const,
        },
      ],
    };
    const facts = handoverFacts(withAssets, DATE);
    expect(facts.assets.map((a) => a.name)).toEqual(['打印机']);
    expect(facts.assetsFen).toBe(360_000);
    expect(facts.checks.find((c) => c.key === 'assets')?.detail).toContain('1 项，原值 3,600.00 元');
  });
});
