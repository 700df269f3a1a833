import { Checkbox, Form, Input, Radio, Typography } from 'antd';
import { ASSET_CATEGORY_LABEL, ASSET_THRESHOLD_FEN } from '../../../../shared/finance/fixed-assets';

const yuanWhole = (fen: number) => (fen / 100).toLocaleString('en-US');

/**
 * 资本性支出 at or above the threshold in 记一笔: register the fixed asset in the same step. The
 * asset takes the entry's date and amount as its 取得日期 and 原值.
 */
export function AssetFields() {
  const wanted = Form.useWatch<boolean | undefined>('asset');
  return (
    <>
      <Form.Item name="asset" valuePropName="checked" wrapperCol={{ offset: 4 }}>
        <Checkbox>
          同时登记为固定资产
          <Typography.Text type="secondary">
            （{ASSET_CATEGORY_LABEL.general} {yuanWhole(ASSET_THRESHOLD_FEN.general)} 元、
            {ASSET_CATEGORY_LABEL.special} {yuanWhole(ASSET_THRESHOLD_FEN.special)} 元以上）
          </Typography.Text>
        </Checkbox>
      </Form.Item>
      {wanted && (
        <>
          <Form.Item name="assetName" label="资产名称" rules={[{ required: true, whitespace: true, message: '请填写资产名称' }]}>
            <Input maxLength={100} placeholder="例如 激光打印机" />
          </Form.Item>
          <Form.Item name="assetCategory" label="资产类别">
            <Radio.Group
              options={[
                { value: 'general', label: ASSET_CATEGORY_LABEL.general },
                { value: 'special', label: ASSET_CATEGORY_LABEL.special },
              ]}
            />
          </Form.Item>
          <Form.Item name="assetLocation" label="存放地点">
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="assetKeeper" label="保管人">
            <Input maxLength={60} />
          </Form.Item>
        </>
      )}
    </>
  );
}
