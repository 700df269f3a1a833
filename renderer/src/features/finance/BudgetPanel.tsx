import { App, Button, Form, Popconfirm, Progress, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { budgetExecution, formatRate, type BudgetExecution } from '../../../../shared/finance/budgets';
import { formatYuan } from '../../../../shared/money/fen';
import type { Budget, Transaction } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { AccountPicker } from './AccountPicker';
import { useSubmit } from '../../components/useSubmit';
import { YuanInput, yuanRule, yuanToFen } from '../../components/YuanInput';
import { removeBudget, setBudget } from '../../../../shared/engine/ops/periods';

/** Budgets per account for the year, with 执行率 (a budget on a parent account covers its sub-accounts). */
export function BudgetPanel({
  year,
  budgets,
  transactions,
}: {
  year: number;
  budgets: readonly Budget[];
  transactions: readonly Transaction[];
}) {
  const { store } = useServices();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ accountCode: string; amount: string }>();
  const rows = useMemo(() => budgetExecution(budgets, transactions, year), [budgets, transactions, year]);
  const saving = useSubmit({ form, fields: { amountFen: 'amount' } });
  const removing = useSubmit();

  async function save(v: { accountCode: string; amount: string }) {
    await setBudget(store, year, v.accountCode, yuanToFen(v.amount));
    message.success('预算已保存');
    form.resetFields();
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Form form={form} layout="inline">
        <Form.Item name="accountCode" label="科目" rules={[{ required: true, message: '请选择科目' }]}>
          <AccountPicker postableOnly={false} style={{ width: 260 }} />
        </Form.Item>
        <Form.Item name="amount" label={`${year}年预算`} required rules={[yuanRule('预算金额')]}>
          <YuanInput style={{ width: 150 }} />
        </Form.Item>
        <Button type="primary" loading={saving.busy} onClick={() => void saving.submit(save)}>
          保存预算
        </Button>
      </Form>
      <Typography.Text type="secondary">同一科目再次保存即修改。执行率 = 实际发生额 ÷ 预算。</Typography.Text>
      <Table<BudgetExecution>
        size="small"
        rowKey={(r) => r.budget.id}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: `${year}年还没有预算` }}
        columns={[
          { title: '科目', render: (_, r) => r.label },
          { title: '预算', align: 'right', render: (_, r) => formatYuan(r.budget.amountFen) },
          { title: '实际', align: 'right', render: (_, r) => formatYuan(r.actualFen) },
          { title: '余额', align: 'right', render: (_, r) => formatYuan(r.remainingFen) },
          {
            title: '执行率',
            width: 220,
            render: (_, r) => (
              <Space>
                <Progress
                  percent={Math.min(100, Math.round((r.rate ?? 0) * 100))}
                  size="small"
                  showInfo={false}
                  status={(r.rate ?? 0) > 1 ? 'exception' : 'normal'}
                  style={{ width: 110 }}
                />
                <span>{formatRate(r.rate)}</span>
              </Space>
            ),
          },
          {
            title: '',
            width: 70,
            render: (_, r) => (
              <Popconfirm
                title={`删除 ${r.label} 的预算？`}
                okText="删除"
                cancelText="取消"
                onConfirm={() => removing.submit(() => removeBudget(store, r.budget.id))}
              >
                <Button type="link" size="small" danger>
                  删除
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Space>
  );
}
