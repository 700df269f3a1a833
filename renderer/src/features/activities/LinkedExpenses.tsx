import { Alert, App, Button, DatePicker, Form, Input, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { accountLabel } from '../../../../shared/accounts/chart';
import { CATEGORY_ACCOUNT, DEFAULT_PLACE } from '../../../../shared/activities/categories';
import { todayIso } from '../../../../shared/clock/today';
import { negativeCashMessage } from '../../../../shared/engine/rules/cash';
import { formatYuan } from '../../../../shared/money/fen';
import type { Activity, MoneyPlace } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { confirmLargeAmount } from '../../components/confirm';
import { afterToday } from '../../components/dates';
import { useSubmit } from '../../components/useSubmit';
import { YuanInput, yuanRule, yuanToFen } from '../../components/YuanInput';
import { EXPENSE_ACCOUNT_OPTIONS } from './expense-accounts';
import { addActivityExpense } from '../../../../shared/engine/ops/activities';
import { useCashShortfall } from '../finance/useCashShortfall';
import { useActivityTransactions } from './queries';

interface ExpenseForm {
  date: Dayjs;
  amount: string;
  accountCode: string;
  place: MoneyPlace;
  summary: string;
}

export const PLACE_OPTIONS = [
  { value: 'bank', label: '银行存款' },
  { value: 'cash', label: '库存现金' },
];

/** The activity's expenses in 收支, and a short form to book another one (posted through 收支's own rules). */
export function LinkedExpenses({ activity }: { activity: Activity }) {
  const { store } = useServices();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<ExpenseForm>();
  const saving = useSubmit({ form, fields: { amountFen: 'amount' } });
  const today = todayIso();
  const draft = Form.useWatch([], form) as Partial<ExpenseForm> | undefined;
  const shortfall = useCashShortfall({
    date: draft?.date?.format('YYYY-MM-DD') ?? '',
    place: draft?.place ?? 'bank',
    accountCode: draft?.accountCode ?? '',
    amountFen: yuanToFen(draft?.amount),
  });
  const rows = useActivityTransactions(activity.id);
  const total = (rows ?? []).reduce((s, t) => s + t.amountFen, 0);

  const add = async (v: ExpenseForm) => {
    const amountFen = yuanToFen(v.amount) ?? Number.NaN;
    const options = await confirmLargeAmount(modal, '支出金额', amountFen);
    if (!options) return false;
    await addActivityExpense(
      store,
      activity.id,
      {
        date: v.date.format('YYYY-MM-DD'),
        place: v.place,
        accountCode: v.accountCode,
        amountFen,
        summary: v.summary?.trim() || `${activity.title}费用`,
      },
      options,
    );
    message.success('支出已记入收支');
    form.resetFields(['amount', 'summary']);
  };

  return (
    <div data-testid="linked-expenses">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows ?? []}
        loading={!rows}
        locale={{ emptyText: '尚无关联支出' }}
        columns={[
          { title: '凭证号', dataIndex: 'voucherNumber', width: 80 },
          { title: '日期', dataIndex: 'date', width: 100 },
          { title: '科目', dataIndex: 'accountCode', render: (c: string) => accountLabel(c) },
          { title: '摘要', dataIndex: 'summary' },
          { title: '金额（元）', dataIndex: 'amountFen', align: 'right', render: (f: number) => formatYuan(f) },
        ]}
        summary={() =>
          rows && rows.length > 0 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={4}>
                合计
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <Typography.Text strong data-testid="linked-expenses-total">
                  {formatYuan(total)}
                </Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
      <Form
        form={form}
        layout="inline"
        style={{ marginTop: 12, rowGap: 8 }}
        initialValues={{
          // Money is booked when it is paid: a planned activity's expense is dated today at the latest.
          date: dayjs(activity.startDate > today ? today : activity.startDate),
          accountCode: CATEGORY_ACCOUNT[activity.category] ?? '50106',
          place: DEFAULT_PLACE,
          summary: '',
        }}
      >
        <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker allowClear={false} disabledDate={afterToday} style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="amount" label="支出金额" required rules={[yuanRule('支出金额')]}>
          <YuanInput style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="accountCode" label="科目">
          <Select options={EXPENSE_ACCOUNT_OPTIONS} showSearch={{ optionFilterProp: 'label' }} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="place" label="付款">
          <Select options={PLACE_OPTIONS} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="summary" label="摘要">
          <Input placeholder={`${activity.title}费用`} style={{ width: 200 }} />
        </Form.Item>
        <Button loading={saving.busy} onClick={() => void saving.submit(add)}>
          记一笔支出
        </Button>
      </Form>
      {shortfall && (
        <Alert type="warning" showIcon data-testid="cash-warning" title={negativeCashMessage(shortfall)} style={{ marginTop: 12 }} />
      )}
    </div>
  );
}
