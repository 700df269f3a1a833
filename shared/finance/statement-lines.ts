import type { Fen } from '../model/records';
import { totalOf } from './balances';
import type { Statement } from './statement';

/** One line of the 收入支出表 as both the screen and the .xlsx show it. */
export interface StatementRow {
  /** '一、收入合计', an account name, '其中：库存现金', '银行存款', '含应付上级经费'. */
  label: string;
  /** What a total is made of, e.g. '（收入合计 − 支出合计）'; '' where nothing needs saying. */
  explain: string;
  code: string;
  amountFen: Fen;
  yearToDateFen: Fen;
  /** A numbered total (一、 to 五、). */
  strong: boolean;
  /** 0 = numbered total, 1 = a top-level account or 其中, 2 = a sub-account. */
  indent: 0 | 1 | 2;
  /** A line continuing 其中：, aligned with the text after it. */
  hang: boolean;
}

/**
 * The lines of a 收入支出表, in order. The screen and the .xlsx both read them, so the two show the
 * same lines: among them 含应付上级经费 under 期末结余 wherever money owed upward is in the balance.
 */
export function statementRows(s: Statement): StatementRow[] {
  const out: StatementRow[] = [];
  const push = (row: Partial<StatementRow> & Pick<StatementRow, 'label' | 'amountFen' | 'yearToDateFen'>) =>
    out.push({ explain: '', code: '', strong: false, indent: 0, hang: false, ...row });
  for (const [label, sec] of [
    ['一、收入合计', s.income],
    ['二、支出合计', s.expense],
  ] as const) {
    push({ label, amountFen: sec.totalFen, yearToDateFen: sec.yearToDateFen, strong: true });
    for (const l of sec.lines)
      push({ label: l.name, code: l.code, amountFen: l.amountFen, yearToDateFen: l.yearToDateFen, indent: l.level === 0 ? 1 : 2 });
  }
  push({
    label: '三、本期结余',
    explain: '（收入合计 − 支出合计）',
    amountFen: s.surplusFen,
    yearToDateFen: s.yearToDateSurplusFen,
    strong: true,
  });
  // The 本年累计 column starts from 上年结余, the period column from the balance on the first day of the period.
  push({ label: '四、期初结余', amountFen: totalOf(s.opening), yearToDateFen: totalOf(s.yearOpening), strong: true });
  push({ label: '其中：库存现金', amountFen: s.opening.cashFen, yearToDateFen: s.yearOpening.cashFen, indent: 1 });
  push({ label: '银行存款', amountFen: s.opening.bankFen, yearToDateFen: s.yearOpening.bankFen, indent: 1, hang: true });
  const owed = s.openingPayableFen !== 0 || s.closingPayableFen !== 0;
  const custody = s.openingHeld.custodyFen !== 0 || s.closingHeld.custodyFen !== 0;
  const advanced = s.openingHeld.receivableFen !== 0 || s.closingHeld.receivableFen !== 0;
  const closing = totalOf(s.closing);
  const moved = [owed ? ' + 应付上级经费增减' : '', custody ? ' + 代管经费增减' : '', advanced ? ' − 其他应收款增减' : ''].join('');
  push({
    label: '五、期末结余',
    explain: `（期初结余 + 本期结余${moved}）`,
    amountFen: closing,
    yearToDateFen: closing,
    strong: true,
  });
  push({ label: '其中：库存现金', amountFen: s.closing.cashFen, yearToDateFen: s.closing.cashFen, indent: 1 });
  push({ label: '银行存款', amountFen: s.closing.bankFen, yearToDateFen: s.closing.bankFen, indent: 1, hang: true });
  // Money owed upward sits in the bank but is not the union's: said where it exists.
  if (owed) push({ label: '含应付上级经费', amountFen: s.closingPayableFen, yearToDateFen: s.closingPayableFen, indent: 1, hang: true });
  if (custody)
    push({ label: '含代管经费', amountFen: s.closingHeld.custodyFen, yearToDateFen: s.closingHeld.custodyFen, indent: 1, hang: true });
  if (advanced)
    push({
      label: '另有其他应收款（借出未结）',
      amountFen: s.closingHeld.receivableFen,
      yearToDateFen: s.closingHeld.receivableFen,
      indent: 1,
      hang: true,
    });
  return out;
}
