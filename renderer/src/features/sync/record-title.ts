import type { TableName } from '../../../../shared/model/book';

/**
 * Control characters and lone surrogates shown as � (a glyph every font has, unlike ␀), so the
 * user sees where the text the server refused is broken.
 */
// eslint-disable-next-line no-control-regex -- showing control characters is the point
const BROKEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function visibleText(text: string): string {
  return text.replace(BROKEN, '\uFFFD');
}

/**
 * How a person recognises a record in a list: a member by name, an entry by voucher and 摘要,
 * a member's dues by name and month. `member` is the name of the member the row belongs to.
 */
export function recordTitle(table: TableName, row: Record<string, unknown> | undefined, member = ''): string {
  if (!row) return '（本机已无此记录）';
  const s = (key: string) => (typeof row[key] === 'string' || typeof row[key] === 'number' ? String(row[key]) : '');
  const join = (...parts: string[]) => parts.filter(Boolean).join(' ');
  const titles: Record<TableName, () => string> = {
    union: () => s('name'),
    members: () => s('name'),
    memberships: () => join(member, s('date')),
    wageBases: () => join(member, s('year') && `${s('year')}年`),
    duesPayments: () => join(member, s('month')),
    activities: () => join(s('startDate'), s('title')),
    welfare: () => join(member, s('kind') && `${s('kind')}慰问`, s('date')),
    transactions: () => join(s('voucherNumber'), s('summary')),
    budgets: () => join(s('year') && `${s('year')}年`, s('accountCode')),
    openingBalances: () => s('month') || s('year'),
    monthCloses: () => s('month'),
    yearNotes: () => s('year') && `${s('year')}年`,
    attachments: () => s('name'),
    templates: () => s('name'),
    submissions: () => s('year') && `${s('year')}年度`,
    bankLines: () => join(s('date'), s('summary')),
    bankMatches: () => '银行对账勾对',
    bankSkips: () => s('month'),
    fixedAssets: () => s('name'),
    handovers: () => join(s('date'), s('from') && s('to') && `${s('from')}→${s('to')}`),
  };
  const title = titles[table]();
  return title ? visibleText(title) : `编号 ${String(row.id ?? '').slice(-8)}`;
}
