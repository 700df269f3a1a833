import { Layout, Menu, Typography } from 'antd';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import type { UnionProfile } from '../../../shared/model/records';
import { FirstScreenShown } from './first-screen';
import { preloadWhenIdle } from './idle-preload';
import { PageLoading } from './PageLoading';
import { routeOf, ROUTES } from './routes';
import { PRELOAD_LIBRARIES } from './preload-libraries';
import { DemoBanner } from '../features/firstrun/DemoBanner';
import { preloadSearch, SearchButton } from '../features/search/SearchButton';
import { HELP_PATH, HelpButton } from '../features/help/HelpButton';
import { lazyPage } from './lazy-page';

const { Sider, Header, Content } = Layout;

const BackgroundWork = lazy(() => import('./BackgroundWork'));
const Help = lazyPage(
  () => import('../features/help/HelpPage'),
  (m) => m.HelpPage,
);

/** After the first screen is painted, long enough for the rest of 概览 (to-dos, money, charts) to fill in on a slow PC. */
const PRELOAD_AFTER_MS = 3_000;

export function Shell({ union }: { union: UnionProfile }) {
  const location = useLocation();
  const navigate = useNavigate();
  const [background, setBackground] = useState(false);
  // After the first screen: background work first, then every page, then the heavy libraries.
  useEffect(
    () =>
      preloadWhenIdle(
        [async () => setBackground(true), ...ROUTES.map((r) => r.preload), preloadSearch, ...PRELOAD_LIBRARIES],
        PRELOAD_AFTER_MS,
      ),
    [],
  );
  const selected = location.pathname.startsWith(HELP_PATH) ? '' : routeOf(location.pathname).path;
  return (
    <Layout hasSider style={{ minHeight: '100vh' }}>
      {background && (
        <Suspense fallback={null}>
          <BackgroundWork />
        </Suspense>
      )}
      {/* The menu stays in view on long pages: the side bar sticks and scrolls on its own. */}
      <Sider
        width={168}
        theme="light"
        style={{ borderRight: '1px solid #f0f0f0', position: 'sticky', top: 0, height: '100vh', overflowY: 'auto' }}
      >
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
      {/* minWidth 0 lets a wide table scroll inside the page instead of widening it. */}
      <Layout style={{ minWidth: 0 }}>
        <Header style={{ background: '#fff', borderBottom: '1px solid #f0f0f0', paddingInline: 24, display: 'flex', alignItems: 'center' }}>
          <Typography.Text strong style={{ fontSize: 16 }} data-testid="union-name">
            {union.name}
          </Typography.Text>
          <span style={{ marginInlineStart: 'auto', display: 'flex', gap: 8 }}>
            <SearchButton />
            <HelpButton />
          </span>
        </Header>
        <DemoBanner union={union} />
        <Content style={{ padding: 24 }}>
          <ErrorBoundary what="此页面" hint="可重新加载，或从左侧菜单打开其他页面。" resetKey={location.pathname}>
            <Suspense fallback={<PageLoading />}>
              <Routes>
                {ROUTES.map(({ path, Page }) => (
                  <Route key={path} path={path === '/' ? '/' : `${path}/*`} element={<Page />} />
                ))}
                <Route path={`${HELP_PATH}/*`} element={<Help.Page />} />
              </Routes>
              {/* A page other than 概览 is shown once its code has loaded; 概览 says so itself, once its figures are in. */}
              {selected !== '/' && <FirstScreenShown />}
            </Suspense>
          </ErrorBoundary>
        </Content>
      </Layout>
    </Layout>
  );
}
