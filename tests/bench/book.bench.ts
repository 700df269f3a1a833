import { gzipSync, gunzipSync, strToU8 } from 'fflate';
import { decodeBackup, encodeBackup } from '../../shared/backup/format';
import { generateDemoBook, LARGE_DEMO } from '../../shared/demo/generator';
import { timeMedian, type BenchResult } from './types';

/** The large demo book: generating it, and writing and reading it as a backup file. */
export async function run(): Promise<BenchResult[]> {
  const options = { ...LARGE_DEMO, endMonth: '2025-12' };
  let book = generateDemoBook(options);
  const generate = await timeMedian(1, () => {
    book = generateDemoBook(options);
  });
  let bytes: Uint8Array = new Uint8Array();
  const encode = await timeMedian(3, async () => {
    bytes = await encodeBackup(book, { createdAt: '2025-12-31T00:00:00Z', appVersion: 'bench' });
  });
  const decode = await timeMedian(3, () => decodeBackup(bytes));
  const json = strToU8(JSON.stringify(book, (_k, v: unknown) => (v instanceof Uint8Array ? undefined : v)));
  const rawEncode = await timeMedian(3, () => gzipSync(json, { level: 6 }));
  const gz = gzipSync(json, { level: 6 });
  const rawDecode = await timeMedian(3, () => JSON.parse(new TextDecoder().decode(gunzipSync(gz))));
  const environment = 'Node, in memory';
  const notes = `${book.members.length} members, ${book.duesPayments.length} dues rows, ${book.transactions.length} transactions; file ${(bytes.length / 2 ** 20).toFixed(1)} MiB`;
  return [
    { name: 'large demo book: generate', ms: generate, runs: 1, environment, notes },
    {
      name: 'large demo book: write backup (.ubk)',
      ms: encode,
      runs: 3,
      environment,
      notes,
      baseline: { name: 'JSON + gzip of the same data', ms: rawEncode },
    },
    {
      name: 'large demo book: read + check backup',
      ms: decode,
      runs: 3,
      environment,
      notes,
      baseline: { name: 'gunzip + JSON.parse', ms: rawDecode },
    },
  ];
}
