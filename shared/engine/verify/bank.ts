import { lineEffect } from '../../bank/match';
import { placeEffect } from '../../finance/effect';
import { formatYuan } from '../../money/fen';
import type { BookTables } from '../../model/book';
import type { VerifyProblem } from './problem';

/**
 * 银行对账: a live match pairs a live statement line with a live entry that moves the bank balance by
 * the same amount. (Two devices pairing one line while apart is not a problem: the earlier match counts.)
 */
export function checkBankMatches(book: BookTables): VerifyProblem[] {
  const out: VerifyProblem[] = [];
  const lines = new Map(book.bankLines.filter((l) => l.deleted === 0).map((l) => [l.id, l]));
  const entries = new Map(book.transactions.filter((t) => t.deleted === 0).map((t) => [t.id, t]));
  for (const m of book.bankMatches) {
    if (m.deleted !== 0) continue;
    const line = lines.get(m.lineId);
    const entry = entries.get(m.transactionId);
    const problem = (message: string) => out.push({ table: 'bankMatches', rowId: m.id, label: line?.date, message });
    if (!line) problem('勾对的对账单行不存在');
    else if (!entry) problem('勾对的日记账记录不存在');
    else if (placeEffect(entry, 'bank') !== lineEffect(line))
      problem(
        `对账单 ${line.date} 的 ${formatYuan(lineEffect(line))} 元与 ${entry.voucherNumber} 对银行存款的 ${formatYuan(placeEffect(entry, 'bank'))} 元不相等`,
      );
  }
  return out;
}
