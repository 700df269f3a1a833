import { ACCOUNTS, isPostable } from '../../../../shared/accounts/chart';

/** Postable expense accounts as Select options, "50102 文体活动支出". */
export const EXPENSE_ACCOUNT_OPTIONS = ACCOUNTS.filter((a) => a.kind === 'expense' && isPostable(a.code)).map((a) => ({
  value: a.code,
  label: `${a.code} ${a.name}`,
}));
