import { DatabaseOutlined, PlusCircleOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import { useState } from 'react';
import { useServices } from '../../app/services';
import { loadDemoBook } from '../backup/book-io';
import { createUnion } from '../../../../shared/engine/ops/union';
import { LeaveSyncNotice } from '../backup/LeaveSyncNotice';
import { useEnrolment } from '../backup/useEnrolment';

interface CreateForm {
  name: string;
  employer?: string;
  upperUnion?: string;
  chair?: string;
  treasurer?: string;
  employeeCount?: number;
}

/** First start: set up one's own union, or look around in a realistic demo union first. */
export function FirstRunPage() {
  const { db, mutator, store } = useServices();
  const { message, modal } = App.useApp();
  const enrolled = useEnrolment(db);
  const [loadingDemo, setLoadingDemo] = useState(false);
  const [saving, setSaving] = useState(false);

  const create = async (values: CreateForm) => {
    setSaving(true);
    try {
      await createUnion(store, {
        name: values.name.trim(),
        employer: values.employer?.trim() ?? '',
        upperUnion: values.upperUnion?.trim() ?? '',
        chair: values.chair?.trim() ?? '',
        treasurer: values.treasurer?.trim() ?? '',
        employeeCount: values.employeeCount ?? 0,
      });
      message.success('工会已创建');
    } finally {
      setSaving(false);
    }
  };

  const loadDemo = async () => {
    setLoadingDemo(true);
    try {
      await loadDemoBook(db, mutator);
      message.success('示例数据已载入');
    } catch (e) {
      message.error(`载入示例数据失败：${e instanceof Error ? e.message : String(e)}`);
      setLoadingDemo(false);
    }
  };

  // The demo union must never be sent up as the union this device is enrolled for.
  const demo = async () => {
    const enrolment = await enrolled();
    if (!enrolment) return loadDemo();
    modal.confirm({
      title: '退出同步并载入示例数据？',
      width: 560,
      content: <LeaveSyncNotice enrolment={enrolment} />,
      okText: '退出同步并载入',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: loadDemo,
    });
  };

  return (
    <div style={{ maxWidth: 960, margin: '48px auto', padding: '0 24px' }}>
      <Typography.Title level={2} style={{ textAlign: 'center' }}>
        欢迎使用工会账簿
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
        会员名册、会费、活动、慰问和经费收支记在一处，年底一键生成工作总结和报表。数据保存在本机，无需联网。
      </Typography.Paragraph>
      <Row gutter={24} style={{ marginTop: 32 }}>
        <Col xs={24} md={14}>
          <Card
            title={
              <>
                <PlusCircleOutlined /> 创建我的工会
              </>
            }
          >
            <Form<CreateForm> layout="vertical" onFinish={create} requiredMark="optional">
              <Form.Item label="工会名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写工会名称' }]}>
                <Input placeholder="例如：某某有限公司工会委员会" autoFocus />
              </Form.Item>
              <Form.Item label="所在单位" name="employer">
                <Input />
              </Form.Item>
              <Form.Item label="上级工会" name="upperUnion">
                <Input placeholder="例如：某某区总工会" />
              </Form.Item>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item label="工会主席" name="chair">
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item label="经费会计/出纳" name="treasurer">
                    <Input />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item label="职工人数" name="employeeCount" extra="用于计算入会率">
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={saving} block>
                创建
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} md={10}>
          <Card
            title={
              <>
                <DatabaseOutlined /> 先看看示例
              </>
            }
          >
            <Typography.Paragraph>
              载入一个虚构工会的完整账簿：约 120 名会员、一年的会费、活动、慰问和收支记录，每个页面都有真实可看的内容。
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary">看完后可在“设置 → 备份与恢复”中清空示例，创建自己的工会。</Typography.Paragraph>
            <Button onClick={demo} loading={loadingDemo} block>
              载入示例数据
            </Button>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
