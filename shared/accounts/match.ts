import { ACCOUNTS, isPostable, type Account } from './chart';

const OFFERED = ACCOUNTS.filter((a) => a.kind === 'income' || a.kind === 'expense');

/**
 * The account a typed code or name means, for Enter in the account picker: an exact code, else the
 * first account (chart order) whose code starts with the text, else the first whose name contains it.
 * With `postableOnly`, accounts that have sub-accounts are passed over, so "501" picks 50101.
 */
export function matchAccount(query: string, postableOnly: boolean): Account | null {
  const q = query.trim().replace(/\s+/g, '');
  if (q === '') return null;
  const candidates = OFFERED.filter((a) => !postableOnly || isPostable(a.code));
  return (
    candidates.find((a) => a.code === q) ??
    candidates.find((a) => a.code.startsWith(q)) ??
    candidates.find((a) => a.name.includes(q) || `${a.code}${a.name}`.includes(q)) ??
    null
  );
}
