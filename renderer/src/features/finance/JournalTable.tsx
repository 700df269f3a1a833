import { LockOutlined } from '@ant-design/icons';
import { App, Input, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useMemo, useState, type CSSProperties } from 'react';
import { transferTarget, isTransfer } from '../../../../shared/finance/effect';
import { closedMonthMessage, isMonthClosed } from '../../../../shared/finance/closing';
import { PLACE_LABEL, type Journal, type JournalRow } from '../../../../shared/finance/journal';
import type { MonthClose, MoneyPlace, Transaction } from '../../../../shared/model/records';
import { useCellButtonStyles } from '../../components/cell-buttons';
import { VirtualTable, type VirtualColumn } from '../../components/VirtualTable';
import { AccountPicker } from './AccountPicker';
import { AttachmentsTag } from './AttachmentsTag';
import { amountText } from './format';
import { Money } from './Money';
import { readOnlyReason } from './read-only';

interface Filters {
  month: number | 0;
  place: MoneyPlace | '';
  account: string;
  text: string;
}

export interface JournalTableProps {
  journal: Journal;
  closes: readonly MonthClose[];
  /** Each live reversal keyed by the entry it reverses (across years). */
  reversals: ReadonlyMap<string, Transaction>;
  onEdit: (t: Transaction) => void;
  onReverse: (t: Transaction) => void;
}

const SHORT_PLACE: Record<MoneyPlace, string> = { cash: '现金', bank: '银行' };
const MONTH_OPTIONS = [{ value: 0, label: '全年' }, ...Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }))];

/** 提现 brings money into the cash box, 存现 takes it to the bank. */
export function transferLabel(t: Transaction): string {
  return transferTarget(t.accountCode) === 'cash' ? '提现' : '存现';
}

/**
 * 收支明细账 on screen: filters, 余额 of cash or bank, and the 修改 / 红字冲销 actions. A transfer
 * shows in both the cash and the bank view; a settled or another page's entry is read-only, and
 * says why. Virtualised, so a year of 20,000 entries scrolls as smoothly as one of 200.
 */
