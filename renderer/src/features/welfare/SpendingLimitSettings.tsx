import { Alert, App, Button, Card, Descriptions, Flex, Radio, Typography } from 'antd';
import { useState } from 'react';
import { LOCAL_RULES_NOTE, resolvePreset, SPENDING_PRESETS, customPreset } from '../../../../shared/limits/presets';
import type { SpendingLimits } from '../../../../shared/limits/types';
import type { SpendingPresetId, UnionProfile } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { useSubmit } from '../../components/useSubmit';
import { updateUnion } from '../../../../shared/engine/ops/union';
import { CustomLimitsForm } from './CustomLimitsForm';
import { describeHoliday, EVENT_LIMIT_FIELDS, yuanText } from './limit-fields';
import { useUnsavedChanges } from '../../components/unsaved/useUnsavedChanges';

/** 设置 → 开支标准: pick a provincial preset or set the union's own values. Limits warn, never block. */
export function SpendingLimitSettings({ union }: { union: UnionProfile }) {
  const { store } = useServices();
  const { message } = App.useApp();
  const [presetId, setPresetId] = useState<SpendingPresetId>(union.spendingPreset);
  const [custom, setCustom] = useState<SpendingLimits>(() => customPreset(union.spendingLimits).limits);
  const preset = presetId === 'custom' ? customPreset(custom) : resolvePreset(presetId);
  const saving = useSubmit();
  const dirty =
    presetId !== union.spendingPreset ||
    (presetId === 'custom' && JSON.stringify(custom) !== JSON.stringify(customPreset(union.spendingLimits).limits));
  useUnsavedChanges(dirty, () => saving.submit(save));

  const save = async () => {
    await updateUnion(
      store,
      union.id,
      presetId === 'custom' ? { spendingPreset: presetId, spendingLimits: custom } : { spendingPreset: presetId },
    );
    message.success(`开支标准已设为“${preset.name}”`);
  };

  return (
    <Card title="慰问开支标准">
      <Flex vertical gap={16} style={{ maxWidth: 820 }}>
        <Alert
          type="info"
          showIcon
          title={LOCAL_RULES_NOTE}
          description="登记慰问时，超出标准或形式不符（如节日发放现金、购物卡）会给出提醒，但不阻止保存。"
        />
        <Radio.Group
          aria-label="开支标准"
          value={presetId}
          onChange={(e) => setPresetId(e.target.value as SpendingPresetId)}
          optionType="button"
          options={[...SPENDING_PRESETS.map((p) => ({ value: p.id, label: p.name })), { value: 'custom', label: '自定义' }]}
        />
        <Typography.Text data-testid="preset-source">
          来源：{preset.source}
          {preset.year ? `（${preset.year}年）` : ''}
        </Typography.Text>
        {presetId === 'custom' ? (
          <CustomLimitsForm value={custom} onChange={setCustom} />
        ) : (
          <Descriptions bordered size="small" column={2}>
            <Descriptions.Item label="节日慰问" span={2}>
              {describeHoliday(preset.limits.holiday)}
            </Descriptions.Item>
            {EVENT_LIMIT_FIELDS.map((f) => (
              <Descriptions.Item key={f.key} label={f.label}>
                {yuanText(preset.limits[f.key])}
              </Descriptions.Item>
            ))}
          </Descriptions>
        )}
        <div>
          <Button type="primary" loading={saving.busy} onClick={() => void saving.submit(save)}>
            保存开支标准
          </Button>
        </div>
      </Flex>
    </Card>
  );
}
