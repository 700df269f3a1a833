import { Card, Empty, Typography } from 'antd';

/** An honest empty state for a page whose feature is not built yet: says what will be here. */
export function PendingPage({ title, description }: { title: string; description: string }) {
  return (
    <Card>
      <Typography.Title level={4}>{title}</Typography.Title>
      <Empty description={description} />
    </Card>
  );
}
