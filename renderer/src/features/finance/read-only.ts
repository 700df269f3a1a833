import { managedElsewhere } from '../../../../shared/finance/ownership';
import type { Transaction } from '../../../../shared/model/records';

/**
 * Why 收支 offers neither 修改 nor 冲销 for an entry, or null when it does: a reversal and a reversed
 * entry are settled (the engine refuses both edits), and an entry made by 会费 or 慰问 is changed on
 * its own page. `reversalOf` maps an entry's id to the entry that reversed it.
 */
export function readOnlyReason(t: Transaction, reversalOf: ReadonlyMap<string, Transaction>): string | null {
  const owner = managedElsewhere(t);
  if (owner) return owner;
  if (t.reversalOf) return `${t.voucherNumber} 是红字冲销记录，不能修改，也不能再冲销`;
  const reversal = reversalOf.get(t.id);
  if (reversal) return `${t.voucherNumber} 已被 ${reversal.voucherNumber} 冲销，不能再修改或冲销；如需更正，请重新记一笔`;
  return null;
}
