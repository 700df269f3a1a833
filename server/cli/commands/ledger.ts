import { BookError } from '../../../shared/engine/errors';
import { payUpward, receiveAllocation } from '../../../shared/engine/ops/allocation';
import { disposeAsset, registerAsset } from '../../../shared/engine/ops/assets';
import { closeThrough } from '../../../shared/engine/ops/periods';
import { ASSET_CATEGORY_LABEL } from '../../../shared/finance/fixed-assets';
import { formatYuan } from '../../../shared/money/fen';
import { optionalFlag, requireFlag, UsageError, type ParsedArgs } from '../args';
import { withBookFile } from '../book-session';
import { EXIT, type Command } from '../command';
import { confirmLarge, describeEntry, placeFlag, yuanFlag } from './book-flags';
import { entryByVoucher } from './voucher-lookup';

/** `--share 60` or `--share 60%`: the union's share in percent, to two decimals. */
function share(args: ParsedArgs): number | undefined {
  const value = optionalFlag(args, 'share');
  if (value === undefined) return undefined;
  const n = Number(value.replace(/%$/, ''));
  if (!Number.isFinite(n) || n < 0 || n > 100 || Math.round(n * 100) !== n * 100)
    throw new UsageError(`--share 应为 0 到 100 之间的百分比：${value}`);
  return Math.round(n * 100);
}

export const booksAllocationCommand: Command = {
  path: ['books', 'allocation'],
  usage: 'unionbooks books allocation --date YYYY-MM-DD --amount 元 --book 账簿.ubk [--place bank|cash] [--share 60] [--summary 摘要]',
  summary: '收到全额拨缴经费：一步分为 402 拨缴经费收入（留成部分）和应付上级经费（--share 默认取工会信息中的留成比例，60%）',
  async run(args, io) {
    const input = {
      date: requireFlag(args, 'date'),
      place: placeFlag(args, 'place', 'bank'),
      amountFen: yuanFlag(args, 'amount', '金额'),
      summary: optionalFlag(args, 'summary'),
      shareBasisPoints: share(args),
    };
    const tx = await withBookFile(requireFlag(args, 'book'), (store) =>
      receiveAllocation(store, input, { confirmLarge: confirmLarge(args) }),
    );
    io.out(`已记账：${describeEntry(tx)}`);
    return EXIT.ok;
  },
};

export const booksPayUpwardCommand: Command = {
  path: ['books', 'pay-upward'],
  usage: 'unionbooks books pay-upward --date YYYY-MM-DD --amount 元 --book 账簿.ubk [--place bank|cash] [--summary 摘要]',
  summary: '上缴上级经费：冲减应付上级经费，不计支出；不能超过应上缴的金额',
  async run(args, io) {
    const input = {
      date: requireFlag(args, 'date'),
      place: placeFlag(args, 'place', 'bank'),
      amountFen: yuanFlag(args, 'amount', '金额'),
      summary: optionalFlag(args, 'summary'),
    };
    const tx = await withBookFile(requireFlag(args, 'book'), (store) => payUpward(store, input, { confirmLarge: confirmLarge(args) }));
    io.out(`已记账：${describeEntry(tx)}`);
    return EXIT.ok;
  },
};

export const booksCloseToCommand = {
  usage: 'unionbooks books close --to YYYY-MM --book 账簿.ubk [--skip-bank] [--check]',
  /** 结账至: every open month up to `--to`, after the check list; `--check` only prints the list. */
  async run(args: ParsedArgs, io: { out: (line: string) => void }): Promise<number> {
    const to = requireFlag(args, 'to');
    const result = await withBookFile(requireFlag(args, 'book'), (store) =>
      closeThrough(store, to, { skipBank: args.flags.get('skip-bank') === true, dryRun: args.flags.get('check') === true }),
    );
    for (const c of result.checks) io.out(`${c.ok ? '✓' : c.skipped ? '—' : '✗'} ${c.label}：${c.detail}${c.skipped ? '（已跳过）' : ''}`);
    const span = result.months.length === 1 ? result.months[0] : `${result.months[0]} 至 ${result.months[result.months.length - 1]}`;
    io.out(result.closed ? `已结账：${span}（${result.months.length} 个月）` : `将结账：${span}（${result.months.length} 个月），未做更改`);
    return EXIT.ok;
  },
};

export const assetsAddCommand: Command = {
  path: ['assets', 'add'],
  usage:
    'unionbooks assets add --name 名称 --value 元 --book 账簿.ubk (--voucher 记-NNN [--year YYYY] | --date YYYY-MM-DD) [--special] [--location 地点] [--keeper 保管人]',
  summary: '登记固定资产：从 507 资本性支出（--voucher）登记，或登记开账前已有的资产（--date）；一般设备 1000 元、专用设备 1500 元以上',
  async run(args, io) {
    const voucher = optionalFlag(args, 'voucher');
    const asset = await withBookFile(requireFlag(args, 'book'), async (store) => {
      const tx = voucher ? await entryByVoucher(store, voucher, optionalFlag(args, 'year')) : undefined;
      return registerAsset(
        store,
        {
          name: requireFlag(args, 'name'),
          category: args.flags.get('special') === true ? 'special' : 'general',
          acquiredDate: tx ? tx.date : requireFlag(args, 'date'),
          valueFen: yuanFlag(args, 'value', '原值'),
          location: optionalFlag(args, 'location') ?? '',
          keeper: optionalFlag(args, 'keeper') ?? '',
          transactionId: tx?.id ?? '',
        },
        { confirmLarge: confirmLarge(args) },
      );
    });
    io.out(
      `已登记固定资产：${asset.name}（${ASSET_CATEGORY_LABEL[asset.category]}），原值 ${formatYuan(asset.valueFen)} 元，取得日期 ${asset.acquiredDate}`,
    );
    return EXIT.ok;
  },
};

export const assetsDisposeCommand: Command = {
  path: ['assets', 'dispose'],
  usage: 'unionbooks assets dispose --name 名称 --date YYYY-MM-DD --reason 原因 --book 账簿.ubk',
  summary: '处置固定资产（报废、出售、调拨）：记下日期和原因，资产负债表不再列入',
  async run(args, io) {
    const name = requireFlag(args, 'name');
    const asset = await withBookFile(requireFlag(args, 'book'), async (store) => {
      const held = (await store.all('fixedAssets')).filter((a) => a.deleted === 0 && !a.disposedDate && a.name === name);
      if (held.length === 0) throw new BookError(`没有名为“${name}”的在用固定资产`);
      if (held.length > 1) throw new BookError(`有 ${held.length} 项名为“${name}”的固定资产，请在应用中处置`);
      return disposeAsset(store, held[0]!.id, requireFlag(args, 'date'), requireFlag(args, 'reason'));
    });
    io.out(`已处置固定资产：${asset.name}，${asset.disposedDate}（${asset.disposalReason}）`);
    return EXIT.ok;
  },
};

export const ledgerCommands: readonly Command[] = [booksAllocationCommand, booksPayUpwardCommand, assetsAddCommand, assetsDisposeCommand];
