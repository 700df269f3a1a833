import {
  AccountBookOutlined,
  CalendarOutlined,
  CloudSyncOutlined,
  DashboardOutlined,
  FileWordOutlined,
  GiftOutlined,
  MoneyCollectOutlined,
  ProfileOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { lazyPage, type LazyPage } from './lazy-page';

export interface AppRoute extends LazyPage {
  path: string;
  label: string;
  icon: ReactNode;
}

/**
 * The left navigation, in the order a union chair works through the year. Each page is its own
 * chunk, loaded on first visit and preloaded while the user is idle (./idle-preload.ts), so the
 * first screen runs only the code it shows.
 */
export const ROUTES: readonly AppRoute[] = [
  {
    path: '/',
    label: '概览',
    icon: <DashboardOutlined />,
    ...lazyPage(
      () => import('../features/overview/OverviewPage'),
      (m) => m.OverviewPage,
    ),
  },
  {
    path: '/members',
    label: '会员',
    icon: <TeamOutlined />,
    ...lazyPage(
      () => import('../features/members/MembersPage'),
      (m) => m.MembersPage,
    ),
  },
  {
    path: '/dues',
    label: '会费',
    icon: <MoneyCollectOutlined />,
    ...lazyPage(
      () => import('../features/dues/DuesPage'),
      (m) => m.DuesPage,
    ),
  },
  {
    path: '/activities',
    label: '活动',
    icon: <CalendarOutlined />,
    ...lazyPage(
      () => import('../features/activities/ActivitiesPage'),
      (m) => m.ActivitiesPage,
    ),
  },
  {
    path: '/welfare',
    label: '慰问',
    icon: <GiftOutlined />,
    ...lazyPage(
      () => import('../features/welfare/WelfarePage'),
      (m) => m.WelfarePage,
    ),
  },
  {
    path: '/finance',
    label: '收支',
    icon: <AccountBookOutlined />,
    ...lazyPage(
      () => import('../features/finance/FinancePage'),
      (m) => m.FinancePage,
    ),
  },
  {
    path: '/ledger',
    label: '账表',
    icon: <ProfileOutlined />,
    ...lazyPage(
      () => import('../features/ledger/LedgerPage'),
      (m) => m.LedgerPage,
    ),
  },
  {
    path: '/documents',
    label: '文档',
    icon: <FileWordOutlined />,
    ...lazyPage(
      () => import('../features/documents/DocumentsPage'),
      (m) => m.DocumentsPage,
    ),
  },
  {
    path: '/sync',
    label: '同步',
    icon: <CloudSyncOutlined />,
    ...lazyPage(
      () => import('../features/sync/SyncPage'),
      (m) => m.SyncPage,
    ),
  },
  {
    path: '/settings',
    label: '设置',
    icon: <SettingOutlined />,
    ...lazyPage(
      () => import('../features/settings/SettingsPage'),
      (m) => m.SettingsPage,
    ),
  },
];

/** The route a path shows (the longest match; `/` for the rest). */
export function routeOf(pathname: string): AppRoute {
  return ROUTES.find((r) => r.path !== '/' && pathname.startsWith(r.path)) ?? ROUTES[0]!;
}

export function preloadRouteOf(pathname: string): Promise<unknown> {
  return routeOf(pathname).preload();
}
