import { Button, Space, Table } from 'antd';
import { formatYuan } from '../../../../shared/money/fen';
import type { Transaction, WelfareVisit } from '../../../../shared/model/records';
import { FORM_LABELS } from '../../../../shared/welfare/summary';

interface Props {
  visits: readonly WelfareVisit[];
  names: Map<string, string>;
  linked: Map<string, Transaction> | undefined;
  onEdit: (visit: WelfareVisit) => void;
  onReverse: (visit: WelfareVisit) => void;
}

export function WelfareTable({ visits, names, linked, onEdit, onReverse }: Props) {
  return (
    <Table
      rowKey="id"
      size="middle"
      dataSource={visits as WelfareVisit[]}
      pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => `共 ${n} 条` }}
      // On a narrow screen the table scrolls sideways rather than squeezing 备注 to one character a line.
      scroll={{ x: 'max-content' }}
      columns={[
        { title: '日期', dataIndex: 'date', width: 110 },
        { title: '会员', dataIndex: 'memberId', width: 110, render: (id: string) => names.get(id) ?? '（已删除）' },
        { title: '类别', dataIndex: 'kind', width: 160, render: (k: string, v) => (v.subKind ? `${k}（${v.subKind}）` : k) },
        { title: '形式', dataIndex: 'form', width: 80, render: (f: WelfareVisit['form']) => FORM_LABELS[f] },
        { title: '金额（元）', dataIndex: 'amountFen', width: 110, align: 'right', render: (f: number) => formatYuan(f) },
        { title: '凭证号', dataIndex: 'transactionId', width: 90, render: (id: string) => linked?.get(id)?.voucherNumber ?? '' },
        { title: '备注', dataIndex: 'note', width: 180, ellipsis: { showTitle: true } },
        {
          title: '操作',
          key: 'actions',
          fixed: 'right',
          width: 120,
          render: (_, v) => (
            <Space size={0}>
              <Button type="link" size="small" onClick={() => onEdit(v)}>
                编辑
              </Button>
              <Button type="link" size="small" danger onClick={() => onReverse(v)}>
                撤销
              </Button>
            </Space>
          ),
        },
      ]}
    />
  );
}
