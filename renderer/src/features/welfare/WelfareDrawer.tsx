import { App, Button, DatePicker, Drawer, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { checkVisit } from '../../../../shared/limits/check';
import { resolvePreset } from '../../../../shared/limits/presets';
import { parseYuan } from '../../../../shared/money/fen';
import type { MoneyPlace, UnionProfile, WelfareKind, WelfareVisit } from '../../../../shared/model/records';
import { WELFARE_KINDS, WELFARE_SUBKINDS } from '../../../../shared/welfare/kinds';
import { FORM_LABELS } from '../../../../shared/welfare/summary';
import { useServices } from '../../app/services';
import { MemberSelect } from '../activities/MemberSelect';
import { useRoster } from '../activities/queries';
import { LimitWarnings } from './LimitWarnings';
import { createWelfare, updateWelfare, type WelfareInput } from '../../../../shared/engine/ops/welfare';
import { loadLimitContext, useLimitWarnings } from './queries';

interface FormValues {
  memberId: string;
  kind: WelfareKind;
  subKind?: string;
  date: Dayjs;
  form: WelfareVisit['form'];
  amount: number | null;
  place: MoneyPlace;
  note?: string;
}

function toInput(v: FormValues): WelfareInput {
  return {
    memberId: v.memberId,
    kind: v.kind,
    subKind: WELFARE_SUBKINDS[v.kind] ? (v.subKind ?? '') : '',
    date: v.date.format('YYYY-MM-DD'),
    form: v.form ?? 'goods',
    amountFen: v.amount ? (parseYuan(v.amount) ?? 0) : 0,
    note: v.note?.trim() ?? '',
  };
}

interface Props {
  visit: WelfareVisit | null;
  /** Cash or bank of the visit's expense, when editing. */
  place: MoneyPlace | undefined;
  union: UnionProfile;
  open: boolean;
  onClose: () => void;
}

export function WelfareDrawer({ visit, place, union, open, onClose }: Props) {
  const { db, store } = useServices();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const roster = useRoster();
  const kind = Form.useWatch('kind', form);
  const paidIn = Form.useWatch('form', form);
  const subKinds = kind ? WELFARE_SUBKINDS[kind] : undefined;
  const watched = Form.useWatch([], form) as Partial<FormValues> | undefined;
  const draft = watched?.memberId && watched.kind && watched.date ? toInput(watched as FormValues) : null;
  const memberName = roster?.find((m) => m.id === draft?.memberId)?.name;
  const liveWarnings = useLimitWarnings(draft && { ...draft, id: visit?.id }, union, memberName);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (visit) form.setFieldsValue({ ...visit, date: dayjs(visit.date), amount: visit.amountFen / 100, place: place ?? 'bank' });
    else form.setFieldsValue({ kind: '住院', subKind: '无手术', date: dayjs(), form: 'cash', place: 'cash', amount: null });
  }, [open, visit, place, form]);

  const persist = async (input: WelfareInput, payFrom: MoneyPlace) => {
    try {
      if (visit) await updateWelfare(store, visit.id, input, payFrom);
      else await createWelfare(store, input, payFrom);
      message.success(input.amountFen > 0 ? '慰问已保存，支出已同步记入收支' : '慰问已保存');
      onClose();
    } catch (e) {
      modal.error({ title: '未能保存', content: e instanceof Error ? e.message : String(e) });
    }
  };

  const save = async (v: FormValues) => {
    const input = toInput(v);
    const preset = resolvePreset(union.spendingPreset, union.spendingLimits);
    const ctx = await loadLimitContext(db, v.date.year());
    const warnings = checkVisit({ ...input, id: visit?.id }, ctx.visits, preset, { budgets: ctx.budgets, memberName });
    if (warnings.length === 0) return persist(input, v.place);
    modal.confirm({
      title: `超出开支标准（${preset.name}）`,
      width: 560,
      content: <LimitWarnings warnings={warnings} />,
      okText: '仍然保存',
      cancelText: '返回修改',
      onOk: () => persist(input, v.place),
    });
  };

  return (
    <Drawer
      title={visit ? '编辑慰问' : '登记慰问'}
      open={open}
      onClose={onClose}
      size={560}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" onClick={() => form.submit()}>
            保存
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={save}>
        <Form.Item name="memberId" label="慰问会员" rules={[{ required: true, message: '请选择会员' }]}>
          <MemberSelect members={roster ?? []} />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="kind" label="慰问类别" rules={[{ required: true, message: '请选择类别' }]}>
            <Select
              options={WELFARE_KINDS.map((k) => ({ value: k, label: k }))}
              style={{ width: 150 }}
              onChange={(k: WelfareKind) => form.setFieldValue('subKind', WELFARE_SUBKINDS[k]?.[0])}
            />
          </Form.Item>
          {subKinds && (
            <Form.Item name="subKind" label="具体情形" rules={[{ required: true, message: '请选择具体情形' }]}>
              <Select options={subKinds.map((s) => ({ value: s, label: s }))} style={{ width: 150 }} />
            </Form.Item>
          )}
          <Form.Item name="date" label="慰问日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker allowClear={false} />
          </Form.Item>
        </Space>
        <Form.Item name="form" label="慰问形式">
          <Radio.Group
            optionType="button"
            options={(['cash', 'goods', 'shopping-card'] as const).map((f) => ({ value: f, label: FORM_LABELS[f] }))}
            onChange={(e) => form.setFieldValue('place', e.target.value === 'cash' ? 'cash' : 'bank')}
          />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="amount" label={paidIn === 'goods' ? '物品价值' : '金额'} extra="填写后同步记入收支">
            <InputNumber min={0} precision={2} style={{ width: 180 }} suffix="元" />
          </Form.Item>
          <Form.Item name="place" label="付款方式">
            <Select
              options={[
                { value: 'cash', label: '库存现金' },
                { value: 'bank', label: '银行存款' },
              ]}
              style={{ width: 130 }}
            />
          </Form.Item>
        </Space>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={3} />
        </Form.Item>
        {liveWarnings && liveWarnings.length > 0 && <LimitWarnings warnings={liveWarnings} />}
      </Form>
    </Drawer>
  );
}
