import { Flex, Spin, Typography } from 'antd';

/** Shown while a page's code loads on its first visit (a fraction of a second from the local disk). */
export function PageLoading() {
  return (
    <Flex vertical align="center" justify="center" gap={12} style={{ minHeight: 240 }} role="status" aria-live="polite">
      <Spin size="large" />
      <Typography.Text type="secondary">正在加载页面…</Typography.Text>
    </Flex>
  );
}