export function JournalTable({ journal, closes, reversals, onEdit, onReverse }: JournalTableProps) {
  const { message } = App.useApp();
  const [f, setF] = useState<Filters>({ month: 0, place: '', account: '', text: '' });
  const rows = useMemo(() => {
    const monthKey = f.month ? `${journal.year}-${String(f.month).padStart(2, '0')}` : '';
    const text = f.text.trim();
    return journal.rows.filter((r) => {
      const t = r.transaction;
      if (monthKey && !t.date.startsWith(monthKey)) return false;
      if (f.place === 'cash' && r.cashFen === 0) return false;
      if (f.place === 'bank' && r.bankFen === 0) return false;
      if (f.account && !t.accountCode.startsWith(f.account)) return false;
      return !text || t.summary.includes(text) || t.voucherNumber.includes(text) || r.accountLabel.includes(text);
    });
  }, [journal, f]);

  const edit = useCallback(
    (t: Transaction) => {
      // Checked here too so the user learns at once, not after filling the form; the engine refuses anyway.
      if (isMonthClosed(closes, t.date)) message.error(closedMonthMessage(t.date));
      else onEdit(t);
    },
    [closes, onEdit, message],
  );
  const styles = useCellButtonStyles();
  const columns = useMemo<VirtualColumn<JournalRow>[]>(() => {
    const balanceOf = (r: JournalRow) =>
      f.place === 'cash' ? r.cashBalanceFen : f.place === 'bank' ? r.bankBalanceFen : r.placeBalanceFen;
    return [
      { key: 'date', title: '日期', width: 104, render: (r) => r.transaction.date },
      { key: 'voucher', title: '凭证号', width: 80, render: (r) => r.transaction.voucherNumber },
      {
        key: 'summary',
        title: '摘要',
        width: 230,
        render: (r) => (
          <Space size={4}>
            <span style={r.transaction.amountFen < 0 ? styles.danger : undefined}>{r.transaction.summary}</span>
            {isTransfer(r.transaction) && <Tag color="blue">{transferLabel(r.transaction)}</Tag>}
            {r.transaction.reversalOf && <Tag color="red">红字</Tag>}
            {reversals.has(r.transaction.id) && <Tag>已冲销</Tag>}
            <AttachmentsTag ids={r.transaction.attachmentIds} />
          </Space>
        ),
      },
      { key: 'account', title: '科目', width: 170, ellipsis: true, render: (r) => r.accountLabel },
      {
        key: 'place',
        title: '资金',
        width: 84,
        render: (r) =>
          isTransfer(r.transaction)
            ? `${SHORT_PLACE[r.transaction.place]}→${SHORT_PLACE[transferTarget(r.transaction.accountCode)]}`
            : PLACE_LABEL[r.transaction.place],
      },
      {
        key: 'income',
        title: '收入',
        width: 110,
        align: 'right',
        // A transfer is neither income nor spending: its amount spans both columns, marked as a move.
        spansNext: (r) => isTransfer(r.transaction),
        render: (r) =>
          isTransfer(r.transaction) ? (
            <Typography.Text type="secondary" data-testid="transfer-amount">
              转账 <Money fen={r.transaction.amountFen} />
            </Typography.Text>
          ) : (
            amountText(r.incomeFen)
          ),
      },
      { key: 'expense', title: '支出', width: 110, align: 'right', render: (r) => amountText(r.expenseFen) },
      {
        key: 'balance',
        title: f.place ? `${PLACE_LABEL[f.place]}余额` : '余额',
        width: 120,
        align: 'right',
        // Both journals move with a transfer: the mixed view shows each balance after it, by name, in two small lines.
        render: (r) =>
          !f.place && isTransfer(r.transaction) ? (
            <span data-testid="transfer-balances" style={TWO_LINES}>
              {(['cash', 'bank'] as const).map((place) => (
                <span key={place}>
                  <Typography.Text type="secondary">{SHORT_PLACE[place]} </Typography.Text>
                  <Money fen={place === 'cash' ? r.cashBalanceFen : r.bankBalanceFen} />
                </span>
              ))}
            </span>
          ) : (
            <Money fen={balanceOf(r)} />
          ),
      },
      {
        key: 'actions',
        title: '操作',
        width: 110,
        fixed: 'right',
        render: (r) => {
          const t = r.transaction;
          const locked = readOnlyReason(t, reversals);
          if (locked) return <ReadOnlyMark reason={locked} />;
          return (
            <Space size={12}>
              <button type="button" style={styles.link} onClick={() => edit(t)}>
                修改
              </button>
              <button type="button" style={styles.danger} onClick={() => onReverse(t)}>
                冲销
              </button>
            </Space>
          );
        },
      },
    ];
  }, [f.place, reversals, styles, edit, onReverse]);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          aria-label="月份"
          style={{ width: 100 }}
          value={f.month}
          options={MONTH_OPTIONS}
          onChange={(month) => setF({ ...f, month })}
        />
        <Select
          aria-label="资金"
          style={{ width: 130 }}
          value={f.place}
          options={[
            { value: '', label: '现金和银行' },
            { value: 'cash', label: '库存现金' },
            { value: 'bank', label: '银行存款' },
          ]}
          onChange={(place) => setF({ ...f, place })}
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
        <Typography.Text type="secondary">共 {rows.length} 笔</Typography.Text>
      </Space>
      <VirtualTable<JournalRow>
        className="print-target"
        label="收支明细账"
        rows={rows}
        rowKey={(r) => r.transaction.id}
        columns={columns}
        height={560}
        data-testid="journal-table"
        empty="没有符合条件的记录"
      />
    </Space>
  );
}

const TWO_LINES: CSSProperties = { display: 'flex', flexDirection: 'column', alignItems: 'flex-end', fontSize: 12, lineHeight: '16px' };

/**
 * 只读, with the reason on hover or focus. The tooltip is made only when first wanted: thousands of
 * read-only rows (every dues entry) scroll past, and a Tooltip in each would slow every scroll step.
 */
function ReadOnlyMark({ reason }: { reason: string }) {
  const [wanted, setWanted] = useState(false);
  const mark = (
    <Tag
      icon={<LockOutlined />}
      data-testid="read-only"
      tabIndex={0}
      aria-label={`只读：${reason}`}
      onMouseEnter={() => setWanted(true)}
      onFocus={() => setWanted(true)}
    >
      只读
    </Tag>
  );
  return wanted ? (
    <Tooltip title={reason} defaultOpen>
      {mark}
    </Tooltip>
  ) : (
    mark
  );
}
