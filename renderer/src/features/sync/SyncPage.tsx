import { Space, Spin } from 'antd';
import { EnrolCard } from './EnrolCard';
import { NoticesCard } from './NoticesCard';
import { OfflineEnrolCard } from './OfflineEnrolCard';
import { OfflinePackageCard } from './OfflinePackageCard';
import { PublishedCard } from './PublishedCard';
import { useSyncConfig } from './queries';
import { RefusedCard } from './RefusedCard';
import { SkippedCard } from './SkippedCard';
import { StatusCard } from './StatusCard';
import { SubmitCard } from './SubmitCard';

export function SyncPage() {
  const config = useSyncConfig();
  if (config === undefined) return <Spin />;
  if (!config)
    return (
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <EnrolCard />
        <OfflineEnrolCard />
      </Space>
    );
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <StatusCard config={config} />
      <NoticesCard />
      {config.packages && <OfflinePackageCard online={config.serverUrl !== ''} />}
      <RefusedCard />
      <SkippedCard />
      <SubmitCard />
      <PublishedCard />
    </Space>
  );
}
