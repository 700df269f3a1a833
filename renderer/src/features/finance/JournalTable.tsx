import { App, Input, Segmented, Select, Space, theme, Tooltip, Typography } from 'antd';
import { useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { transferTarget, isTransfer } from '../../../../shared/finance/effect';
import { closedMonthMessage, isMonthClosed } from '../../../../shared/finance/closing';
import { PLACE_LABEL, type Journal, type JournalRow } from '../../../../shared/finance/journal';
import { placeJournal, type PlaceJournal } from '../../../../shared/finance/place-journal';
import { monthLabel } from '../../../../shared/finance/period';
import type { Fen, MonthClose, MoneyPlace, Transaction } from '../../../../shared/model/records';
import { formatYuan } from '../../../../shared/money/fen';
import { CELL_BUTTON, CELL_DANGER_TEXT, CELL_LAYOUT, useCellButtonCss } from '../../components/cell-buttons';
import { CELL_TAG, CELL_TAG_ICON, useCellTagCss } from '../../components/cell-tag';
import { focusNow } from '../../components/focus-now';
import { textWidth } from '../../components/text-width';
import { VirtualTable, type VirtualColumn } from '../../components/VirtualTable';
import { AccountPicker } from './AccountPicker';
import { AttachmentsTag } from './AttachmentsTag';
import { amountText } from './format';
import { Money } from './Money';
import { readOnlyReason } from './read-only';

interface Filters {
  month: number | 0;
  view: JournalView;
  account: string;
  text: string;
}

/** 收支明细账 (both places, a balance column for each), or the journal of one place with its own balance. */
export type JournalView = 'all' | MoneyPlace;

export interface JournalTableProps {
  journal: Journal;
  closes: readonly MonthClose[];
  /** Each live reversal keyed by the entry it reverses (across years). */
  reversals: ReadonlyMap<string, Transaction>;
  onEdit: (t: Transaction) => void;
  onReverse: (t: Transaction) => void;
}

/** A line of the table: an entry, or (in a place's journal) 上年结余, 本月合计 or 本年累计. */
type Line =
  | { kind: 'entry'; key: string; row: JournalRow; inFen: Fen; outFen: Fen; balanceFen: Fen }
  | { kind: 'total'; key: string; label: string; inFen: Fen | null; outFen: Fen | null; balanceFen: Fen };

const SHORT_PLACE: Record<MoneyPlace, string> = { cash: '现金', bank: '银行' };
const MONTH_OPTIONS = [{ value: 0, label: '全年' }, ...Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }))];
const VIEW_OPTIONS = [
  { value: 'all', label: '收支明细账' },
  { value: 'cash', label: '库存现金日记账' },
  { value: 'bank', label: '银行存款日记账' },
];

/** 提现 brings money into the cash box, 存现 takes it to the bank. */
export function transferLabel(t: Transaction): string {
  return transferTarget(t.accountCode) === 'cash' ? '提现' : '存现';
}

const lineKey = (l: Line) => l.key;

/**
 * The longest amount the journal can show in a money column (entries, balances, month and year
 * totals, 上年结余), as text. The money cells are not clipped, so a column too narrow for an amount
 * would let it run into the next column: the columns are made as wide as this needs.
 */
function longestAmount(journal: Journal, places: Record<MoneyPlace, PlaceJournal>): string {
  let high = 0;
  let low = 0;
  const see = (fen: Fen) => {
    if (fen > high) high = fen;
    else if (fen < low) low = fen;
  };
  for (const r of journal.rows) {
    see(r.incomeFen);
    see(r.expenseFen);
    see(r.cashBalanceFen);
    see(r.bankBalanceFen);
  }
  for (const j of [places.cash, places.bank]) {
    see(j.openingFen);
    for (const r of j.rows) see(r.balanceFen);
    for (const m of j.months) [m.inFen, m.outFen, m.yearInFen, m.yearOutFen, m.balanceFen].forEach(see);
  }
  const [a, b] = [formatYuan(high), formatYuan(low)];
  return b.length > a.length ? b : a;
}

/** Whether an entry's 摘要 has a tag after it (提现/存现, 红字, 已冲销, 附件), or is red ink. */
function hasTags(r: JournalRow, reversals: ReadonlyMap<string, Transaction>): boolean {
  const t = r.transaction;
  return t.amountFen < 0 || isTransfer(t) || !!t.reversalOf || reversals.has(t.id) || t.attachmentIds.length > 0;
}

