import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { planWageImport, type WageImportPlan, type WageImportRow } from '../../../../shared/dues/wage-import';
import { formatYuan } from '../../../../shared/money/fen';
import type { Member, WageBase } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { FILTERS } from '../../platform';
import { useSubmit } from '../../components/useSubmit';
import { office } from '../../workers/office';
import { errorText } from './format';
import { saveWageBases } from '../../../../shared/engine/ops/dues';

const STATUS = { ok: <Tag color="green">导入</Tag>, same: <Tag>不变</Tag>, error: <Tag color="red">不导入</Tag> };

/** 导入工资基数: pick a sheet, see how each row matched (or why not), then import the matched rows at once. */
export function WageImportModal({
  open,
  onClose,
  year,
  members,
  wageBases,
}: {
  open: boolean;
  onClose: () => void;
  year: number;
  members: Member[];
  wageBases: readonly WageBase[];
}) {
  const { store, platform } = useServices();
  const { message } = App.useApp();
  const [plan, setPlan] = useState<WageImportPlan | null>(null);
  const [fileName, setFileName] = useState('');
  const [error, setError] = useState('');
  const saving = useSubmit({ session: open });

  async function pick() {
    setError('');
    const file = await platform.openFile(FILTERS.spreadsheet);
    if (!file) return;
    try {
      setFileName(file.name);
      setPlan(planWageImport(await office.readRoster(file.name, file.data), members, wageBases, year));
    } catch (e) {
      setPlan(null);
      setError(errorText(e));
    }
  }

  function close() {
    setPlan(null);
    setError('');
    onClose();
  }

  async function apply() {
    if (!plan) return false;
    const n = await saveWageBases(store, plan.writes);
    message.success(`已导入 ${n} 人的 ${year} 年工资基数`);
    close();
  }

  return (
    <Modal
      open={open}
      title={`导入 ${year} 年工资基数`}
      width={900}
      onCancel={close}
      okText={plan ? `导入 ${plan.okCount} 人` : '导入'}
      okButtonProps={{ disabled: !plan || plan.okCount === 0 }}
      confirmLoading={saving.busy}
      onOk={() => void saving.submit(apply)}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">
          表格需有“工资基数”列（也可写作
          月工资基数、缴费基数），并有“身份证号码”列，或“姓名”和“部门”两列。先按身份证号码对应会员，没有号码时按姓名+部门对应。
        </Typography.Paragraph>
        <Button icon={<UploadOutlined />} onClick={pick}>
          选择表格文件（.xlsx / .csv）
        </Button>
        {error && <Alert type="error" showIcon title={error} role="alert" />}
        {plan && (
          <>
            <Alert
              type={plan.errorCount > 0 ? 'warning' : 'success'}
              showIcon
              title={`${fileName}：共 ${plan.rows.length} 行，可导入 ${plan.okCount} 人，与现有相同 ${plan.rows.filter((r) => r.status === 'same').length} 人，不能导入 ${plan.errorCount} 行`}
            />
            <Table<WageImportRow>
              size="small"
              rowKey="rowNumber"
              dataSource={plan.rows}
              pagination={{ pageSize: 10 }}
              columns={[
                { title: '行号', dataIndex: 'rowNumber', width: 60 },
                { title: '姓名', dataIndex: 'name', width: 80 },
                { title: '部门', dataIndex: 'department', width: 100 },
                { title: '身份证号码', dataIndex: 'idMasked', width: 170 },
                {
                  title: '工资基数',
                  dataIndex: 'baseFen',
                  align: 'right',
                  width: 100,
                  render: (v: number | null) => (v === null ? '—' : formatYuan(v)),
                },
                { title: '对应方式', dataIndex: 'matchedBy', width: 90 },
                { title: '结果', dataIndex: 'status', width: 80, render: (s: WageImportRow['status']) => STATUS[s] },
                { title: '原因', dataIndex: 'reason' },
              ]}
            />
          </>
        )}
      </Space>
    </Modal>
  );
}
