import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { base64ToBytes } from '../../../shared/sync/wire';
import { issueEnrolmentFile, saveBytes, type EnrolmentFileAnswer } from './api';
import { errorText } from '../../../shared/error-text';

/**
 * 下载注册文件: enrols one device of an offline union by file. The passcode that opens the file is in
 * the server's answer only and shown here once; it is forgotten when the dialog closes.
 */
export function EnrolmentFileButton({ unionId, unionName }: { unionId: string; unionName: string }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<EnrolmentFileAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);

  const save = (answer: EnrolmentFileAnswer) => saveBytes(new Uint8Array(base64ToBytes(answer.file)), answer.fileName);
  const issue = async () => {
    setBusy(true);
    setError(null);
    try {
      const answer = await issueEnrolmentFile(unionId);
      setIssued(answer);
      save(answer);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const copy = async (passcode: string) => {
    try {
      await navigator.clipboard.writeText(passcode);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  const close = () => {
    setOpen(false);
    setIssued(null);
    setError(null);
    setCopied(null);
  };

  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        下载注册文件
      </Button>
      <Modal
        title={`${unionName} 的离线注册文件`}
        open={open}
        onCancel={close}
        maskClosable={false}
        footer={
          issued ? (
            <Space>
              <Button icon={<DownloadOutlined />} onClick={() => save(issued)}>
                再次下载注册文件
              </Button>
              <Button type="primary" onClick={close}>
                我已记下口令
              </Button>
            </Space>
          ) : (
            <Button type="primary" loading={busy} onClick={() => void issue()}>
              生成并下载
            </Button>
          )
        }
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        {!issued && (
          <Typography.Paragraph>
            为没有网络的工会注册一台设备：生成的注册文件用 U
            盘带到该工会，在“同步”页选择“导入注册文件”并填写口令。每个注册文件注册一台设备，生成后会出现在该工会的设备列表中。
          </Typography.Paragraph>
        )}
        {issued && (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Typography.Text>已下载注册文件 {issued.fileName}。打开它需要下面的一次性口令：</Typography.Text>
            <Space align="center" wrap>
              <Typography.Text code strong style={{ fontSize: 22, letterSpacing: 2 }} data-testid="enrolment-passcode">
                {issued.passcode}
              </Typography.Text>
              <Button icon={<CopyOutlined />} onClick={() => void copy(issued.passcode)}>
                {copied ? '已复制' : '复制口令'}
              </Button>
            </Space>
            {copied === false && <Alert type="info" showIcon title="浏览器不允许复制，请手工抄下口令。" />}
            <Alert
              type="warning"
              showIcon
              title="口令只显示这一次"
              description="请把口令与注册文件分开交给该工会（电话告知或当面抄写），不要放在同一个 U 盘、同一封邮件或同一条消息里：拿到文件和口令的人就能以该工会的名义报送。关闭此窗口后口令无法再次查看；如口令遗失，请重新生成注册文件，并在“设备”中撤销未用的那一台。"
            />
          </Space>
        )}
      </Modal>
    </>
  );
}