function entryLine(row: JournalRow, inFen: Fen, outFen: Fen, balanceFen: Fen): Line {
  return { kind: 'entry', key: row.transaction.id, row, inFen, outFen, balanceFen };
}

/**
 * A place's journal as a treasurer keeps it: 上年结余 first, 本月合计 and 本年累计 after each month.
 * The totals are shown only while no account or text filter hides lines, since they add every line.
 */
function placeLines(j: PlaceJournal, monthKey: string, keep: (r: JournalRow) => boolean, totals: boolean): Line[] {
  const out: Line[] = [];
  if (totals && !monthKey)
    out.push({ kind: 'total', key: 'opening', label: '上年结余', inFen: null, outFen: null, balanceFen: j.openingFen });
  const months = new Map(j.months.map((m) => [m.month, m]));
  j.rows.forEach((r, i) => {
    const month = r.row.transaction.date.slice(0, 7);
    if (monthKey && month !== monthKey) return;
    if (keep(r.row)) out.push(entryLine(r.row, r.inFen, r.outFen, r.balanceFen));
    const m = months.get(month);
    if (totals && m && j.rows[i + 1]?.row.transaction.date.slice(0, 7) !== month) {
      out.push({
        kind: 'total',
        key: `${month}-m`,
        label: `${monthLabel(month)} 本月合计`,
        inFen: m.inFen,
        outFen: m.outFen,
        balanceFen: m.balanceFen,
      });
      out.push({ kind: 'total', key: `${month}-y`, label: '本年累计', inFen: m.yearInFen, outFen: m.yearOutFen, balanceFen: m.balanceFen });
    }
  });
  return out;
}

/**
 * 收支明细账 on screen, and the 库存现金日记账 and 银行存款日记账: filters, the balances, and the
 * 修改 / 红字冲销 actions. The combined view shows 现金余额 and 银行余额 side by side, never one
 * 余额 that jumps between them; a place's journal shows that place's balance only. A settled or
 * another page's entry is read-only, and says why. Virtualised, so a year of 20,000 entries
 * scrolls as smoothly as one of 200.
 */
