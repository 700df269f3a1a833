import { Sha256 } from '../backup/sha256';
import type { BankLine } from '../model/records';

type LineContent = Pick<BankLine, 'date' | 'inFen' | 'outFen' | 'balanceFen' | 'summary'>;

/** One line's content as a key: two lines with the same key are the same line of the bank's statement, or its twin. */
export const lineContentKey = (l: LineContent) => `${l.date}|${l.inFen}|${l.outFen}|${l.balanceFen}|${l.summary}`;

function digest(text: string): string {
  return new Sha256().update(new TextEncoder().encode(text)).hex().slice(0, 32);
}

/**
 * The id a statement line gets wherever and whenever it is imported: from the account it belongs to
 * (the union's record: a book keeps one bank account), its date, amounts, 余额 and 摘要, and its
 * ordinal among identical lines of the same file (twins, e.g. two equal fees on one day between
 * which the balance returned). The same statement imported on two offline devices is then one set
 * of lines once they sync, never two.
 */
export function statementLineIds(account: string, lines: readonly LineContent[]): string[] {
  const seen = new Map<string, number>();
  return lines.map((l) => {
    const key = lineContentKey(l);
    const ordinal = seen.get(key) ?? 0;
    seen.set(key, ordinal + 1);
    return `bank-${digest(`${account}|${key}|${ordinal}`)}`;
  });
}

/** A matcher's pair keeps one id too, so two devices pairing the same line with the same entry make one match. */
export function matchId(lineId: string, transactionId: string): string {
  return `match-${digest(`${lineId}|${transactionId}`)}`;
}

/**
 * The id to write for `base` given the rows the table holds: `base` itself when free, the live row's
 * id when one already has it (nothing to write), and after a removal (a tombstone) the next
 * generation (`base.2`, `base.3` …), so importing again what was removed brings it back on every device alike.
 */
export function nextGeneration(base: string, rows: ReadonlyMap<string, { deleted: 0 | 1 }>): { id: string; live: boolean } {
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}.${n}`;
    const row = rows.get(id);
    if (!row) return { id, live: false };
    if (row.deleted === 0) return { id, live: true };
  }
}
