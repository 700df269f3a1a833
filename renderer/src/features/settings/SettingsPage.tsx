import { Spin, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { BackupPanel } from '../backup/BackupPanel';
import { DuesRuleSettings } from '../dues/DuesRuleSettings';
import { HandoverPanel } from '../handover/HandoverPanel';
import { useUnion } from '../union/queries';
import { SpendingLimitSettings } from '../welfare/SpendingLimitSettings';
import { ProfileForm } from './ProfileForm';

/** 设置: one tab per concern; features add their own settings panel to this list. */
export function SettingsPage() {
  const union = useUnion();
  const [params, setParams] = useSearchParams();
  if (!union) return <Spin />;
  const tabs = [
    { key: 'profile', label: '工会信息', children: <ProfileForm union={union} /> },
    { key: 'backup', label: '备份与恢复', children: <BackupPanel /> },
    { key: 'dues', label: '会费标准', children: <DuesRuleSettings /> },
    { key: 'limits', label: '开支标准', children: <SpendingLimitSettings union={union} /> },
    { key: 'handover', label: '换届交接', children: <HandoverPanel /> },
  ];
  return (
    <Tabs
      items={tabs}
      activeKey={params.get('tab') ?? 'profile'}
      onChange={(key) => setParams({ tab: key }, { replace: true })}
      destroyOnHidden
    />
  );
}
