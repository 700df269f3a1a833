import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Dashboard } from './Dashboard';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* No animations, as in the app (renderer/src/app/theme.ts): a closing dialog gives the window back at once. */}
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#c0392b', motion: false } }}>
      <Dashboard />
    </ConfigProvider>
  </StrictMode>,
);
