import { CheckCircleFilled, ExclamationCircleFilled, SwapOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Input, List, Row, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { todayIso } from '../../../../shared/clock/today';
import { dropHandover, sealHandover, startHandover } from '../../../../shared/engine/ops/handover';
import { handoverDocx } from '../../../../shared/handover/handover-docx';
import type { HandoverFacts } from '../../../../shared/handover/handover-facts';
import { useServices } from '../../app/services';
import { FILTERS } from '../../platform';
import { exportBackupPieces } from '../backup/book-io';
import { office } from '../../workers/office';
import { fileChecksum } from '../backup/file-checksum';
import { useNewPasswordDialog } from '../backup/NewPasswordDialog';
import { readEnrolment } from '../backup/replace-book';
import { HandoverHistoryCard } from './HandoverHistoryCard';
import { LoadHandoverCard } from './LoadHandoverCard';
import { errorText } from '../../../../shared/error-text';

interface People {
  from: string;
  to: string;
  supervisor: string;
}

/**
 * 换届交接: the book checked first (the same checks as 概览 and 结账), then the 交接清单 and an
 * encrypted handover backup, made from one read of the book so the two agree. The handover is
 * written into the book before the backup, so the backup carries it; once the file is saved its
 * checksum is added here. On the new computer 载入交接文件 restores the backup and records the
 * receipt; the history and the change of computer for sync follow below.
 */
export function HandoverPanel() {
  const { db, store, mutator, platform } = useServices();
  const { message } = App.useApp();
  const [form] = Form.useForm<People>();
  const newPassword = useNewPasswordDialog();
  const [facts, setFacts] = useState<HandoverFacts | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const today = todayIso();

  useEffect(() => {
    let live = true;
    // Read and counted in the office worker: a long book's read held the window for seconds.
    office.handoverFacts(db.name, today).then(
      (facts) => live && setFacts(facts),
      (e: unknown) => live && setError(`交接前检查失败：${errorText(e)}`),
    );
    return () => void (live = false);
  }, [db, today]);

  const make = async (people: People) => {
    setError(null);
    const password = await newPassword.ask('为交接备份设置密码', '生成交接文件');
    if (!password) return;
    setBusy(true);
    try {
      const now = await office.handoverFacts(db.name, today);
      const stamp = today.replace(/-/g, '');
      const backupFile = `${now.unionName}-交接备份-${stamp}.ubk`;
      const enrolment = await readEnrolment(db);
      const record = await startHandover(store, {
        facts: now,
        ...people,
        fromDeviceId: mutator.deviceId,
        syncUnionCode: enrolment?.unionCode ?? '',
      });
      let saved = false;
      try {
        const pieces = await exportBackupPieces(db, undefined, new Date(), { password });
        const checksum = await fileChecksum(pieces);
        saved = await platform.saveFile(backupFile, pieces, FILTERS.book);
        if (saved) await sealHandover(store, record.id, checksum);
      } finally {
        if (!saved) await dropHandover(store, record.id);
      }
      if (!saved) return;
      const docx = await handoverDocx(now, { ...people, backupFile });
      await platform.saveFile(`${now.unionName}-交接清单-${stamp}.docx`, docx, FILTERS.docx);
      setFacts(now);
      message.success('交接清单和加密交接备份已保存');
    } catch (e) {
      setError(`生成交接文件失败：${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const failed = facts?.checks.filter((c) => !c.ok) ?? [];
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {newPassword.dialog}
      {error && <Alert type="error" showIcon title={error} closable onClose={() => setError(null)} role="alert" />}
      <Card title="第一步：交接前检查" loading={!facts}>
        <List
          dataSource={facts?.checks ?? []}
          renderItem={(c) => (
            <List.Item data-testid={`handover-check-${c.key}`}>
              <List.Item.Meta
                avatar={
                  c.ok ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : <ExclamationCircleFilled style={{ color: '#faad14' }} />
                }
                title={c.label}
                description={c.detail}
              />
            </List.Item>
          )}
        />
        {failed.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={`${failed.length} 项检查未通过`}
            description="建议先处理（结账、银行对账），再做交接；也可以继续，未通过的检查会如实写进交接清单，由接交人知悉。"
          />
        )}
      </Card>
      <Card title="第二步：交接清单和加密交接备份">
        <Typography.Paragraph>
          交接清单（Word，按公文格式）列出交接日的库存现金和银行存款、凭证起止号、会员人数、欠缴会费、固定资产和随附资料，留有移交人、接交人、监交人签字栏。
          加密交接备份是整本账，设有密码，并带着这次交接的记录；新电脑上在首次使用页（或本页下方）点“载入交接文件”并输入密码即可接着记账，交接记入账簿。
          交接备份不含本机的同步凭证：本机若已注册同步，新电脑注册后会撤销本机，交接后请不要再在本机记账。
        </Typography.Paragraph>
        <Form<People> form={form} layout="vertical" requiredMark="optional" onFinish={(v) => void make(v)}>
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item label="移交人" name="from" rules={[{ required: true, whitespace: true, message: '请填写移交人' }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="接交人" name="to" rules={[{ required: true, whitespace: true, message: '请填写接交人' }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="监交人" name="supervisor" rules={[{ required: true, whitespace: true, message: '请填写监交人' }]}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" icon={<SwapOutlined />} loading={busy} disabled={!facts}>
            生成交接清单和加密交接备份
          </Button>
        </Form>
      </Card>
      <LoadHandoverCard />
      <HandoverHistoryCard />
    </Space>
  );
}
