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
import { PAGE_CODE, pagePathOf, type PagePath } from './page-code';

export interface AppRoute extends LazyPage {
  path: PagePath;
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
    ...lazyPage(PAGE_CODE['/'], (m) => m.OverviewPage),
  },
  {
    path: '/members',
    label: '会员',
    icon: <TeamOutlined />,
    ...lazyPage(PAGE_CODE['/members'], (m) => m.MembersPage),
  },
  {
    path: '/dues',
    label: '会费',
    icon: <MoneyCollectOutlined />,
    ...lazyPage(PAGE_CODE['/dues'], (m) => m.DuesPage),
  },
  {
    path: '/activities',
    label: '活动',
    icon: <CalendarOutlined />,
    ...lazyPage(PAGE_CODE['/activities'], (m) => m.ActivitiesPage),
  },
  {
    path: '/welfare',
    label: '慰问',
    icon: <GiftOutlined />,
    ...lazyPage(PAGE_CODE['/welfare'], (m) => m.WelfarePage),
  },
  {
    path: '/finance',
    label: '收支',
    icon: <AccountBookOutlined />,
    ...lazyPage(PAGE_CODE['/finance'], (m) => m.FinancePage),
  },
  {
    path: '/ledger',
    label: '账表',
    icon: <ProfileOutlined />,
    ...lazyPage(PAGE_CODE['/ledger'], (m) => m.LedgerPage),
  },
  {
    path: '/documents',
    label: '文档',
    icon: <FileWordOutlined />,
    ...lazyPage(PAGE_CODE['/documents'], (m) => m.DocumentsPage),
  },
  {
    path: '/sync',
    label: '同步',
    icon: <CloudSyncOutlined />,
    ...lazyPage(PAGE_CODE['/sync'], (m) => m.SyncPage),
  },
  {
    path: '/settings',
    label: '设置',
    icon: <SettingOutlined />,
    ...lazyPage(PAGE_CODE['/settings'], (m) => m.SettingsPage),
  },
];

/** The route a path shows (the longest match; `/` for the rest). */
export function routeOf(pathname: string): AppRoute {
  const path = pagePathOf(pathname);
  return ROUTES.find((r) => r.path === path) ?? ROUTES[0]!;
}
