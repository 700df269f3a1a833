import { Form, Radio, Typography } from 'antd';
import { shareText, splitAllocation } from '../../../../shared/finance/allocation';
import { formatYuan } from '../../../../shared/money/fen';

export type AllocationMode = 'full' | 'share';

/**
 * 402 in 记一笔: did the full 拨缴经费 arrive (part of it is owed upward) or only the union's share?
 * The split is shown before saving, from the share on the union profile.
 */
export function AllocationSplitField({ amountFen, shareBasisPoints }: { amountFen: number | null; shareBasisPoints: number }) {
  const mode = Form.useWatch<AllocationMode | undefined>('allocation');
  const split = amountFen !== null && amountFen > 0 ? splitAllocation(amountFen, shareBasisPoints) : null;
  return (
    <>
      <Form.Item
        name="allocation"
        label="拨缴方式"
        tooltip="单位或税务部门拨来全额工会经费时选第一项，本会分成计入 402，其余记为应付上级经费；只收到上级返还的分成时选第二项。分成比例在“设置 → 工会信息”中，以本省实施细则为准。"
        rules={[{ required: true, message: '请选择收到的是全额拨缴还是本会分成' }]}
      >
        <Radio.Group
          options={[
            { value: 'full', label: '全额拨缴（含应上缴部分）' },
            { value: 'share', label: '仅本会分成' },
          ]}
        />
      </Form.Item>
      {mode === 'full' && (
        <Form.Item wrapperCol={{ offset: 4 }}>
          <Typography.Text data-testid="entry-allocation-split">
            {split
              ? `本会分成（${shareText(shareBasisPoints)}）计入 402 拨缴经费收入 ${formatYuan(split.shareFen)} 元，应付上级经费 ${formatYuan(split.payableFen)} 元`
              : `填写金额后显示分成（本会 ${shareText(shareBasisPoints)}）`}
          </Typography.Text>
        </Form.Item>
      )}
    </>
  );
}
