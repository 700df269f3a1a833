import { Space, Spin } from 'antd';
import { EnrolCard } from './EnrolCard';
import { NoticesCard } from './NoticesCard';
import { PublishedCard } from './PublishedCard';
import { useSyncConfig } from './queries';
import { RefusedCard } from './RefusedCard';
import { SkippedCard } from './SkippedCard';
import { StatusCard } from './StatusCard';
import { SubmitCard } from './SubmitCard';

export function SyncPage() {
  const config = useSyncConfig();
  if (config === undefined) return <Spin />;
  if (!config) return <EnrolCard />;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <StatusCard config={config} />
      <NoticesCard />
      <RefusedCard />
      <SkippedCard />
      <SubmitCard />
      <PublishedCard />
    </Space>
  );
}
