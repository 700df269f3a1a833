import { Alert, AutoComplete, Form, Select } from 'antd';
import { SPECIAL_GRANT_ACCOUNT, overspendWarning, purposeLabel, type GrantBalance } from '../../../../shared/finance/special-grants';
import { findAccount } from '../../../../shared/accounts/chart';
import { formatYuan } from '../../../../shared/money/fen';

/**
 * 专项补助 in 记一笔: a 40302 receipt names what it was given for; spending may be charged to a 专项,
 * with a warning (and the amount) where it spends more than remains.
 */
export function PurposeField({
  accountCode,
  amountFen,
  grants,
}: {
  accountCode: string;
  amountFen: number | null;
  grants: readonly GrantBalance[];
}) {
  const purpose = Form.useWatch<string | undefined>('purpose') ?? '';
  const named = grants.filter((g) => g.purpose !== '');
  if (accountCode === SPECIAL_GRANT_ACCOUNT)
    return (
      <Form.Item
        name="purpose"
        label="专项用途"
        tooltip="上级拨付文件写明的用途；以后的支出可以列支到这个专项"
        rules={[
          { required: true, whitespace: true, message: '请填写专项用途' },
          { max: 50, message: '专项用途不超过 50 个字' },
        ]}
      >
        <AutoComplete
          options={named.map((g) => ({ value: g.purpose }))}
          placeholder="例如 职工书屋建设"
          filterOption={(input, option) => String(option?.value ?? '').includes(input)}
        />
      </Form.Item>
    );
  if (named.length === 0 || findAccount(accountCode)?.kind !== 'expense') return null;
  const warning = overspendWarning(grants, purpose, amountFen ?? 0);
  return (
    <>
      <Form.Item name="purpose" label="列支专项" tooltip="这笔支出由哪一项上级专项补助负担；不选即由本会经费负担">
        <Select
          allowClear
          placeholder="不列支专项（可选）"
          options={named.map((g) => ({
            value: g.purpose,
            label: `${purposeLabel(g.purpose)}专项（剩余 ${formatYuan(g.remainingFen)} 元）`,
          }))}
        />
      </Form.Item>
      {warning && (
        <Form.Item wrapperCol={{ offset: 4 }}>
          <Alert type="warning" showIcon data-testid="purpose-warning" title={warning} />
        </Form.Item>
      )}
    </>
  );
}
