import { auditReview } from '../../../shared/audit/review';
import { totalOf } from '../../../shared/finance/balances';
import { formatYuan } from '../../../shared/money/fen';
import { requireFlag } from '../args';
import { EXIT, type Command } from '../command';
import { readBook } from '../io';
import { dateFlag, yearFlag } from './facts';

const yuan = (fen: number) => `${formatYuan(fen, { grouping: true })} 元`;

/** `unionbooks audit`: the 经费审查 of the app's 账表 tab, from the same shared review. */
export const auditCommand: Command = {
  path: ['audit'],
  usage: 'unionbooks audit --year YYYY --book 账簿.ubk [--date YYYY-MM-DD] [--json]',
  summary: '经费审查：收入支出表、资产负债表、凭证、各月银行对账、结账和开支标准逐项核对（全部相符退出码 0，有不相符 3）',
  async run(args, io) {
    const year = yearFlag(requireFlag(args, 'year'));
    const date = dateFlag(args, year);
    const book = await readBook(requireFlag(args, 'book'));
    const r = auditReview(book, year, date);
    const failed = r.checks.filter((c) => !c.ok);
    if (args.flags.get('json') === true) {
      io.out(JSON.stringify(r, null, 2));
      return failed.length === 0 ? EXIT.ok : EXIT.partial;
    }
    const s = r.statement;
    io.out(`${year}年经费审查（截至 ${r.asOf}）`);
    io.out(
      `收入支出表：收入 ${yuan(s.income.totalFen)}，支出 ${yuan(s.expense.totalFen)}，结余 ${yuan(s.surplusFen)}；年初 ${yuan(totalOf(s.yearOpening))}，期末 ${yuan(totalOf(s.closing))}`,
    );
    io.out(
      `资产负债表（${r.sheet.label}）：资产 ${yuan(r.sheet.end.assetsFen)}，负债 ${yuan(r.sheet.end.liabilitiesFen)}，净资产 ${yuan(r.sheet.end.netAssetsFen)}`,
    );
    io.out(`记账凭证：${r.vouchers.count === 0 ? '无' : `${r.vouchers.first} 至 ${r.vouchers.last}，共 ${r.vouchers.count} 张`}`);
    io.out(
      `银行对账：${r.bank.length === 0 ? '还没有已结束的月份' : r.bank.map((m) => `${Number(m.month.slice(5))}月${m.stateLabel}`).join('，')}`,
    );
    for (const c of r.checks) io.out(`${c.ok ? '相符' : '不相符'}  ${c.label}：${c.detail}`);
    io.out(`需关注的凭证：${r.unusual.length === 0 ? '无' : `${r.unusual.length} 笔`}`);
    for (const u of r.unusual) io.out(`  ${u.date} ${u.voucherNumber} ${u.summary} ${yuan(u.amountFen)}：${u.notes.join('；')}`);
    io.out(failed.length === 0 ? `${r.checks.length} 项核对全部相符` : `${r.checks.length} 项核对中 ${failed.length} 项不相符`);
    return failed.length === 0 ? EXIT.ok : EXIT.partial;
  },
};
