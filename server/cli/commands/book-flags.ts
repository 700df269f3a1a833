import { accountLabel, RECEIVABLE_ACCOUNT } from '../../../shared/accounts/chart';
import { BookError } from '../../../shared/engine/errors';
import { PLACE_LABEL } from '../../../shared/finance/journal';
import { formatYuan, parseYuan } from '../../../shared/money/fen';
import type { Fen, MoneyFlow, MoneyPlace, Transaction } from '../../../shared/model/records';
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

/**
 * `--flow in|out` of a 231 or 135 entry. A 135 entry goes out (借出) unless it settles an advance
 * (退回余款, in); 231 has no default, the engine asks for one. Other accounts take no flow.
 */
export function flowFlag(args: ParsedArgs, accountCode: string, settles: boolean): MoneyFlow | undefined {
  const value = optionalFlag(args, 'flow');
  if (value !== undefined && value !== 'in' && value !== 'out') throw new UsageError(`--flow 应为 in（收到）或 out（付出）：${value}`);
  if (value) return value;
  if (accountCode === RECEIVABLE_ACCOUNT) return settles ? 'in' : 'out';
  return undefined;
}

export const confirmLarge = (args: ParsedArgs): boolean => args.flags.get('confirm-large') === true;

/** One line for a booked entry, as the command line reports it. */
export function describeEntry(t: Transaction): string {
  const owed = t.payableFen
    ? `，其中应付上级经费 ${formatYuan(t.payableFen)} 元`
    : t.advanceId && !t.flow
      ? '，以借款报销'
      : t.flow
        ? `，${t.flow === 'in' ? '收到' : '付出'}`
        : '';
  return `${t.voucherNumber} ${t.date} ${accountLabel(t.accountCode)} ${formatYuan(t.amountFen)} 元（${PLACE_LABEL[t.place]}）${owed ? `${owed} ` : ''}${t.summary}`;
}
