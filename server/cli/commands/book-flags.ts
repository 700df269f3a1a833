import { accountLabel } from '../../../shared/accounts/chart';
import { BookError } from '../../../shared/engine/errors';
import { PLACE_LABEL } from '../../../shared/finance/journal';
import { formatYuan, parseYuan } from '../../../shared/money/fen';
import type { Fen, MoneyPlace, Transaction } from '../../../shared/model/records';
import { optionalFlag, requireFlag, UsageError, type ParsedArgs } from '../args';

/** `--place cash|bank`; `fallback` where the flag may be left out. */
export function placeFlag(args: ParsedArgs, name: string, fallback?: MoneyPlace): MoneyPlace {
  const value = fallback ? (optionalFlag(args, name) ?? fallback) : requireFlag(args, name);
  if (value !== 'cash' && value !== 'bank') throw new UsageError(`--${name} 应为 cash（库存现金）或 bank（银行存款）：${value}`);
  return value;
}

/** A yuan amount as typed; what is not an amount at all is refused like the form refuses it. */
export function yuanFlag(args: ParsedArgs, name: string, label: string): Fen {
  const value = requireFlag(args, name);
  const fen = parseYuan(value);
  if (fen === null || !Number.isSafeInteger(fen)) throw new BookError(`${label}：不是有效金额（元，最多两位小数）：${value}`, name);
  return fen;
}

export const confirmLarge = (args: ParsedArgs): boolean => args.flags.get('confirm-large') === true;

/** One line for a booked entry, as the command line reports it. */
export function describeEntry(t: Transaction): string {
  const owed = t.payableFen ? `，其中应付上级经费 ${formatYuan(t.payableFen)} 元` : '';
  return `${t.voucherNumber} ${t.date} ${accountLabel(t.accountCode)} ${formatYuan(t.amountFen)} 元（${PLACE_LABEL[t.place]}）${owed ? `${owed} ` : ''}${t.summary}`;
}
