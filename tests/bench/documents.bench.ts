import { readFileSync } from 'node:fs';
import { generateDemoBook, LARGE_DEMO } from '../../shared/demo/generator';
import { generateDocx } from '../../shared/documents/generate';
import { computeAnnualFacts } from '../../shared/facts/annual';
import { timeMedian, type BenchResult } from './types';

/**
 * 文档 with the large demo book's busiest year (2025: the year with the photos): the annual facts
 * from the whole book (600,000 dues rows over 10 years), and the two documents from those facts.
 */
export async function run(): Promise<BenchResult[]> {
  const book = generateDemoBook({ ...LARGE_DEMO, endMonth: '2025-12' });
  const year = 2025;
  const facts = computeAnnualFacts(book, year);
  const factsMs = await timeMedian(7, () => computeAnnualFacts(book, year));
  const summary = readFileSync('templates/annual-summary.md', 'utf8');
  const report = readFileSync('templates/finance-report.md', 'utf8');
  const photos = new Map(book.attachments.map((a) => [a.id, a]));
  const lookup = (id: string) => photos.get(id);
  let size = 0;
  const summaryMs = await timeMedian(5, async () => {
    size = (await generateDocx(summary, facts, lookup)).bytes.length;
  });
  const reportMs = await timeMedian(5, () => generateDocx(report, facts, lookup));

  const notes = `${facts.activities.count} activities and ${facts.activities.photoCount} photos in ${year}; ${book.members.length} members, ${book.duesPayments.length} dues rows, ${book.transactions.length} transactions in the book`;
  const environment = 'Node, in memory';
  return [
    { name: 'documents: annual facts 2025 (large demo)', ms: factsMs, runs: 7, targetMs: 300, environment, notes },
    {
      name: 'documents: annual summary .docx from facts',
      ms: summaryMs,
      runs: 5,
      targetMs: 1500,
      environment,
      notes: `${notes}; ${(size / 1024).toFixed(0)} KiB`,
    },
    { name: 'documents: finance report .docx from facts', ms: reportMs, runs: 5, environment, notes },
  ];
}
