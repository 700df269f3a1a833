import { FolderOpenOutlined, LockOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Space, Switch, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { RollingBackupInfo } from '../../../../shared/bridge/contract';
import { useServices } from '../../app/services';
import { setAutoBackupEncrypted, setBackupFolder, useAutoBackupEncrypted, useBackupFolder, useBackupResult } from './device-folder';
import { useNewPasswordDialog } from './NewPasswordDialog';
import { setSessionBackupPassword, useHasSessionBackupPassword } from './session-password';
import type { BackupFile } from './useRestoreFlow';
import { errorText } from '../../../../shared/error-text';

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** 自动备份 (desktop): the folder, how the last one went, encryption, and the backups to restore from. */
export function AutoBackupCard({ onRestore, restoring }: { onRestore: (file: BackupFile) => Promise<void>; restoring: boolean }) {
  const { db, platform } = useServices();
  const { message, modal } = App.useApp();
  const folder = useBackupFolder(db);
  const last = useBackupResult(db);
  const encrypted = useAutoBackupEncrypted(db);
  const hasPassword = useHasSessionBackupPassword();
  const newPassword = useNewPasswordDialog();
  const [error, setError] = useState<string | null>(null);
  const [files, setFiles] = useState<RollingBackupInfo[] | null>(null);
  const bridge = platform.bridge;

  const refresh = useCallback(async () => {
    if (!bridge || !folder) return setFiles(null);
    try {
      setFiles(await bridge.listRollingBackups(folder));
    } catch (e) {
      setFiles([]);
      setError(`读取备份文件夹失败：${errorText(e)}`);
    }
  }, [bridge, folder]);
  // Listed again after every backup this computer writes.
  useEffect(() => void refresh(), [refresh, last?.at]);

  if (!bridge) {
    return (
      <Card title="自动备份">
        <Typography.Text type="secondary">浏览器版不能自动写入文件夹，请定期点击上方“备份”。桌面版可设置自动备份文件夹。</Typography.Text>
      </Card>
    );
  }

  const chooseFolder = async () => {
    setError(null);
    try {
      const choice = await bridge.chooseFolder();
      if (choice.status === 'refused') setError(`不能使用该文件夹：${choice.reason}`);
      if (choice.status === 'chosen') {
        await setBackupFolder(db, choice.folder);
        message.success('自动备份文件夹已设置');
      }
    } catch (e) {
      setError(`选择文件夹失败：${errorText(e)}`);
    }
  };

  const enterPassword = async () => {
    const password = await newPassword.ask('自动备份的密码', '确定');
    if (!password) return false;
    setSessionBackupPassword(password);
    return true;
  };

  const toggleEncryption = async (on: boolean) => {
    if (on) {
      if (await enterPassword()) {
        await setAutoBackupEncrypted(db, true);
        message.success('以后的自动备份将加密保存');
      }
      return;
    }
    modal.confirm({
      title: '不再加密自动备份？',
      content: '以后的自动备份将不设密码，拿到备份文件的人都能看到会员的身份证号等信息。已有的加密备份仍需原密码才能打开。',
      okText: '不再加密',
      cancelText: '取消',
      onOk: async () => {
        await setAutoBackupEncrypted(db, false);
        setSessionBackupPassword(null);
      },
    });
  };

  const restoreFrom = async (name: string) => {
    setError(null);
    try {
      await onRestore(await bridge.readRollingBackup({ folder, name }));
    } catch (e) {
      setError(`读取备份文件失败：${errorText(e)}`);
    }
  };

  return (
    <Card title="自动备份">
      {newPassword.dialog}
      <Space direction="vertical" style={{ width: '100%' }}>
        {error && <Alert type="error" showIcon title={error} closable onClose={() => setError(null)} role="alert" />}
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="本机备份文件夹">{folder || '未设置'}</Descriptions.Item>
          {last && (
            <Descriptions.Item label="上次自动备份">
              <Space size="middle">
                {new Date(last.at).toLocaleString('zh-CN')}
                {last.error ? (
                  <Typography.Text type="danger">失败：{last.error}</Typography.Text>
                ) : (
                  <Typography.Text type="secondary">{last.file}</Typography.Text>
                )}
              </Space>
            </Descriptions.Item>
          )}
        </Descriptions>
        <Button icon={<FolderOpenOutlined />} onClick={() => void chooseFolder()}>
          选择文件夹
        </Button>
        <Typography.Text type="secondary">
          设置后，账簿有改动时每隔 10 分钟自动写一份备份，关闭软件时再写一份；文件夹中保留最近 20
          份。备份文件夹只对本机有效，不会同步到其他设备；不能选择网络共享文件夹。
        </Typography.Text>
        <Space align="center" wrap>
          <Switch checked={encrypted} onChange={(on) => void toggleEncryption(on)} aria-label="加密自动备份" />
          <Typography.Text>
            <LockOutlined /> 加密自动备份
          </Typography.Text>
          {encrypted && hasPassword && <Typography.Text type="secondary">本次启动已输入密码</Typography.Text>}
        </Space>
        {encrypted && (
          <Typography.Text type="secondary">
            密码只保存在内存中，不写入本机任何地方：每次启动软件后，需要输入一次密码，自动备份才会继续。
          </Typography.Text>
        )}
        {encrypted && !hasPassword && (
          <Alert
            type="warning"
            showIcon
            title="自动备份已暂停：本次启动后还没有输入密码"
            action={
              <Button size="small" type="primary" onClick={() => void enterPassword()}>
                输入密码
              </Button>
            }
          />
        )}
        {folder && (
          <>
            <Space>
              <Typography.Text strong>文件夹中的自动备份</Typography.Text>
              <Button size="small" icon={<ReloadOutlined />} onClick={() => void refresh()} aria-label="刷新列表" />
            </Space>
            <Table<RollingBackupInfo>
              size="small"
              rowKey="name"
              pagination={false}
              scroll={{ y: 240 }}
              loading={files === null}
              dataSource={files ?? []}
              locale={{ emptyText: '还没有自动备份' }}
              columns={[
                { title: '备份时间', dataIndex: 'at', render: (at: string) => at.replace('T', ' ') },
                { title: '文件', dataIndex: 'name' },
                { title: '大小', dataIndex: 'size', width: 90, render: sizeText },
                {
                  title: '',
                  key: 'restore',
                  width: 90,
                  render: (_, row) => (
                    <Button size="small" disabled={restoring} onClick={() => void restoreFrom(row.name)}>
                      恢复
                    </Button>
                  ),
                },
              ]}
            />
          </>
        )}
      </Space>
    </Card>
  );
}
