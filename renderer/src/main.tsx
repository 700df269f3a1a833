// First: starts fetching the first screen's code before the rest of the start-up code runs.
import './app/first-screen-code';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { openApp } from './app/open-app';
import { THEME } from './app/theme';
// Before the app's own CSS, where antd's run-time styles would be: the first screens' antd styles,
// extracted at build time (renderer/build/first-screen-styles.ts).
import 'virtual:first-screen-antd.css';
import './app/global.css';
import './components/print/print.css';

// Every start-up module has run by here (this body runs after all it imports): a mark that tests and
// profiles read to tell what the page fetched before it and what only after.
performance.mark('unionbooks:start-up-code-run');

dayjs.locale('zh-cn');

const root = document.getElementById('root');
if (!root) throw new Error('root element missing');
// The page's own loading screen shows until the book is open and its first screen's code is in:
// React's first render is that screen.
void openApp().then((start) =>
  createRoot(root).render(
    <StrictMode>
      <ConfigProvider locale={zhCN} theme={THEME}>
        <AntApp>
          <App start={start} />
        </AntApp>
      </ConfigProvider>
    </StrictMode>,
  ),
);
