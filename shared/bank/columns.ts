import { headerKey } from '../roster/columns';

/** What a column of a bank statement holds. */
export type StatementField = 'date' | 'summary' | 'counterparty' | 'in' | 'out' | 'amount' | 'direction' | 'balance';

/**
 * Header texts Chinese banks use, compared after {@link headerKey} (spacing, full-width letters
 * and a trailing unit such as （元） do not matter). On a statement the bank writes from its own
 * side: 贷方 is money paid into the account, 借方 money paid out of it.
 */
const SYNONYMS: Record<StatementField, readonly string[]> = {
  date: ['交易日期', '日期', '记账日期', '入账日期', '交易时间', '记账日', '交易日', '发生日期', '会计日期', '记账时间'],
  summary: ['摘要', '交易摘要', '用途', '附言', '交易用途', '摘要/用途', '交易附言', '备注'],
  counterparty: ['对方户名', '对方账户名称', '对方名称', '对方单位', '对方账户名', '收/付方名称', '对方单位名称'],
  in: ['收入', '收入金额', '贷方', '贷方金额', '贷方发生额', '存入', '存入金额', '转入金额', '收入额'],
  out: ['支出', '支出金额', '借方', '借方金额', '借方发生额', '支取', '支取金额', '取出金额', '转出金额', '支出额'],
  amount: ['交易金额', '发生额', '金额'],
  direction: ['借贷标志', '借贷方向', '借/贷', '收支标志', '收/支', '方向'],
  balance: ['余额', '账户余额', '当前余额', '交易后余额', '联机余额', '可用余额'],
};

const BY_KEY = new Map<string, StatementField>();
for (const [field, names] of Object.entries(SYNONYMS) as [StatementField, readonly string[]][])
  for (const name of names) BY_KEY.set(headerKey(name), field);

export function statementFieldFor(header: string): StatementField | null {
  return BY_KEY.get(headerKey(header)) ?? null;
}

export type StatementMapping = Partial<Record<StatementField, number>>;

/** Column index of each field; when two columns claim one field, the first keeps it. */
export function mapStatementHeaders(headers: readonly string[]): StatementMapping {
  const out: StatementMapping = {};
  headers.forEach((h, i) => {
    const field = statementFieldFor(h);
    if (field && out[field] === undefined) out[field] = i;
  });
  return out;
}

/** A header row names a date, a balance and the amounts: 收入 and 支出 (or 贷方 and 借方), or one amount column. */
export function isStatementHeader(m: StatementMapping): boolean {
  const amounts = (m.in !== undefined && m.out !== undefined) || m.amount !== undefined;
  return m.date !== undefined && m.balance !== undefined && amounts;
}

/** 0 → A, 26 → AA: the column letter a user sees in Excel or WPS. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
