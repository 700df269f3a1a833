import { formatYuan } from '../money/fen';
import type { DuesPayment, Fen, Transaction } from '../model/records';

export interface DuesAgreement {
  year: number;
  /** Dues paid (net of reversals) with a paid date in the year. */
  duesFen: Fen;
  /** 401 entries dated in the year. */
  ledger401Fen: Fen;
  differenceFen: Fen;
  ok: boolean;
  /** Batches whose payments and 401 entry disagree, in Chinese. */
  problems: string[];
}

/**
 * Dues and the books must agree: every posting batch has exactly one 401 entry carrying its sum,
 * so the year's 401 total equals the dues collected. Both sides are counted by date of payment,
 * the date the money came in.
 */
export function checkDuesAgreement(payments: readonly DuesPayment[], transactions: readonly Transaction[], year: number): DuesAgreement {
  const prefix = `${year}-`;
  const byBatch = new Map<string, Fen>();
  let duesFen = 0;
  for (const p of payments) {
    if (p.deleted !== 0 || !p.paidDate.startsWith(prefix)) continue;
    duesFen += p.amountFen;
    byBatch.set(p.batchId, (byBatch.get(p.batchId) ?? 0) + p.amountFen);
  }
  let ledger401Fen = 0;
  const txByBatch = new Map<string, Fen>();
  const problems: string[] = [];
  for (const t of transactions) {
    if (t.deleted !== 0 || t.accountCode !== '401' || !t.date.startsWith(prefix)) continue;
    ledger401Fen += t.amountFen;
    if (!t.duesBatchId) {
      problems.push(`凭证 ${t.voucherNumber || t.date} 记入会费收入 ${formatYuan(t.amountFen)} 元，但没有对应的会费收缴记录`);
      continue;
    }
    txByBatch.set(t.duesBatchId, (txByBatch.get(t.duesBatchId) ?? 0) + t.amountFen);
  }
  for (const [batch, fen] of byBatch) {
    const booked = txByBatch.get(batch);
    if (booked === undefined) problems.push(`有一批会费 ${formatYuan(fen)} 元没有记入 401 会费收入`);
    else if (booked !== fen) problems.push(`一批会费收缴 ${formatYuan(fen)} 元，记账却是 ${formatYuan(booked)} 元`);
  }
  for (const [batch, fen] of txByBatch) {
    if (!byBatch.has(batch)) problems.push(`401 会费收入中有 ${formatYuan(fen)} 元找不到对应的会费收缴记录`);
  }
  const differenceFen = ledger401Fen - duesFen;
  return { year, duesFen, ledger401Fen, differenceFen, ok: differenceFen === 0 && problems.length === 0, problems };
}
