import { Layout, Menu, Typography } from 'antd';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import type { UnionProfile } from '../../../shared/model/records';
import { useAutoBackup } from '../features/backup/useAutoBackup';
import { useBackupFolder } from '../features/backup/device-folder';
import { useServices } from './services';
import { useAutoSync } from '../features/sync/auto';
import { ROUTES } from './routes';

const { Sider, Header, Content } = Layout;

export function Shell({ union }: { union: UnionProfile }) {
  const location = useLocation();
  const navigate = useNavigate();
  const { db } = useServices();
  useAutoBackup(useBackupFolder(db));
  useAutoSync();
  const selected = ROUTES.find((r) => r.path !== '/' && location.pathname.startsWith(r.path))?.path ?? '/';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={168} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 16, color: '#c0392b' }}>工会账簿</div>
        <nav aria-label="主导航">
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            items={ROUTES.map((r) => ({ key: r.path, icon: r.icon, label: r.label }))}
            onClick={({ key }) => navigate(key)}
            style={{ borderInlineEnd: 'none' }}
          />
        </nav>
      </Sider>
      <Layout>
        <Header style={{ background: '#fff', borderBottom: '1px solid #f0f0f0', paddingInline: 24, display: 'flex', alignItems: 'center' }}>
          <Typography.Text strong style={{ fontSize: 16 }} data-testid="union-name">
            {union.name}
          </Typography.Text>
        </Header>
        <Content style={{ padding: 24 }}>
          <Routes>
            {ROUTES.map((r) => (
              <Route key={r.path} path={r.path === '/' ? '/' : `${r.path}/*`} element={r.element} />
            ))}
          </Routes>
        </Content>
      </Layout>
    </Layout>
  );
}
