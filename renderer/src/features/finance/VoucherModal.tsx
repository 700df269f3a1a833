import { Button, Descriptions, Modal, Space, Typography } from 'antd';
import { accountLabel } from '../../../../shared/accounts/chart';
import { closedMonthMessage, isMonthClosed } from '../../../../shared/finance/closing';
import { formatYuan } from '../../../../shared/money/fen';
import type { MonthClose, Transaction } from '../../../../shared/model/records';
import { readOnlyReason } from './read-only';

interface Props {
  voucher: Transaction | null;
  closes: readonly MonthClose[];
  reversals: ReadonlyMap<string, Transaction>;
  onClose: () => void;
  onEdit: (t: Transaction) => void;
  onReverse: (t: Transaction) => void;
}

/** One voucher as found by search: what it says, and 修改 or 冲销 where the books allow them. */
export function VoucherModal({ voucher, closes, reversals, onClose, onEdit, onReverse }: Props) {
  if (!voucher) return null;
  const locked = readOnlyReason(voucher, reversals) ?? (isMonthClosed(closes, voucher.date) ? closedMonthMessage(voucher.date) : null);
  return (
    <Modal
      open
      title={`凭证 ${voucher.voucherNumber}`}
      onCancel={onClose}
      footer={
        locked ? (
          <Button onClick={onClose}>关闭</Button>
        ) : (
          <Space>
            <Button danger onClick={() => onReverse(voucher)}>
              冲销
            </Button>
            <Button type="primary" onClick={() => onEdit(voucher)}>
              修改
            </Button>
          </Space>
        )
      }
    >
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="日期">{voucher.date}</Descriptions.Item>
        <Descriptions.Item label="摘要">{voucher.summary}</Descriptions.Item>
        <Descriptions.Item label="科目">{accountLabel(voucher.accountCode)}</Descriptions.Item>
        <Descriptions.Item label="金额">{formatYuan(voucher.amountFen)} 元</Descriptions.Item>
        <Descriptions.Item label="资金">{voucher.place === 'cash' ? '库存现金' : '银行存款'}</Descriptions.Item>
        <Descriptions.Item label="附单据">{voucher.attachmentIds.length} 张</Descriptions.Item>
      </Descriptions>
      {locked && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {locked}
        </Typography.Paragraph>
      )}
    </Modal>
  );
}