export function JournalTable({ journal, closes, reversals, onEdit, onReverse }: JournalTableProps) {
  const { message } = App.useApp();
  const [f, setF] = useState<Filters>({ month: 0, view: 'all', account: '', text: '' });
  const places = useMemo(() => ({ cash: placeJournal(journal, 'cash'), bank: placeJournal(journal, 'bank') }), [journal]);
  const lines = useMemo((): Line[] => {
    const monthKey = f.month ? `${journal.year}-${String(f.month).padStart(2, '0')}` : '';
    const text = f.text.trim();
    const keep = (r: JournalRow) => {
      const t = r.transaction;
      if (f.account && !t.accountCode.startsWith(f.account)) return false;
      return !text || t.summary.includes(text) || t.voucherNumber.includes(text) || r.accountLabel.includes(text);
    };
    if (f.view !== 'all') return placeLines(places[f.view], monthKey, keep, !f.account && !text);
    return journal.rows
      .filter((r) => (!monthKey || r.transaction.date.startsWith(monthKey)) && keep(r))
      .map((r) => entryLine(r, r.incomeFen, r.expenseFen, r.totalBalanceFen));
  }, [journal, places, f]);
  const count = lines.filter((l) => l.kind === 'entry').length;
  const { token } = theme.useToken();
  // Totals are bold: measured bold, the widest an amount is drawn, plus the cell's padding.
  // Measured once per journal and theme, not at every render (each key typed in the search box renders the table).
  const [amountWidth, placeWidth] = useMemo(() => {
    const cellWidth = (text: string, weight: number | string = 'normal') =>
      Math.ceil(textWidth(text, `${weight} ${token.fontSize}px ${token.fontFamily}`, token.fontSize) + 2 * token.paddingXS + 2);
    // 资金's longest text is a transfer between the two places.
    return [cellWidth(longestAmount(journal, places), token.fontWeightStrong), cellWidth(`${SHORT_PLACE.bank}→${SHORT_PLACE.cash}`)];
  }, [journal, places, token]);

  // The row buttons call the latest handlers through this, so a page that passes new handlers on each
  // render does not make new columns, and so every row drawn again.
  const act = useRef({ edit: onEdit, reverse: onReverse });
  useLayoutEffect(() => {
    act.current = {
      edit: (t) => {
        // Checked here too so the user learns at once, not after filling the form; the engine refuses anyway.
        if (isMonthClosed(closes, t.date)) message.error(closedMonthMessage(t.date));
        else onEdit(t);
      },
      reverse: onReverse,
    };
  });
  useCellButtonCss();
  useCellTagCss();
  const columns = useMemo<VirtualColumn<Line>[]>(() => {
    const place = f.view === 'all' ? null : f.view;
    const entry =
      (
        render: (r: JournalRow, l: Extract<Line, { kind: 'entry' }>) => ReactNode,
        total: (l: Extract<Line, { kind: 'total' }>) => ReactNode = () => '',
      ) =>
      (l: Line) =>
        l.kind === 'entry' ? render(l.row, l) : total(l);
    const money = (fen: Fen | null) => (fen === null ? '' : <strong>{amountText(fen) || '0.00'}</strong>);
    const fit = (width: number) => Math.max(width, amountWidth);
    const balanceColumns: VirtualColumn<Line>[] = place
      ? [
          {
            key: 'balance',
            title: `${PLACE_LABEL[place]}余额`,
            width: fit(100),
            align: 'right',
            fixed: 'right',
            fits: true,
            render: (l) =>
              l.kind === 'entry' ? (
                <Money fen={l.balanceFen} />
              ) : (
                <strong>
                  <Money fen={l.balanceFen} />
                </strong>
              ),
          },
        ]
      : (['cash', 'bank'] as const).map((p) => ({
          key: `${p}-balance`,
          title: `${SHORT_PLACE[p]}余额`,
          width: fit(100),
          align: 'right' as const,
          fixed: 'right' as const,
          fits: true,
          render: entry((r) => {
            // A place the entry did not touch keeps its balance: shown quieter, so each row's own place stands out.
            const moved = p === 'cash' ? r.cashFen : r.bankFen;
            const fen = p === 'cash' ? r.cashBalanceFen : r.bankBalanceFen;
            return moved === 0 ? (
              <span className={CELL_LAYOUT.quiet}>
                <Money fen={fen} />
              </span>
            ) : (
              <Money fen={fen} />
            );
          }),
        }));
    return [
      { key: 'date', title: '日期', width: 92, fits: true, render: entry((r) => r.transaction.date) },
      { key: 'voucher', title: '凭证号', width: 64, render: entry((r) => r.transaction.voucherNumber) },
      {
        key: 'summary',
        title: '摘要',
        width: place ? 156 : 170,
        grow: true,
        // Most entries have no tag: their 摘要 is the cell's own text, cut by the cell (whole in its title).
        ellipsis: true,
        render: entry(
          (r) =>
            !hasTags(r, reversals) ? (
              r.transaction.summary
            ) : (
              // A long 摘要 is cut short before its tags are: 提现, 红字 and 附件 stay in view.
              <span className={CELL_LAYOUT.line}>
                <span
                  className={r.transaction.amountFen < 0 ? `${CELL_LAYOUT.cut} ${CELL_DANGER_TEXT}` : CELL_LAYOUT.cut}
                  title={r.transaction.summary}
                >
                  {r.transaction.summary}
                </span>
                {isTransfer(r.transaction) && <span className={CELL_TAG.blue}>{transferLabel(r.transaction)}</span>}
                {r.transaction.reversalOf && <span className={CELL_TAG.red}>红字</span>}
                {reversals.has(r.transaction.id) && <span className={CELL_TAG.default}>已冲销</span>}
                {r.transaction.attachmentIds.length > 0 && (
                  <AttachmentsTag transaction={r.transaction} closed={isMonthClosed(closes, r.transaction.date)} />
                )}
              </span>
            ),
          (l) => <strong>{l.label}</strong>,
        ),
      },
      {
        key: 'account',
        title: place ? '对方科目' : '科目',
        width: place ? 120 : 130,
        ellipsis: true,
        render: entry((r) => r.accountLabel),
      },
      ...(place
        ? []
        : [
            {
              key: 'place',
              title: '资金',
              width: Math.max(80, placeWidth),
              fits: true,
              render: entry((r) =>
                isTransfer(r.transaction)
                  ? `${SHORT_PLACE[r.transaction.place]}→${SHORT_PLACE[transferTarget(r.transaction.accountCode)]}`
                  : PLACE_LABEL[r.transaction.place],
              ),
            } satisfies VirtualColumn<Line>,
          ]),
      {
        key: 'income',
        title: '收入',
        width: fit(90),
        align: 'right',
        fits: true,
        // The money columns stay in view while 摘要 and 科目 scroll sideways on a small screen.
        fixed: 'right',
        // In the combined journal a transfer is neither income nor spending: its amount spans both columns, marked as a move.
        spansNext: (l) => !place && l.kind === 'entry' && isTransfer(l.row.transaction),
        render: entry(
          (r, l) =>
            !place && isTransfer(r.transaction) ? (
              <span className={CELL_LAYOUT.quiet} data-testid="transfer-amount">
                转账 <Money fen={r.transaction.amountFen} />
              </span>
            ) : (
              amountText(l.inFen)
            ),
          (l) => money(l.inFen),
        ),
      },
      {
        key: 'expense',
        title: '支出',
        width: fit(90),
        align: 'right',
        fixed: 'right',
        fits: true,
        render: entry(
          (_, l) => amountText(l.outFen),
          (l) => money(l.outFen),
        ),
      },
      ...balanceColumns,
      {
        key: 'actions',
        title: '操作',
        width: 88,
        fixed: 'right',
        fits: true,
        render: entry((r) => {
          const t = r.transaction;
          const locked = readOnlyReason(t, reversals);
          if (locked) return <ReadOnlyMark reason={locked} />;
          return (
            <>
              <button type="button" className={CELL_BUTTON.link} onClick={() => act.current.edit(t)}>
                修改
              </button>
              <button type="button" className={CELL_BUTTON.danger} onClick={() => act.current.reverse(t)}>
                冲销
              </button>
            </>
          );
        }),
      },
    ];
  }, [f.view, reversals, closes, amountWidth, placeWidth]);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Segmented<JournalView>
        aria-label="账页"
        value={f.view}
        options={VIEW_OPTIONS as { value: JournalView; label: string }[]}
        onChange={(view) => setF((prev) => ({ ...prev, view }))}
      />
      <Space wrap>
        <Select
          aria-label="月份"
          style={{ width: 100 }}
          value={f.month}
          options={MONTH_OPTIONS}
          onChange={(month) => setF({ ...f, month })}
        />
        <AccountPicker
          postableOnly={false}
          allowClear
          placeholder="全部科目"
          value={f.account}
          onChange={(account) => setF({ ...f, account })}
          style={{ width: 240 }}
        />
        <Input.Search
          aria-label="搜索"
          placeholder="摘要、凭证号、科目"
          allowClear
          style={{ width: 220 }}
          value={f.text}
          onChange={(e) => setF((prev) => ({ ...prev, text: e.target.value }))}
          onSearch={(text) => setF((prev) => ({ ...prev, text }))}
        />
        <Typography.Text type="secondary">共 {count} 笔</Typography.Text>
      </Space>
      <VirtualTable<Line>
        // Another journal starts at its top, not where the last one was scrolled to.
        key={f.view}
        className="print-target"
        label={VIEW_OPTIONS.find((v) => v.value === f.view)!.label}
        rows={lines}
        rowKey={lineKey}
        columns={columns}
        height={560}
        data-testid="journal-table"
        empty="没有符合条件的记录"
      />
    </Space>
  );
}

