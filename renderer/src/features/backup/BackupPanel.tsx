import { CloudDownloadOutlined, FolderOpenOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { TABLE_LABELS, TABLE_NAMES, type BookTables } from '../../../../shared/model/book';
import { useServices } from '../../app/services';
import { FILTERS } from '../../platform';
import { useUnion } from '../union/queries';
import type { BackupProgress } from '../../../../shared/backup/progress';
import { backupFileName, clearBook, exportBackupPieces, inspectBackup } from './book-io';
import { BackupProgressCard, type BackupStep, type StepProgress } from './BackupProgressCard';
import { setBackupFolder, setBackupResult, useBackupFolder, useBackupResult } from './device-folder';
import { LeaveSyncNotice } from './LeaveSyncNotice';
import { otherUnionIn, replaceWholeBook } from './replace-book';
import { useEnrolment } from './useEnrolment';

/** 备份 and 恢复: the whole book to one .ubk file and back, all-or-nothing. */
export function BackupPanel() {
  const { db, mutator, platform } = useServices();
  const union = useUnion();
  const backupFolder = useBackupFolder(db);
  const lastBackup = useBackupResult(db);
  const enrolled = useEnrolment(db);
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState<'backup' | 'restore' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [steps, setSteps] = useState<StepProgress>({});
  const [current, setCurrent] = useState<BackupStep | null>(null);
  const [working, setWorking] = useState<string | null>(null);
  const onProgress = (p: BackupProgress) => {
    setCurrent(p.step);
    setSteps((before) => ({ ...before, [p.step]: { done: p.done, total: p.total } }));
  };
  const startProgress = (title: string) => {
    setSteps({});
    setCurrent(null);
    setWorking(title);
  };

  const backup = async () => {
    setBusy('backup');
    setError(null);
    startProgress('正在备份');
    try {
      const pieces = await exportBackupPieces(db, onProgress);
      setWorking(null);
      const name = backupFileName(union?.name ?? '');
      if (await platform.saveFile(name, pieces, FILTERS.book)) {
        // 概览 asks for a backup by the age of the last one, made by hand or automatically.
        await setBackupResult(db, { at: new Date().toISOString(), file: name });
        message.success('备份已保存');
      }
    } catch (e) {
      setError(`备份失败：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setWorking(null);
      setBusy(null);
    }
  };

  const restore = async () => {
    setError(null);
    const file = await platform.openFile(FILTERS.book);
    if (!file) return;
    setBusy('restore');
    let book: BookTables;
    let createdAt: string;
    let warnings: string[];
    startProgress('正在读取备份文件');
    try {
      const inspected = await inspectBackup(file.data, onProgress);
      book = inspected.book;
      createdAt = inspected.manifest.createdAt;
      warnings = inspected.warnings;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(null);
      setWorking(null);
      return;
    }
    const name = book.union.find((u) => u.deleted === 0)?.name ?? '';
    const enrolment = await enrolled();
    setWorking(null);
    modal.confirm({
      title: enrolment ? '退出同步，并用备份替换当前全部数据？' : '用备份替换当前全部数据？',
      width: 560,
      content: (
        <Space direction="vertical">
          <span>
            备份文件“{file.name}”：{name}，备份于 {new Date(createdAt).toLocaleString('zh-CN')}。
          </span>
          <span>
            会员 {book.members.filter((m) => m.deleted === 0).length} 人，收支记录 {book.transactions.length} 笔。
          </span>
          {warnings.length > 0 && (
            <Typography.Text type="warning">
              检查发现 {warnings.length} 处需要核对的问题（如：{warnings[0]}）。恢复后可在“收支”“会员”等页面更正。
            </Typography.Text>
          )}
          <Typography.Text type="danger">当前账簿中的数据将被替换。建议先点“备份”保存一份当前数据。</Typography.Text>
          {enrolment && <LeaveSyncNotice enrolment={enrolment} otherUnion={otherUnionIn(book, union)} />}
        </Space>
      ),
      okText: enrolment ? '退出同步并恢复' : '恢复',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onCancel: () => setBusy(null),
      onOk: async () => {
        try {
          await replaceWholeBook(db, mutator, book);
          message.success(enrolment ? '已从备份恢复，本设备已退出同步' : '已从备份恢复');
        } catch (e) {
          setError(`恢复失败，当前数据未改变：${e instanceof Error ? e.message : String(e)}`);
        } finally {
          setBusy(null);
        }
      },
    });
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
      onOk: () => clearBook(db, mutator),
    });
  };

  const chooseFolder = async () => {
    if (!platform.bridge) return;
    setError(null);
    try {
      const choice = await platform.bridge.chooseFolder();
      if (choice.status === 'refused') setError(`不能使用该文件夹：${choice.reason}`);
      if (choice.status === 'chosen') {
        await setBackupFolder(db, choice.folder);
        message.success('自动备份文件夹已设置');
      }
    } catch (e) {
      setError(`选择文件夹失败：${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon title={error} closable onClose={() => setError(null)} role="alert" />}
      {working && <BackupProgressCard title={working} steps={steps} current={current} />}
      <Card title="备份与恢复">
        <Typography.Paragraph>
          备份把整本账（{TABLE_NAMES.map((t) => TABLE_LABELS[t]).join('、')}）保存为一个 .ubk 文件。请定期备份，并把备份文件另存到 U
          盘或其他电脑。
        </Typography.Paragraph>
        <Space>
          <Button type="primary" icon={<CloudDownloadOutlined />} onClick={backup} loading={busy === 'backup'}>
            备份
          </Button>
          <Button icon={<UploadOutlined />} onClick={restore} loading={busy === 'restore'}>
            恢复
          </Button>
        </Space>
      </Card>
      <Card title="重新开始">
        <Space direction="vertical">
          <Typography.Text type="secondary">看完示例数据后，可以清空账簿，创建自己的工会；也可以直接“恢复”自己的备份文件。</Typography.Text>
          <Button danger onClick={startOver}>
            清空账簿，重新开始
          </Button>
        </Space>
      </Card>
      <Card title="自动备份">
        {platform.bridge ? (
          <Space direction="vertical">
            <Descriptions size="small" column={1}>
              <Descriptions.Item label="本机备份文件夹">{backupFolder || '未设置'}</Descriptions.Item>
              {lastBackup && (
                <Descriptions.Item label="上次自动备份">
                  <Space size="middle">
                    {new Date(lastBackup.at).toLocaleString('zh-CN')}
                    {lastBackup.error ? (
                      <Typography.Text type="danger">失败：{lastBackup.error}</Typography.Text>
                    ) : (
                      <Typography.Text type="secondary">{lastBackup.file}</Typography.Text>
                    )}
                  </Space>
                </Descriptions.Item>
              )}
            </Descriptions>
            <Button icon={<FolderOpenOutlined />} onClick={chooseFolder}>
              选择文件夹
            </Button>
            <Typography.Text type="secondary">
              设置后，账簿有改动时每隔 10 分钟自动写一份备份，文件夹中保留最近 20
              份。备份文件夹只对本机有效，不会同步到其他设备；不能选择网络共享文件夹。
            </Typography.Text>
          </Space>
        ) : (
          <Typography.Text type="secondary">浏览器版不能自动写入文件夹，请定期点击上方“备份”。桌面版可设置自动备份文件夹。</Typography.Text>
        )}
      </Card>
    </Space>
  );
}
