import { createElement as h, type ReactNode } from 'react';
import { createRequire } from 'node:module';
import { renderToString } from 'react-dom/server';
import type { Plugin } from 'vite';
import { THEME } from '../src/app/theme';

// antd's CommonJS build and the style engine it renders with: one module instance, so the cache
// handed to StyleProvider is the one its components register their styles in.
const require = createRequire(import.meta.url);

/**
 * The antd components the first screens render (App.tsx's spinner while a first screen's code loads, the first-run form,
 * Shell.tsx and 概览 with its desk, UnsavedProvider's closed dialog), in the variants they use. Their styles are what
 * firstScreenStyles() extracts; tests/e2e/first-screen-styles.spec.ts fails when a first screen
 * generates an antd style at run time all the same, that is when a component is missing here.
 */
function firstScreens(antd: typeof import('antd')): ReactNode {
  const {
    Alert,
    Button,
    Card,
    Col,
    DatePicker,
    Descriptions,
    Divider,
    Empty,
    Flex,
    Form,
    Input,
    InputNumber,
    Layout,
    Menu,
    Progress,
    Row,
  } = antd;
  const { Modal, Select, Skeleton, Space, Spin, Statistic, Tag, Typography } = antd;
  return h(
    antd.App,
    null,
    // UnsavedProvider's question, mounted closed beneath every first screen.
    h(Modal, { open: false }),
    h(Spin, { fullscreen: true, description: '…' }),
    h(Spin, { size: 'large' }),
    h(
      Layout,
      { hasSider: true },
      h(Layout.Sider, { theme: 'light' }, h(Menu, { mode: 'inline', selectedKeys: ['a'], items: [{ key: 'a', label: 'a' }] })),
      h(Layout, null, h(Layout.Header), h(Layout.Content)),
    ),
    h(Typography.Title, null, '…'),
    h(Typography.Text, { strong: true, type: 'secondary' }, '…'),
    h(Typography.Paragraph, null, '…'),
    h(
      Row,
      { gutter: 16 },
      h(
        Col,
        { xs: 24, md: 8 },
        h(Card, { title: '…', size: 'small', extra: h(Button, { type: 'link' }) }, h(Statistic, { value: 1, suffix: '…' })),
      ),
    ),
    h(Statistic, { value: 1, loading: true }),
    h(Descriptions, { size: 'small', column: 3, items: [{ key: 'a', label: 'a', children: 'a' }] }),
    h(Skeleton, { active: true }),
    h(Space, null, h(Button, { type: 'primary' }), h(Button), h(Button, { size: 'small' })),
    h(Flex, { gap: 8 }, h(Tag, { color: 'red' }, '…')),
    h(Empty),
    h(Empty, { image: Empty.PRESENTED_IMAGE_SIMPLE }),
    h(Progress, { percent: 50, size: 'small' }),
    h(Alert, { type: 'info', showIcon: true, title: '…' }),
    h(Divider, { titlePlacement: 'start', plain: true }, '…'),
    h(
      Form,
      { layout: 'vertical' },
      h(Form.Item, { label: '…', name: 'a', required: true }, h(Input)),
      h(Form.Item, { label: '…', name: 'b' }, h(InputNumber, { suffix: '…' })),
      h(Form.Item, { label: '…', name: 'c' }, h(Select, { options: [] })),
      h(Form.Item, { label: '…', name: 'd' }, h(DatePicker, { picker: 'month' })),
    ),
  );
}

/**
 * The antd styles of the first screens as one stylesheet, as antd would generate them in the
 * browser for the app's theme, ending with the rule that tells antd's style engine which of its
 * styles this sheet holds (it then neither generates nor injects them at run time; the others it
 * still does, as before). antd finds them by a hash of the theme and of the build mode (NODE_ENV),
 * the same here as in the browser; were they to differ, antd would generate its styles at run time as
 * before, and the e2e test above would fail.
 */
export function firstScreenCss(): string {
  const antd = require('antd') as typeof import('antd');
  const cssinjs = require('@ant-design/cssinjs') as typeof import('@ant-design/cssinjs');
  const cache = cssinjs.createCache();
  renderToString(h(cssinjs.StyleProvider, { cache }, h(antd.ConfigProvider, { theme: THEME }, firstScreens(antd))));
  // Only the components' styles: the theme's CSS variables are always written at run time.
  return cssinjs.extractStyle(cache, { plain: true, types: 'style' });
}

const ID = 'virtual:first-screen-antd.css';

/**
 * Serves `virtual:first-screen-antd.css` (imported by main.tsx before the app's own CSS), made at
 * build time: the first screen does not spend its start-up generating, hashing and injecting antd's
 * styles. A file of the build like any other CSS, so nothing is fetched from the network.
 */
export function firstScreenStyles(): Plugin {
  return {
    name: 'first-screen-antd-styles',
    resolveId: (id) => (id === ID ? `\0${ID}` : null),
    load: (id) => (id === `\0${ID}` ? firstScreenCss() : null),
  };
}
