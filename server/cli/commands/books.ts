import { todayIso } from '../../../shared/clock/today';
import { postEntry, reverseEntry, transferMoney } from '../../../shared/engine/ops/entries';
import { closeMonth, openBooks, reopenMonth } from '../../../shared/engine/ops/periods';
import { formatYuan } from '../../../shared/money/fen';
import { optionalFlag, requireFlag } from '../args';
import { withBookFile } from '../book-session';
import { EXIT, type Command } from '../command';
import { booksCloseToCommand } from './ledger';
import { confirmLarge, describeEntry, flowFlag, placeFlag, yuanFlag } from './book-flags';
import { RECEIVABLE_ACCOUNT } from '../../../shared/accounts/chart';
import { entryByVoucher } from './voucher-lookup';

export const booksAddCommand: Command = {
  path: ['books', 'add'],
  usage:
    'unionbooks books add --date YYYY-MM-DD --account 科目编码 --amount 元 --place cash|bank --summary 摘要 --book 账簿.ubk [--purpose 专项用途] [--confirm-large]\n' +
    '       代管经费：--account 231 --flow in（收到）|out（付出）\n' +
    '       借款：--account 135（借出/预付）；报销结算：--account 支出科目 --settle 借款凭证号（不动用现金和银行，可省略 --place）；退回余款：--account 135 --settle 借款凭证号 [--settle-year YYYY]',
  summary: '记一笔收入、支出、代管经费或借款（与“收支”页的记一笔同样的规则）',
  async run(args, io) {
    const settle = optionalFlag(args, 'settle');
    const accountCode = requireFlag(args, 'account');
    const flow = flowFlag(args, accountCode, Boolean(settle));
    const input = {
      date: requireFlag(args, 'date'),
      accountCode,
      place: placeFlag(args, 'place', settle && accountCode !== RECEIVABLE_ACCOUNT ? 'bank' : undefined),
      amountFen: yuanFlag(args, 'amount', '金额'),
      summary: requireFlag(args, 'summary'),
      purpose: optionalFlag(args, 'purpose'),
      ...(flow ? { flow } : {}),
    };
    const tx = await withBookFile(requireFlag(args, 'book'), async (store) => {
      const advanceId = settle ? (await entryByVoucher(store, settle, optionalFlag(args, 'settle-year'))).id : undefined;
      return postEntry(store, { ...input, ...(advanceId ? { advanceId } : {}) }, [], { confirmLarge: confirmLarge(args) });
    });
    io.out(`已记账：${describeEntry(tx)}`);
    return EXIT.ok;
  },
};

export const booksTransferCommand: Command = {
  path: ['books', 'transfer'],
  usage: 'unionbooks books transfer --date YYYY-MM-DD --from bank|cash --amount 元 --book 账簿.ubk [--summary 摘要]',
  summary: '提现（--from bank，银行存款转入库存现金）或存现（--from cash）：不计收入和支出',
  async run(args, io) {
    const input = {
      date: requireFlag(args, 'date'),
      from: placeFlag(args, 'from'),
      amountFen: yuanFlag(args, 'amount', '金额'),
      summary: optionalFlag(args, 'summary'),
    };
    const tx = await withBookFile(requireFlag(args, 'book'), (store) => transferMoney(store, input, { confirmLarge: confirmLarge(args) }));
    io.out(`已记账：${describeEntry(tx)}`);
    return EXIT.ok;
  },
};

export const booksReverseCommand: Command = {
  path: ['books', 'reverse'],
  usage: 'unionbooks books reverse --voucher 记-NNN --book 账簿.ubk [--year YYYY] [--date YYYY-MM-DD] [--reason 原因]',
  summary: '红字冲销一笔记录：记一笔金额相反的冲销记录（原记录保留）',
  async run(args, io) {
    const voucher = requireFlag(args, 'voucher');
    const date = optionalFlag(args, 'date') ?? todayIso();
    const reason = optionalFlag(args, 'reason') ?? '更正';
    const tx = await withBookFile(requireFlag(args, 'book'), async (store) => {
      const original = await entryByVoucher(store, voucher, optionalFlag(args, 'year'));
      return reverseEntry(store, original.id, date, reason);
    });
    io.out(`已冲销：${describeEntry(tx)}`);
    return EXIT.ok;
  },
};

export const booksCloseCommand: Command = {
  path: ['books', 'close'],
  usage: `unionbooks books close --month YYYY-MM --book 账簿.ubk\n       ${booksCloseToCommand.usage}`,
  summary: '结账：该月的收支不能再修改（更正用红字冲销或先反结账）；--to 结账至某月，先做结账检查，一次结清之前所有未结的月份',
  async run(args, io) {
    if (args.flags.has('to')) return booksCloseToCommand.run(args, io);
    const month = requireFlag(args, 'month');
    await withBookFile(requireFlag(args, 'book'), (store) => closeMonth(store, month));
    io.out(`已结账：${month}`);
    return EXIT.ok;
  },
};

export const booksReopenCommand: Command = {
  path: ['books', 'reopen'],
  usage: 'unionbooks books reopen --month YYYY-MM --reason 原因 --book 账簿.ubk',
  summary: '反结账：记下原因，重新打开已结账的月份',
  async run(args, io) {
    const month = requireFlag(args, 'month');
    const reason = requireFlag(args, 'reason');
    await withBookFile(requireFlag(args, 'book'), (store) => reopenMonth(store, month, reason));
    io.out(`已反结账：${month}（原因：${reason}）`);
    return EXIT.ok;
  },
};

export const booksOpenCommand: Command = {
  path: ['books', 'open'],
  usage: 'unionbooks books open --month YYYY-MM --cash 元 --bank 元 --book 账簿.ubk [--dues-before 元]',
  summary: '开账：本账簿从哪个月开始记账，以及当时的库存现金和银行存款；会费欠缴只从开账月份算起',
  async run(args, io) {
    const input = {
      month: requireFlag(args, 'month'),
      cashFen: yuanFlag(args, 'cash', '开账库存现金'),
      bankFen: yuanFlag(args, 'bank', '开账银行存款'),
      duesBeforeFen: args.flags.has('dues-before') ? yuanFlag(args, 'dues-before', '开账前已收会费') : 0,
    };
    await withBookFile(requireFlag(args, 'book'), (store) => openBooks(store, input));
    io.out(`已开账：${input.month}，库存现金 ${formatYuan(input.cashFen)} 元，银行存款 ${formatYuan(input.bankFen)} 元`);
    return EXIT.ok;
  },
};

export const booksCommands: readonly Command[] = [
  booksAddCommand,
  booksTransferCommand,
  booksReverseCommand,
  booksCloseCommand,
  booksReopenCommand,
  booksOpenCommand,
];
