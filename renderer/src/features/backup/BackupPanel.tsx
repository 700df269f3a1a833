import { CloudDownloadOutlined, LockOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { TABLE_LABELS, TABLE_NAMES } from '../../../../shared/model/book';
import { useServices, useSwitchBook } from '../../app/services';
import { FILTERS } from '../../platform';
import { useUnion } from '../union/queries';
import { AutoBackupCard } from './AutoBackupCard';
import { backupFileName, clearBook, exportBackupPieces } from './book-io';
import { BackupProgressCard } from './BackupProgressCard';
import { setBackupResult } from './device-folder';
import { LastBackupLine } from './LastBackupLine';
import { LeaveSyncNotice } from './LeaveSyncNotice';
import { ProgressFeed } from './progress-feed';
import { useNewPasswordDialog } from './NewPasswordDialog';
import { useEnrolment } from './useEnrolment';
import { useRestoreFlow } from './useRestoreFlow';
import { errorText } from '../../../../shared/error-text';

/** 备份 and 恢复: the whole book to one .ubk file (optionally password-protected) and back, all-or-nothing. */
export function BackupPanel() {
  const { db, mutator, platform } = useServices();
  const switchBook = useSwitchBook();
  const union = useUnion();
  const enrolled = useEnrolment(db);
  const { message, modal } = App.useApp();
  const restoring = useRestoreFlow();
  const newPassword = useNewPasswordDialog();
  const [busy, setBusy] = useState<'backup' | 'encrypted' | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Progress goes to the card alone: the panel does not re-render per batch.
  const [feed] = useState(() => new ProgressFeed());
  const [working, setWorking] = useState<string | null>(null);

  const backup = async (encrypted: boolean) => {
    setError(null);
    restoring.clearError();
    const password = encrypted ? await newPassword.ask('为备份文件设置密码', '加密并备份') : null;
    if (encrypted && !password) return;
    setBusy(encrypted ? 'encrypted' : 'backup');
    feed.reset();
    setWorking('正在备份');
    try {
      const pieces = await exportBackupPieces(db, feed.report, new Date(), password ? { password } : undefined);
      setWorking(null);
      const name = backupFileName(union?.name ?? '');
      if (await platform.saveFile(name, pieces, FILTERS.book)) {
        // 概览 asks for a backup by the age of the last one, made by hand or automatically.
        await setBackupResult(db, { at: new Date().toISOString(), file: name });
        message.success(password ? '加密备份已保存，请牢记密码' : '备份已保存');
      }
    } catch (e) {
      setError(`备份失败：${errorText(e)}`);
    } finally {
      setWorking(null);
      setBusy(null);
    }
  };

  const restore = async () => {
    setError(null);
    const file = await platform.openFile(FILTERS.book);
    if (file) await restoring.restore(file);
  };

  const startOver = async () => {
    const enrolment = await enrolled();
    modal.confirm({
      title: enrolment ? '退出同步，清空全部数据，重新开始？' : '清空全部数据，重新开始？',
      width: 560,
      content: (
        <Space direction="vertical">
          <span>
            当前账簿中的全部数据（会员、会费、活动、慰问、收支等）都将被删除，回到首次使用的界面。此操作不能撤销，请先点“备份”保存一份。
          </span>
          {enrolment && <LeaveSyncNotice enrolment={enrolment} />}
        </Space>
      ),
      okText: enrolment ? '退出同步并清空' : '清空并重新开始',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => switchBook(await clearBook(db, mutator)),
    });
  };

  const shownError = error ?? restoring.error;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {shownError && (
        <Alert
          type="error"
          showIcon
          title={shownError}
          closable
          onClose={() => {
            setError(null);
            restoring.clearError();
          }}
          role="alert"
        />
      )}
      {working && <BackupProgressCard title={working} feed={feed} />}
      {restoring.view}
      {newPassword.dialog}
      <Card title="备份与恢复">
        <Typography.Paragraph>
          备份把整本账（{TABLE_NAMES.map((t) => TABLE_LABELS[t]).join('、')}）保存为一个 .ubk 文件。请定期备份，并把备份文件另存到 U
          盘或其他电脑。
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">
          备份文件中有会员的身份证号、手机号等个人信息。存到 U 盘或带出单位时，请用“备份（设密码）”：没有密码的人打不开文件。
        </Typography.Paragraph>
        <Space wrap>
          <Button type="primary" icon={<CloudDownloadOutlined />} onClick={() => void backup(false)} loading={busy === 'backup'}>
            备份
          </Button>
          <Button icon={<LockOutlined />} onClick={() => void backup(true)} loading={busy === 'encrypted'}>
            备份（设密码）
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => void restore()} loading={restoring.busy}>
            恢复
          </Button>
        </Space>
        <LastBackupLine />
      </Card>
      <Card title="重新开始">
        <Space direction="vertical">
          <Typography.Text type="secondary">看完示例数据后，可以清空账簿，创建自己的工会；也可以直接“恢复”自己的备份文件。</Typography.Text>
          <Button danger onClick={startOver}>
            清空账簿，重新开始
          </Button>
        </Space>
      </Card>
      <AutoBackupCard onRestore={restoring.restore} restoring={restoring.busy} />
    </Space>
  );
}
