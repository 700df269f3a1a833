/**
 * Income and expense accounts of a grassroots union under 工会会计制度 (财会〔2021〕7号), in force
 * since 2022-01-01. 404 政府补助 and 508 补助下级 are for county-level unions and above, so they are
 * not offered here.
 */
export type AccountKind = 'income' | 'expense' | 'asset' | 'liability';

export interface Account {
  code: string;
  name: string;
  kind: AccountKind;
  /** Parent code, '' for a top-level account. */
  parent: string;
}

const top = (code: string, name: string, kind: AccountKind): Account => ({ code, name, kind, parent: '' });
const sub = (parent: string, code: string, name: string, kind: AccountKind): Account => ({ code, name, kind, parent });

export const ACCOUNTS: readonly Account[] = [
  // Asset accounts carry only transfers between the cash box and the bank (提现/存现): an entry on
  // 101 moves money into cash, on 102 into the bank, from the entry's own place.
  top('101', '库存现金', 'asset'),
  top('102', '银行存款', 'asset'),
  // 135 其他应收款: an advance (借出/预付) to a member for an activity, settled later with receipts (the
  // spending entry names the advance) or by returning what was left. The code follows the same
  // grassroots chart as 221 and 231; DOMAIN.md does not list it, so it awaits confirmation against
  // the 工会会计制度 text in force.
  top('135', '其他应收款', 'asset'),
  // 应付上级经费 grows only by the upward part of a 拨缴 receipt (a 402 entry's payableFen); an entry
  // on 221 is the payment upward: the entry's place pays, the liability falls.
  top('221', '应付上级经费', 'liability'),
  // 231 代管经费: money held for others (职工互助金 for a 互助保障 scheme …); receiving it raises the
  // place and the liability, paying it out lowers both. Code unconfirmed like 135 (see above).
  top('231', '代管经费', 'liability'),
  top('401', '会费收入', 'income'),
  top('402', '拨缴经费收入', 'income'),
  top('403', '上级补助收入', 'income'),
  sub('403', '40301', '一般性补助收入', 'income'),
  sub('403', '40302', '专项补助收入', 'income'),
  top('405', '行政补助收入', 'income'),
  top('408', '其他收入', 'income'),
  top('501', '职工活动支出', 'expense'),
  sub('501', '50101', '职工教育活动支出', 'expense'),
  sub('501', '50102', '文体活动支出', 'expense'),
  sub('501', '50103', '宣传活动支出', 'expense'),
  sub('501', '50104', '劳模职工疗休养活动支出', 'expense'),
  sub('501', '50105', '会员活动支出', 'expense'),
  sub('501', '50106', '其他活动支出', 'expense'),
  top('503', '职工服务支出', 'expense'),
  sub('503', '50301', '劳动和技能竞赛支出', 'expense'),
  sub('503', '50302', '建家支出', 'expense'),
  sub('503', '50303', '职工创新支出', 'expense'),
  sub('503', '50304', '职工书屋支出', 'expense'),
  sub('503', '50305', '其他职工服务支出', 'expense'),
  top('504', '维权支出', 'expense'),
  sub('504', '50401', '劳动关系协调支出', 'expense'),
  sub('504', '50402', '劳动保护支出', 'expense'),
  sub('504', '50403', '法律援助支出', 'expense'),
  sub('504', '50404', '困难职工帮扶支出', 'expense'),
  sub('504', '50405', '送温暖支出', 'expense'),
  sub('504', '50406', '其他维权支出', 'expense'),
  top('505', '业务支出', 'expense'),
  sub('505', '50501', '培训支出', 'expense'),
  sub('505', '50502', '会议支出', 'expense'),
  sub('505', '50503', '专项业务支出', 'expense'),
  sub('505', '50504', '其他业务支出', 'expense'),
  top('507', '资本性支出', 'expense'),
  sub('507', '50701', '房屋构建支出', 'expense'),
  sub('507', '50702', '办公设备购置支出', 'expense'),
  sub('507', '50703', '专用设备购置支出', 'expense'),
  sub('507', '50704', '交通工具购置支出', 'expense'),
  sub('507', '50705', '大型修缮支出', 'expense'),
  sub('507', '50706', '信息网络购建支出', 'expense'),
  sub('507', '50707', '其他资本性支出', 'expense'),
  top('510', '其他支出', 'expense'),
];

const BY_CODE = new Map(ACCOUNTS.map((a) => [a.code, a]));

export function findAccount(code: string): Account | undefined {
  return BY_CODE.get(code);
}

export function accountKind(code: string): AccountKind {
  const account = BY_CODE.get(code);
  if (!account) throw new Error(`未知的会计科目：${code}`);
  return account.kind;
}

/** The top-level account a code rolls up to ('50105' → '501'). */
export function topLevelCode(code: string): string {
  return code.slice(0, 3);
}

/** Accounts with no children: the ones entries are posted to. */
export function isPostable(code: string): boolean {
  return BY_CODE.has(code) && !ACCOUNTS.some((a) => a.parent === code);
}

export function accountLabel(code: string): string {
  const account = BY_CODE.get(code);
  return account ? `${account.code} ${account.name}` : code;
}

/** Income and expense accounts: what 记一笔 and the statements offer (transfers and 上缴 have their own forms). */
export const INCOME_EXPENSE_ACCOUNTS: readonly Account[] = ACCOUNTS.filter((a) => a.kind === 'income' || a.kind === 'expense');

/** 402 拨缴经费收入, the one account whose receipt may carry a part owed upward. */
export const ALLOCATION_ACCOUNT = '402';
/** 应付上级经费. */
export const PAYABLE_ACCOUNT = '221';

/** 代管经费. */
export const CUSTODY_ACCOUNT = '231';
/** 其他应收款: advances to be settled. */
export const RECEIVABLE_ACCOUNT = '135';

/** The accounts whose entries carry a flow ('in' or 'out'): they move both ways. */
export function isTwoWayAccount(code: string): boolean {
  return code === CUSTODY_ACCOUNT || code === RECEIVABLE_ACCOUNT;
}

/** The account that receives a transfer into a place: 101 for cash, 102 for the bank. */
export const TRANSFER_ACCOUNT = { cash: '101', bank: '102' } as const;
