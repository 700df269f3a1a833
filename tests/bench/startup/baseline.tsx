// The start-up benchmark's baseline: the same React + antd shell as the app (menu, header, the six
// figures of 概览) with fixed values and nothing else — no database, no router, no pages.
import {
  AccountBookOutlined,
  CalendarOutlined,
  CloudSyncOutlined,
  DashboardOutlined,
  FileWordOutlined,
  GiftOutlined,
  MoneyCollectOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { App as AntApp, Card, Col, ConfigProvider, Descriptions, Layout, Menu, Row, Space, Statistic, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const MENU = [
  ['概览', <DashboardOutlined key="a" />],
  ['会员', <TeamOutlined key="b" />],
  ['会费', <MoneyCollectOutlined key="c" />],
  ['活动', <CalendarOutlined key="d" />],
  ['慰问', <GiftOutlined key="e" />],
  ['收支', <AccountBookOutlined key="f" />],
  ['文档', <FileWordOutlined key="g" />],
  ['同步', <CloudSyncOutlined key="h" />],
  ['设置', <SettingOutlined key="i" />],
] as const;

const STATS = [
  ['stat-members', '会员人数', 120, '人'],
  ['stat-women', '女会员', 56, '人'],
  ['stat-dues', '会费收缴', '35,120.00', '元'],
  ['stat-activities', '活动', 24, '项'],
  ['stat-welfare', '慰问', 61, '人次'],
  ['stat-transactions', '收支笔数', 160, '笔'],
] as const;

function Shell() {
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={168} theme="light">
        <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 16, color: '#c0392b' }}>工会账簿</div>
        <Menu mode="inline" selectedKeys={['概览']} items={MENU.map(([label, icon]) => ({ key: label, icon, label }))} />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', paddingInline: 24, display: 'flex', alignItems: 'center' }}>
          <Typography.Text strong>某某公司工会委员会</Typography.Text>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            <Card>
              <Typography.Title level={3} style={{ marginTop: 0 }}>
                某某公司工会委员会
              </Typography.Title>
              <Descriptions size="small" column={3}>
                <Descriptions.Item label="所在单位">某某公司</Descriptions.Item>
                <Descriptions.Item label="上级工会">某某区总工会</Descriptions.Item>
                <Descriptions.Item label="工会主席">张三</Descriptions.Item>
              </Descriptions>
            </Card>
            <Row gutter={[16, 16]}>
              {STATS.map(([id, title, value, suffix]) => (
                <Col key={id} xs={12} md={8} xl={4}>
                  <Card>
                    <Statistic title={title} value={value} suffix={suffix} data-testid={id} />
                  </Card>
                </Col>
              ))}
            </Row>
          </Space>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#c0392b', borderRadius: 4 } }}>
      <AntApp>
        <Shell />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
