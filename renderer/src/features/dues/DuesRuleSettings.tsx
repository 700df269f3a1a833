import { Alert, App, Button, Card, Descriptions, Form, InputNumber, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { DEFAULT_DUES_RULE, describeDuesRule, monthlyDues } from '../../../../shared/dues/rule';
import { formatYuan } from '../../../../shared/money/fen';
import type { DuesRule } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { updateUnion } from '../../../../shared/engine/ops/union';
import { useSubmit } from '../../components/useSubmit';
import { useUnion } from '../union/queries';
import { useUnsavedChanges } from '../../components/unsaved/useUnsavedChanges';

const FLOOR_OPTIONS = [
  { value: 1000, label: '不足 10 元的尾数不计（全国通行）' },
  { value: 100, label: '不足 1 元的尾数不计' },
  { value: 1, label: '按实际工资计算' },
];
const ROUNDING_OPTIONS: { value: DuesRule['rounding']; label: string }[] = [
  { value: 'fen', label: '计算到分' },
  { value: 'jiao-round', label: '四舍五入到角' },
  { value: 'jiao-floor', label: '舍去到角' },
  { value: 'jiao-ceil', label: '进到角' },
];
const EXAMPLES = [499_900, 500_000, 499_999, 1_234_567];

/** 会费标准 in 设置: rate, flooring and rounding are editable, because local 实施细则 differ; the rule is stated in words. */
export function DuesRuleSettings() {
  const union = useUnion();
  const { store } = useServices();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<DuesRule | null>(null);
  const saving = useSubmit();
  useUnsavedChanges(draft !== null && !!union && JSON.stringify(draft) !== JSON.stringify(union.duesRule), () => saving.submit(save));
  if (!union) return null;
  const rule = draft ?? union.duesRule;
  const changed = JSON.stringify(rule) !== JSON.stringify(union.duesRule);

  async function save() {
    if (!union) return;
    await updateUnion(store, union.id, { duesRule: rule });
    setDraft(null);
    message.success('会费标准已保存，之后的登记按新标准计算；已登记的会费不变。');
  }

  return (
    <Card title="会费标准">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert
          type="info"
          showIcon
          data-testid="dues-rule-text"
          title={describeDuesRule(rule)}
          description="默认按全总规定：会员每月按本人工资基数的 0.5% 交纳会费，工资尾数不足 10 元的不计。各地实施细则如有不同，以当地规定为准。"
        />
        <Form layout="inline">
          <Form.Item label="费率（%）">
            <InputNumber
              aria-label="费率"
              min={0.01}
              max={5}
              step={0.1}
              precision={2}
              value={rule.rateBasisPoints / 100}
              onChange={(v) => v !== null && setDraft({ ...rule, rateBasisPoints: Math.round(v * 100) })}
            />
          </Form.Item>
          <Form.Item label="工资尾数">
            <Select
              aria-label="工资尾数"
              style={{ width: 300 }}
              options={FLOOR_OPTIONS}
              value={rule.baseFloorFen}
              onChange={(v) => setDraft({ ...rule, baseFloorFen: v })}
            />
          </Form.Item>
          <Form.Item label="会费取整">
            <Select
              aria-label="会费取整"
              style={{ width: 150 }}
              options={ROUNDING_OPTIONS}
              value={rule.rounding}
              onChange={(v) => setDraft({ ...rule, rounding: v })}
            />
          </Form.Item>
        </Form>
        <Descriptions size="small" bordered column={4} title="按此标准计算示例">
          {EXAMPLES.map((base) => (
            <Descriptions.Item key={base} label={`工资 ${formatYuan(base)} 元`}>
              {formatYuan(monthlyDues(base, rule))} 元/月
            </Descriptions.Item>
          ))}
        </Descriptions>
        <Typography.Text type="secondary">退休、失业会员在此期间免缴；其他会员可在“会员”中经批准标记免缴并填写原因。</Typography.Text>
        <Space>
          <Button type="primary" disabled={!changed} loading={saving.busy} onClick={() => void saving.submit(save)}>
            保存
          </Button>
          <Button disabled={!changed} onClick={() => setDraft(null)}>
            撤销修改
          </Button>
          <Button onClick={() => setDraft({ ...DEFAULT_DUES_RULE })}>恢复全国默认标准</Button>
        </Space>
      </Space>
    </Card>
  );
}