/** As long as antd's Tooltip waits before it opens: a mark the wheel slides under the pointer is gone sooner. */
const HOVER_DELAY_MS = 100;

/**
 * 只读, with the reason on hover or focus: a plain element in antd's Tag look (`useCellTagCss`), its
 * Tooltip made only when first wanted. Thousands of read-only rows (every dues entry) scroll past,
 * and a Tag and Tooltip in each would slow every scroll step; a mark that only passes under a
 * resting pointer while the table scrolls makes none. A timer left by a mark that scrolled away
 * sets the state of an unmounted component, which React ignores: no effect per row to clear it.
 */
function ReadOnlyMark({ reason }: { reason: string }) {
  const [wanted, setWanted] = useState<'hover' | 'focus' | null>(null);
  const hover = useRef<ReturnType<typeof setTimeout>>(undefined);
  const mark = (
    <span
      className={`${CELL_TAG.default} ${CELL_TAG_ICON.lock}`}
      data-testid="read-only"
      tabIndex={0}
      aria-label={`只读：${reason}`}
      // The Tooltip makes the mark anew: one reached by the keyboard keeps its focus.
      ref={wanted === 'focus' ? focusNow : undefined}
      onMouseEnter={() => {
        hover.current = setTimeout(() => setWanted((w) => w ?? 'hover'), HOVER_DELAY_MS);
      }}
      onMouseLeave={() => clearTimeout(hover.current)}
      onFocus={() => setWanted((w) => w ?? 'focus')}
    >
      只读
    </span>
  );
  return wanted ? (
    <Tooltip title={reason} defaultOpen trigger={['hover', 'focus']}>
      {mark}
    </Tooltip>
  ) : (
    mark
  );
}
