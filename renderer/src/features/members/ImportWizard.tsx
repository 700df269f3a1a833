import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Progress, Result, Space, Spin, Steps, Typography } from 'antd';
import { useEffect } from 'react';
import { useServices } from '../../app/services';
import { useGuardedClose } from '../../components/unsaved/useGuardedClose';
import { FILTERS } from '../../platform';
import { office } from '../../workers/office';
import { ImportMappingStep } from './ImportMappingStep';
import { ImportPreviewStep } from './ImportPreviewStep';
import { useRosterImport, type WizardStep } from './useRosterImport';

const STEPS: { key: WizardStep; title: string }[] = [
  { key: 'pick', title: '选择文件' },
  { key: 'mapping', title: '核对列' },
  { key: 'preview', title: '预览' },
  { key: 'done', title: '完成' },
];

/** 导入名册: pick an .xlsx or .csv → check the column mapping → preview every row → import in one transaction. */
export function ImportWizard({ open, year, onClose }: { open: boolean; year: number; onClose: () => void }) {
  const { platform } = useServices();
  const { message } = App.useApp();
  const state = useRosterImport(year);
  const { step, parsed, plan, busy, error, reset } = state;

  useEffect(() => {
    if (open) reset();
  }, [open, reset]);

  // A file read and its columns checked are work a stray Escape or × must not throw away: between
  // reading the file and importing it, closing (and leaving the page) asks first.
  const requestClose = useGuardedClose({ open, dirty: step === 'mapping' || step === 'preview', close: onClose });

  const saveRejected = async () => {
    if (!parsed || !plan) return;
    const bytes = await office.rejectedWorkbook(parsed.headers, parsed.dataRows, plan.rejected);
    const base = state.fileName.replace(/\.[^.]+$/, '');
    if (await platform.saveFile(`${base}-未导入的行.xlsx`, bytes, FILTERS.xlsx)) message.success('已保存未导入的行');
  };

  const footer = (() => {
    switch (step) {
      case 'pick':
        return [
          <Button key="cancel" onClick={onClose}>
            取消
          </Button>,
        ];
      case 'mapping':
        return [
          <Button key="back" onClick={reset}>
            重新选择文件
          </Button>,
          <Button
            key="next"
            type="primary"
            disabled={state.problems.length > 0}
            loading={busy === 'planning'}
            onClick={() => void state.toPreview()}
          >
            下一步：预览
          </Button>,
        ];
      case 'preview':
        return [
          <Button key="back" disabled={busy !== null} onClick={() => state.setStep('mapping')}>
            上一步
          </Button>,
          plan && plan.rejected.length > 0 ? (
            <Button key="rejected" disabled={busy !== null} onClick={() => void saveRejected()}>
              保存未导入的行
            </Button>
          ) : null,
          <Button
            key="import"
            type="primary"
            loading={busy === 'importing'}
            disabled={!plan || plan.toInsert.length + plan.toUpdate.length === 0}
            onClick={() => void state.commit()}
          >
            导入 {plan ? plan.toInsert.length + plan.toUpdate.length : 0} 行
          </Button>,
        ];
      case 'done':
        return [
          plan && plan.rejected.length > 0 ? (
            <Button key="rejected" onClick={() => void saveRejected()}>
              保存未导入的行
            </Button>
          ) : null,
          <Button key="close" type="primary" onClick={onClose}>
            完成
          </Button>,
        ];
    }
  })();

  return (
    <Modal
      title="导入名册"
      open={open}
      onCancel={busy === 'importing' ? undefined : requestClose}
      width={980}
      footer={footer}
      maskClosable={false}
      destroyOnHidden
    >
      <Steps
        size="small"
        current={STEPS.findIndex((s) => s.key === step)}
        items={STEPS.map((s) => ({ title: s.title }))}
        style={{ marginBottom: 20 }}
      />
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      {step === 'pick' ? (
        <Spin spinning={busy === 'reading'} description="正在读取文件…">
          <Space
            direction="vertical"
            align="center"
            style={{ width: '100%', padding: '32px 0', border: '1px dashed #d9d9d9', borderRadius: 8 }}
          >
            <InboxOutlined style={{ fontSize: 48, color: '#c0392b' }} />
            <Button type="primary" onClick={() => void state.pickFile()}>
              选择名册文件
            </Button>
            <Typography.Text type="secondary">
              支持 Excel 工作簿（.xlsx）和 CSV；旧版 .xls 请先在 WPS 或 Excel 中另存为 .xlsx。
            </Typography.Text>
            <Typography.Text type="secondary">表头上方的标题行、合计行、“注：”和“制表人”等行会自动跳过。</Typography.Text>
          </Space>
        </Spin>
      ) : null}
      {step === 'mapping' ? <ImportMappingStep state={state} /> : null}
      {step === 'preview' ? (
        <>
          {busy === 'importing' ? <Progress percent={state.progress} status="active" style={{ marginBottom: 12 }} /> : null}
          <ImportPreviewStep plan={plan} />
        </>
      ) : null}
      {step === 'done' && state.result ? (
        <Result
          status="success"
          title="名册已导入"
          subTitle={`新增 ${state.result.inserted} 人，更新 ${state.result.updated} 人${state.result.rejected ? `，${state.result.rejected} 行未导入` : ''}。`}
        />
      ) : null}
    </Modal>
  );
}
