import { Alert, Button, Descriptions, Modal } from 'antd';
import { useRef, useState } from 'react';
import { base64ToBytes } from '../../../shared/sync/wire';
import { importPackage, saveBytes, type PackageImport } from './api';
import { errorText } from '../../../shared/error-text';

/** 导入报送包: an offline union's package, uploaded under that union's row; the reply is downloaded to take back. */
export function PackageButton({ unionId, unionName, onDone }: { unionId: string; unionName: string; onDone: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PackageImport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);

  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    setResult(null);
    setOpen(true);
    try {
      setResult(await importPackage(unionId, await file.arrayBuffer()));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const download = () => result && saveBytes(new Uint8Array(base64ToBytes(result.reply)), result.replyName);

  return (
    <>
      <Button size="small" loading={busy} onClick={() => input.current?.click()}>
        导入报送包
      </Button>
      <input
        ref={input}
        type="file"
        accept=".ubpkg"
        aria-label={`${unionName} 的报送包文件`}
        style={{ display: 'none' }}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void upload(file);
        }}
      />
      <Modal
        title={`${unionName} 的离线报送包`}
        open={open}
        // The overview is reloaded once the dialog closes: reloading re-renders this row, and the dialog with it.
        onCancel={() => {
          setOpen(false);
          if (result) onDone();
        }}
        footer={
          result ? (
            <Button type="primary" onClick={download}>
              下载回执包
            </Button>
          ) : null
        }
      >
        {busy && '正在导入……'}
        {error && <Alert type="error" showIcon title={error} />}
        {result && (
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="报送包">第 {result.seq} 号</Descriptions.Item>
            <Descriptions.Item label="新写入的变更">{result.applied} 条</Descriptions.Item>
            <Descriptions.Item label="已有的变更">{result.duplicates} 条</Descriptions.Item>
            <Descriptions.Item label="年度报送">
              {result.submission
                ? `${result.submission.year} 年度已收到，回执号 ${result.submission.receiptNumber}`
                : result.submissionMessage || '本包未附年度报送'}
            </Descriptions.Item>
          </Descriptions>
        )}
        {result && <p style={{ marginTop: 12 }}>请下载回执包，带回该工会在“同步”页导入。</p>}
      </Modal>
    </>
  );
}
