/**
 * The code of each page of a book by its path: no more than the dynamic imports, so that the first
 * screen's page can be fetched as the app starts (./first-screen-code.ts); ./routes.tsx gives the
 * pages their labels and icons.
 */
export const PAGE_CODE = {
  '/': () => import('../features/overview/OverviewPage'),
  '/members': () => import('../features/members/MembersPage'),
  '/dues': () => import('../features/dues/DuesPage'),
  '/activities': () => import('../features/activities/ActivitiesPage'),
  '/welfare': () => import('../features/welfare/WelfarePage'),
  '/finance': () => import('../features/finance/FinancePage'),
  '/ledger': () => import('../features/ledger/LedgerPage'),
  '/documents': () => import('../features/documents/DocumentsPage'),
  '/sync': () => import('../features/sync/SyncPage'),
  '/settings': () => import('../features/settings/SettingsPage'),
} as const;

export type PagePath = keyof typeof PAGE_CODE;

/** The page a path shows (the longest match; `/` for the rest). */
export function pagePathOf(pathname: string): PagePath {
  return (Object.keys(PAGE_CODE) as PagePath[]).find((p) => p !== '/' && pathname.startsWith(p)) ?? '/';
}
