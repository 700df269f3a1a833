import {
  AccountBookOutlined,
  CalendarOutlined,
  CloudSyncOutlined,
  DashboardOutlined,
  FileWordOutlined,
  GiftOutlined,
  MoneyCollectOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { ActivitiesPage } from '../features/activities/ActivitiesPage';
import { DocumentsPage } from '../features/documents/DocumentsPage';
import { DuesPage } from '../features/dues/DuesPage';
import { FinancePage } from '../features/finance/FinancePage';
import { MembersPage } from '../features/members/MembersPage';
import { OverviewPage } from '../features/overview/OverviewPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SyncPage } from '../features/sync/SyncPage';
import { WelfarePage } from '../features/welfare/WelfarePage';

export interface AppRoute {
  path: string;
  label: string;
  icon: ReactNode;
  element: ReactNode;
}

/** The left navigation, in the order a union chair works through the year. */
export const ROUTES: readonly AppRoute[] = [
  { path: '/', label: '概览', icon: <DashboardOutlined />, element: <OverviewPage /> },
  { path: '/members', label: '会员', icon: <TeamOutlined />, element: <MembersPage /> },
  { path: '/dues', label: '会费', icon: <MoneyCollectOutlined />, element: <DuesPage /> },
  { path: '/activities', label: '活动', icon: <CalendarOutlined />, element: <ActivitiesPage /> },
  { path: '/welfare', label: '慰问', icon: <GiftOutlined />, element: <WelfarePage /> },
  { path: '/finance', label: '收支', icon: <AccountBookOutlined />, element: <FinancePage /> },
  { path: '/documents', label: '文档', icon: <FileWordOutlined />, element: <DocumentsPage /> },
  { path: '/sync', label: '同步', icon: <CloudSyncOutlined />, element: <SyncPage /> },
  { path: '/settings', label: '设置', icon: <SettingOutlined />, element: <SettingsPage /> },
];
