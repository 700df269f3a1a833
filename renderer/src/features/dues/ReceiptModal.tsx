import { PrinterOutlined } from '@ant-design/icons';
import { Button, Modal } from 'antd';
import type { DuesReceipt } from '../../../../shared/dues/receipt';
import './receipt.css';

/** 会费收据 on screen and on paper: 打印 prints only the receipt (see receipt.css). */
export function ReceiptModal({ receipt, onClose }: { receipt: DuesReceipt | null; onClose: () => void }) {
  return (
    <Modal
      open={receipt !== null}
      title="会费收据"
      width={680}
      onCancel={onClose}
      footer={[
        <Button key="close" onClick={onClose}>
          关闭
        </Button>,
        <Button key="print" type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印
        </Button>,
      ]}
    >
      {receipt && <ReceiptSheet receipt={receipt} />}
    </Modal>
  );
}

export function ReceiptSheet({ receipt }: { receipt: DuesReceipt }) {
  return (
    <div className="dues-receipt" data-testid="dues-receipt">
      <div className="dues-receipt-title">工会会费收据</div>
      <div className="dues-receipt-meta">
        <span>{receipt.paidDateText}</span>
        <span>No. {receipt.receiptNumber}</span>
      </div>
      <table>
        <tbody>
          <tr>
            <th>交款人</th>
            <td>{receipt.memberName}</td>
            <th>部门</th>
            <td>{receipt.department}</td>
          </tr>
          <tr>
            <th>收款事由</th>
            <td colSpan={3}>{receipt.monthsText}工会会费</td>
          </tr>
          <tr>
            <th>金额（大写）</th>
            <td colSpan={3} className="dues-receipt-capitals">
              {receipt.amountCapitals}
            </td>
          </tr>
          <tr>
            <th>金额（小写）</th>
            <td>{receipt.amountFigures}</td>
            <th>缴费方式</th>
            <td>{receipt.method}</td>
          </tr>
        </tbody>
      </table>
      <div className="dues-receipt-sign">
        <span>收款单位（盖章）：{receipt.unionName}</span>
        <span>收款人：{receipt.payee}</span>
      </div>
    </div>
  );
}
