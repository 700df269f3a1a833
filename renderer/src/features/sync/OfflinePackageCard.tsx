import { ExportOutlined, ImportOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Descriptions, InputNumber, Space, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useServices } from '../../app/services';
import { FILTERS } from '../../platform';
import { exportPackage, importReply } from './packages';
import { KEYS } from './state';
import { errorText } from '../../../../shared/error-text';

const lastYear = () => new Date().getFullYear() - (new Date().getMonth() < 6 ? 1 : 0);

/**
 * 离线报送包: a device exchanges its changes, its year's report and the replies over a USB stick —
 * always when enrolled by file, while its network is gone when enrolled over the network.
 */
export function OfflinePackageCard({ online }: { online: boolean }) {
  const { db, mutator, platform } = useServices();
  const seqs = useLiveQuery(async () => {
    const get = async (key: string) => ((await db.$sync.get(key))?.value as number | undefined) ?? 0;
    return { exported: await get(KEYS.packageSeq), replied: await get(KEYS.replySeq) };
  }, [db]);
  const [withYear, setWithYear] = useState(false);
  const [year, setYear] = useState(lastYear);
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [result, setResult] = useState<{ type: 'success' | 'error'; text: string } | null>(null);

  const run = async (what: 'export' | 'import', work: () => Promise<string | null>) => {
    setBusy(what);
    setResult(null);
    try {
      const text = await work();
      if (text) setResult({ type: 'success', text });
    } catch (e) {
      setResult({ type: 'error', text: errorText(e) });
    } finally {
      setBusy(null);
    }
  };

  const exportNow = () =>
    run('export', async () => {
      const made = await exportPackage(db, mutator, withYear ? year : null);
      if (!(await platform.saveFile(made.fileName, made.bytes, FILTERS.syncPackage))) return null;
      return `已导出第 ${made.seq} 号报送包（${made.changes} 条变更${made.year ? `，含 ${made.year} 年度报送` : ''}）。请交上级工会导入，并把回执包带回。`;
    });

  const importNow = () =>
    run('import', async () => {
      const file = await platform.openFile(FILTERS.syncReply);
      if (!file) return null;
      const reply = await importReply(db, mutator, file.data);
      const receipt = reply.receipt ? `；${reply.receipt.year} 年度报送已收到，回执号 ${reply.receipt.receiptNumber}` : '';
      const refused = reply.submissionMessage ? `；年度报送未被接收：${reply.submissionMessage}` : '';
      const attachments = reply.attachments ? `，${reply.attachments} 个通知附件` : '';
      return `已导入第 ${reply.seq} 号回执包：${reply.acked} 条变更已确认，收到 ${reply.rows} 条记录${attachments}${receipt}${refused}。`;
    });

  return (
    <Card title="离线报送包">
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          报送包含上级工会尚未确认的全部更改，已加密，只能由上级工会导入；上级工会导入后生成回执包，带回本机导入即完成一次同步。
          {online && '能联网时请用上方的立即同步；断网期间用报送包，两种方式可以交替使用。'}
        </Typography.Paragraph>
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label="已导出报送包">{seqs?.exported ? `第 ${seqs.exported} 号` : '尚未导出'}</Descriptions.Item>
          <Descriptions.Item label="已导入回执包">{seqs?.replied ? `第 ${seqs.replied} 号` : '尚未导入'}</Descriptions.Item>
        </Descriptions>
        <Space wrap>
          <Checkbox checked={withYear} onChange={(e) => setWithYear(e.target.checked)}>
            同时报送年度
          </Checkbox>
          <InputNumber
            aria-label="随包报送年度"
            min={2000}
            max={2100}
            value={year}
            disabled={!withYear}
            onChange={(v) => v && setYear(v)}
          />
        </Space>
        {result && <Alert type={result.type} showIcon title={result.text} data-testid="package-result" />}
        <Space wrap>
          <Button
            type="primary"
            icon={<ExportOutlined />}
            loading={busy === 'export'}
            disabled={busy !== null}
            onClick={() => void exportNow()}
          >
            导出离线报送包
          </Button>
          <Button icon={<ImportOutlined />} loading={busy === 'import'} disabled={busy !== null} onClick={() => void importNow()}>
            导入回执包
          </Button>
        </Space>
      </Space>
    </Card>
  );
}
