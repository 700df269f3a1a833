import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { registerAsset } from '../../../../shared/engine/ops/assets';
import { defaultCategory, offersAssetRegistration } from '../../../../shared/finance/fixed-assets';
import { formatYuan, parseYuan } from '../../../../shared/money/fen';
import type { FixedAssetCategory } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { useSubmit } from '../../components/useSubmit';
import { useGuardedClose } from '../../components/unsaved/useGuardedClose';

interface Values {
  transactionId: string;
  name: string;
  category: FixedAssetCategory;
  value: string;
  location: string;
  keeper: string;
}

/** 登记固定资产 from a 资本性支出 of the year that reaches the threshold and is not registered in full yet. */
export function RegisterAssetModal({ year, open, onClose }: { year: number; open: boolean; onClose: () => void }) {
  const { db, store } = useServices();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const submit = useSubmit({ form, session: open, fields: { valueFen: 'value', acquiredDate: 'transactionId' } });
  const requestClose = useGuardedClose({ open, form, close: onClose });
  const candidates = useLiveQuery(async () => {
    const [entries, assets] = await Promise.all([
      db.transactions.where('date').between(`${year}-01-01`, `${year}-12-31`, true, true).toArray(),
      db.fixedAssets.toArray(),
    ]);
    const registered = new Map<string, number>();
    for (const a of assets) if (a.deleted === 0) registered.set(a.transactionId, (registered.get(a.transactionId) ?? 0) + a.valueFen);
    return entries.filter(
      (t) =>
        t.deleted === 0 &&
        !t.reversalOf &&
        offersAssetRegistration(t.accountCode, t.amountFen) &&
        (registered.get(t.id) ?? 0) < t.amountFen,
    );
  }, [db, year]);
  return (
    <Modal
      open={open}
      title="登记固定资产"
      okText="登记"
      cancelText="取消"
      confirmLoading={submit.busy}
      onCancel={requestClose}
      destroyOnHidden
      onOk={() =>
        submit.submit<Values>(async (v) => {
          const tx = candidates?.find((t) => t.id === v.transactionId);
          const asset = await registerAsset(store, {
            name: v.name,
            category: v.category,
            acquiredDate: tx?.date ?? '',
            valueFen: parseYuan(v.value) ?? Number.NaN,
            location: v.location ?? '',
            keeper: v.keeper ?? '',
            transactionId: v.transactionId,
          });
          message.success(`已登记固定资产：${asset.name}`);
          onClose();
        })
      }
    >
      <Form form={form} layout="vertical" initialValues={{ category: 'general' }}>
        <Form.Item name="transactionId" label="购置支出" rules={[{ required: true, message: '请选择对应的资本性支出' }]}>
          <Select
            notFoundContent={`${year}年没有待登记的资本性支出（一般设备 1,000 元、专用设备 1,500 元以上）`}
            options={(candidates ?? []).map((t) => ({
              value: t.id,
              label: `${t.voucherNumber} ${t.date} ${t.summary} ${formatYuan(t.amountFen)} 元`,
            }))}
            onChange={(id: string) => {
              const t = candidates?.find((c) => c.id === id);
              if (t)
                form.setFieldsValue({
                  name: t.summary,
                  value: formatYuan(t.amountFen).replace(/,/g, ''),
                  category: defaultCategory(t.accountCode),
                });
            }}
          />
        </Form.Item>
        <Form.Item name="name" label="资产名称" rules={[{ required: true, message: '请填写资产名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="category" label="资产类别">
          <Radio.Group
            options={[
              { value: 'general', label: '一般设备' },
              { value: 'special', label: '专用设备' },
            ]}
          />
        </Form.Item>
        <Form.Item name="value" label="原值（元）" rules={[{ required: true, message: '请填写原值' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="location" label="存放地点">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="keeper" label="保管人">
          <Input maxLength={60} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
