import { Alert, App, Button, Card, Space, Table, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { todayIso } from '../../../../shared/clock/today';
import { formatDate } from '../../../../shared/engine/rules/dates';
import { handoverHistory } from '../../../../shared/handover/handover-record';
import type { Handover } from '../../../../shared/model/records';
import { useServices } from '../../app/services';
import { readEnrolment } from '../backup/replace-book';
import { deviceSwapStep, revokeOldDevice } from './revoke-old-device';
import { errorText } from '../../../../shared/error-text';

const stateOf = (h: Handover) =>
  h.revokedAt ? '已载入，旧电脑已撤销' : h.receivedAt ? '已载入' : h.checksum ? '已移交，待载入' : '未完成';

/** The books' history of handovers, and for the last one received here, the change of computer for sync. */
export function HandoverHistoryCard() {
  const { db } = useServices();
  const rows = useLiveQuery(async () => handoverHistory(await db.handovers.toArray()), [db]);
  const enrolment = useLiveQuery(() => readEnrolment(db), [db]);
  const received = rows?.find((h) => h.receivedAt !== '');
  return (
    <Card title="交接记录" loading={!rows}>
      <Table<Handover>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows ?? []}
        locale={{ emptyText: '还没有交接记录' }}
        data-testid="handover-history"
        columns={[
          { title: '日期', dataIndex: 'date', width: 130, render: (d: string) => formatDate(d) },
          { title: '移交人', dataIndex: 'from', width: 90 },
          { title: '接交人', dataIndex: 'to', width: 90 },
          { title: '监交人', dataIndex: 'supervisor', width: 90 },
          { title: '凭证号范围', dataIndex: 'vouchers' },
          { title: '状态', key: 'state', width: 180, render: (_: unknown, h) => stateOf(h) },
        ]}
      />
      {received && enrolment !== undefined && <DeviceSwap handover={received} enrolment={enrolment} />}
    </Card>
  );
}

function DeviceSwap({ handover, enrolment }: { handover: Handover; enrolment: Awaited<ReturnType<typeof readEnrolment>> }) {
  const { db, store } = useServices();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const step = deviceSwapStep(handover, enrolment);
  if (step === 'none') return null;
  const revoke = async () => {
    setError(null);
    setBusy(true);
    try {
      await revokeOldDevice(db, store, handover);
      message.success('已撤销旧电脑的同步凭证');
    } catch (e) {
      setError(`撤销旧电脑失败：${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };
  const title = '同步：本机接替移交的电脑';
  const body: Record<Exclude<typeof step, 'none'>, ReactNode> = {
    enrol: (
      <Space direction="vertical">
        <span>
          移交的电脑已注册同步（工会代码 {handover.syncUnionCode}
          ），交接备份不含它的设备凭证。请先在“同步”页用上级工会提供的注册码或注册文件注册本机，再回到这里撤销旧电脑。
        </span>
        <Button onClick={() => void navigate('/sync')}>去“同步”页注册本机</Button>
      </Space>
    ),
    revoke: (
      <Space direction="vertical">
        <span>本机已注册同步。撤销旧电脑后，它的设备凭证失效，不能再向服务器上传或下载本工会的数据；服务器记入审计日志。</span>
        <Button type="primary" danger onClick={() => void revoke()} loading={busy}>
          撤销旧电脑的同步
        </Button>
      </Space>
    ),
    'by-file': `本机通过注册文件注册，不直接连接服务器：请上级工会在管理后台撤销旧电脑（设备编号 ${handover.fromDeviceId}）。`,
    'other-union': `本机注册的工会（${enrolment?.unionCode ?? ''}）不是移交电脑同步的工会（${handover.syncUnionCode}），不能撤销旧电脑。`,
    done: handover.revokedAt && `旧电脑已于${formatDate(todayIso(new Date(handover.revokedAt)))}撤销，同步由本机接替。`,
  };
  return (
    <div style={{ marginTop: 16 }} data-testid="handover-device-swap">
      {error && (
        <Alert type="error" showIcon title={error} closable onClose={() => setError(null)} role="alert" style={{ marginBottom: 8 }} />
      )}
      <Alert
        type={step === 'done' ? 'success' : step === 'other-union' ? 'warning' : 'info'}
        showIcon
        title={title}
        description={body[step]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        移交的电脑：设备编号 {handover.fromDeviceId}
      </Typography.Paragraph>
    </div>
  );
}
