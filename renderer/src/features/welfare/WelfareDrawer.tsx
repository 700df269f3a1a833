import { Alert, App, Button, DatePicker, Drawer, Form, Input, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { negativeCashMessage } from '../../../../shared/engine/rules/cash';
import { useEffect } from 'react';
import { checkVisit } from '../../../../shared/limits/check';
import { resolvePreset } from '../../../../shared/limits/presets';
import { formatYuan } from '../../../../shared/money/fen';
import type { MoneyPlace, UnionProfile, WelfareKind, WelfareVisit } from '../../../../shared/model/records';
import { WELFARE_KINDS, WELFARE_SUBKINDS, welfareAccount } from '../../../../shared/welfare/kinds';
import { FORM_LABELS } from '../../../../shared/welfare/summary';
import { useServices } from '../../app/services';
import { confirmAsync, confirmLargeAmount } from '../../components/confirm';
import { afterToday } from '../../components/dates';
import { useSubmit } from '../../components/useSubmit';
import { YuanInput, yuanRule, yuanToFen } from '../../components/YuanInput';
import { MemberSelect } from '../activities/MemberSelect';
import { useCashShortfall } from '../finance/useCashShortfall';
import { useRoster } from '../activities/queries';
import { LimitWarnings } from './LimitWarnings';
import { createWelfare, updateWelfare, type WelfareInput } from '../../../../shared/engine/ops/welfare';
import { loadLimitContext, useLimitWarnings } from './queries';
import { useGuardedClose } from '../../components/unsaved/useGuardedClose';
import { saveOnEnter } from '../../components/enter-submit';

interface FormValues {
  memberId: string;
  kind: WelfareKind;
  subKind?: string;
  date: Dayjs;
  form: WelfareVisit['form'];
  /** As typed; empty means no money (goods of no recorded value). */
  amount: string | null;
  place: MoneyPlace;
  note?: string;
}

/** `amountFen` is NaN for text that is not an amount, so the engine names the field instead of guessing. */
function toInput(v: FormValues): WelfareInput {
  const typed = v.amount?.trim() ?? '';
  return {
    memberId: v.memberId,
    kind: v.kind,
    subKind: WELFARE_SUBKINDS[v.kind] ? (v.subKind ?? '') : '',
    date: v.date.format('YYYY-MM-DD'),
    form: v.form ?? 'goods',
    amountFen: typed === '' ? 0 : (yuanToFen(typed) ?? Number.NaN),
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
  const saving = useSubmit({ form, fields: { amountFen: 'amount' }, session: open && (visit?.id ?? 'new') });
  const requestClose = useGuardedClose({ open, form, save: () => saving.submit(save), close: onClose });
  const roster = useRoster();
  const kind = Form.useWatch('kind', form);
  const paidIn = Form.useWatch('form', form);
  const subKinds = kind ? WELFARE_SUBKINDS[kind] : undefined;
  const watched = Form.useWatch([], form) as Partial<FormValues> | undefined;
  const typed = watched?.memberId && watched.kind && watched.date ? toInput(watched as FormValues) : null;
  // The live limit check reads only amounts that are complete; the engine judges the rest on saving.
  const draft = typed && { ...typed, amountFen: Number.isSafeInteger(typed.amountFen) && typed.amountFen > 0 ? typed.amountFen : 0 };
  const memberName = roster?.find((m) => m.id === draft?.memberId)?.name;
  const liveWarnings = useLimitWarnings(draft && { ...draft, id: visit?.id }, union, memberName);
  const paidBy = visit?.transactionId;
  const expense = useLiveQuery(async () => (paidBy ? await db.transactions.get(paidBy) : undefined), [db, paidBy]);
  const shortfall = useCashShortfall(
    {
      date: typed?.date ?? '',
      place: watched?.place ?? 'cash',
      accountCode: kind ? welfareAccount(kind) : '',
      amountFen: typed?.amountFen ?? null,
    },
    expense,
  );

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (visit)
      form.setFieldsValue({
        ...visit,
        date: dayjs(visit.date),
        amount: visit.amountFen ? formatYuan(visit.amountFen, { grouping: false }) : null,
        place: place ?? 'bank',
      });
    else form.setFieldsValue({ kind: '住院', subKind: '无手术', date: dayjs(), form: 'cash', place: 'cash', amount: null });
  }, [open, visit, place, form]);

  const save = async (v: FormValues) => {
    const input = toInput(v);
    const preset = resolvePreset(union.spendingPreset, union.spendingLimits);
    const ctx = await loadLimitContext(db, v.date.year());
    const warnings = checkVisit({ ...input, id: visit?.id }, ctx.visits, preset, { budgets: ctx.budgets, memberName });
    if (
      warnings.length > 0 &&
      !(await confirmAsync(modal, {
        title: `超出开支标准（${preset.name}）`,
        width: 560,
        content: <LimitWarnings warnings={warnings} />,
        okText: '仍然保存',
      }))
    )
      return false;
    const options = await confirmLargeAmount(modal, '金额', input.amountFen);
    if (!options) return false;
    if (visit) await updateWelfare(store, visit.id, input, v.place, options);
    else await createWelfare(store, input, v.place, options);
    message.success(input.amountFen > 0 ? '慰问已保存，支出已同步记入收支' : '慰问已保存');
    onClose();
  };

  return (
    <Drawer
      title={visit ? '编辑慰问' : '登记慰问'}
      open={open}
      onClose={requestClose}
      size={560}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={requestClose}>取消</Button>
          <Button type="primary" loading={saving.busy} onClick={() => void saving.submit(save)}>
            保存
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onKeyDown={saveOnEnter(() => saving.submit(save))}>
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
            <DatePicker allowClear={false} disabledDate={afterToday} />
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
          <Form.Item
            name="amount"
            label={paidIn === 'goods' ? '物品价值' : '金额'}
            extra="填写后同步记入收支"
            rules={[yuanRule(paidIn === 'goods' ? '物品价值' : '金额', false)]}
          >
            <YuanInput style={{ width: 180 }} />
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
        {shortfall && (
          <Alert type="warning" showIcon data-testid="cash-warning" title={negativeCashMessage(shortfall)} style={{ marginBottom: 16 }} />
        )}
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={3} />
        </Form.Item>
        {liveWarnings && liveWarnings.length > 0 && <LimitWarnings warnings={liveWarnings} />}
      </Form>
    </Drawer>
  );
}
