import { moduleLoader } from './module-loader';

/**
 * The code of each page of a book by its path: no more than the dynamic imports (each run once), so that the first
 * screen's page can be fetched as the app starts (./first-screen-code.ts); ./routes.tsx gives the
 * pages their labels and icons.
 */
export const PAGE_CODE = {
  '/': moduleLoader(() => import('../features/overview/OverviewPage')),
  '/members': moduleLoader(() => import('../features/members/MembersPage')),
  '/dues': moduleLoader(() => import('../features/dues/DuesPage')),
  '/activities': moduleLoader(() => import('../features/activities/ActivitiesPage')),
  '/welfare': moduleLoader(() => import('../features/welfare/WelfarePage')),
  '/finance': moduleLoader(() => import('../features/finance/FinancePage')),
  '/ledger': moduleLoader(() => import('../features/ledger/LedgerPage')),
  '/documents': moduleLoader(() => import('../features/documents/DocumentsPage')),
  '/sync': moduleLoader(() => import('../features/sync/SyncPage')),
  '/settings': moduleLoader(() => import('../features/settings/SettingsPage')),
} as const;

export type PagePath = keyof typeof PAGE_CODE;

/** The page a path shows (the longest match; `/` for the rest). */
export function pagePathOf(pathname: string): PagePath {
  return (Object.keys(PAGE_CODE) as PagePath[]).find((p) => p !== '/' && pathname.startsWith(p)) ?? '/';
}
