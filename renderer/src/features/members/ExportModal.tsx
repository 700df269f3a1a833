import { App, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Member } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { useSubmit } from '../../components/useSubmit';
import { FILTERS } from '../../platform';
import { office } from '../../workers/office';

interface Props {
  open: boolean;
  onClose: () => void;
  members: readonly Member[];
  unionName: string;
  year: number;
}

/** 导出名册: the user decides at export whether the ID and phone numbers go out masked or in full. */
export function ExportModal({ open, onClose, members, unionName, year }: Props) {
  const { db, platform } = useServices();
  const { message } = App.useApp();
  const [mask, setMask] = useState(true);
  const exporting = useSubmit();

  const run = async () => {
    const wageBases = await db.wageBases.where('year').equals(year).toArray();
    const bytes = await office.rosterWorkbook(members, wageBases, { unionName, maskIds: mask, year });
    const name = `${unionName}会员名册${mask ? '' : '（含完整证件号）'}.xlsx`;
    if (!(await platform.saveFile(name, bytes, FILTERS.xlsx))) return false;
    message.success(`已导出 ${members.length} 名会员`);
    onClose();
  };

  return (
    <Modal
      title="导出名册"
      open={open}
      onCancel={onClose}
      onOk={() => void exporting.submit(run)}
      okText="导出"
      cancelText="取消"
      confirmLoading={exporting.busy}
    >
      <Space direction="vertical">
        <Typography.Text>导出当前列表中的 {members.length} 名会员（按筛选条件）到 Excel。</Typography.Text>
        <Radio.Group value={mask} onChange={(e) => setMask(e.target.value as boolean)}>
          <Space direction="vertical">
            <Radio value={true}>隐藏部分证件号码和手机号（用于传阅、公示）</Radio>
            <Radio value={false}>完整证件号码和手机号（仅用于报送上级工会实名登记）</Radio>
          </Space>
        </Radio.Group>
        {!mask ? <Typography.Text type="warning">完整证件号码属于个人信息，请妥善保管导出的文件。</Typography.Text> : null}
      </Space>
    </Modal>
  );
}
