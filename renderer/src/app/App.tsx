import { Spin } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { GuardedHashRouter } from '../components/unsaved/GuardedHashRouter';
import { UnsavedProvider } from '../components/unsaved/UnsavedProvider';
import type { BookDatabase } from '../db/book-database';
import { openBookDatabase } from '../db/current-database';
import { DexieStore } from '../db/dexie-store';
import { openMutator, preloadRowCheck } from '../db/mutations';
import { preloadWhenIdle } from './idle-preload';
import { OpenUnionContext, readUnion, useUnion } from '../features/union/queries';
import { readDeskCounts, StartupCountsContext, type StartupCounts } from '../features/overview/figures';
import { detectPlatform } from '../platform';
import { addressedPage, bookDatabaseAsked, loadFirstRun, loadFirstScreen, loadShell } from './first-screen-code';
import { rememberFirstScreen } from './first-screen-shown';
import { lazyComponent } from './lazy-page';
import { ServicesContext, type Services } from './services';
import { errorText } from '../../../shared/error-text';
import type { UnionProfile } from '../../../shared/model/records';
import { thisYear } from '../../../shared/clock/today';

const FirstRunPage = lazyComponent(loadFirstRun, (m) => m.FirstRunPage);
const DatabaseError = lazy(() => import('./DatabaseError'));
const Shell = lazyComponent(loadShell, (m) => m.Shell);

export function App() {
  // The services and the union read with them, set together: the first screen is chosen from both.
  const [opened, setOpened] = useState<{
    services: Services;
    union: UnionProfile | null;
    counts: { current: StartupCounts | undefined };
  } | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Checked at every write, needed by neither first screen.
  useEffect(() => preloadWhenIdle([preloadRowCheck]), []);

  useEffect(() => {
    // StrictMode mounts twice in development: a closed database from the first mount must never reach the page.
    let cancelled = false;
    let opened: BookDatabase | null = null;
    let existed: boolean | null = null;
    // Opened only once the page has asked whether the book's database exists: opening creates it.
    bookDatabaseAsked
      .then((exists) => {
        existed = exists;
        return cancelled ? null : openBookDatabase();
      })
      .then(async (db) => {
        if (!db) return;
        opened = db;
        if (cancelled) return db.close();
        // The union decides which first screen shows: read beside the device's own rows, not after
        // them and a render, so the first screen's own reads start one round trip earlier.
        // On 概览, its six figures too, so that the page's first render shows them
        // (features/overview/figures.ts); not in a database made just now, which holds no book.
        const year = thisYear();
        const [mutator, union, counts] = await Promise.all([
          openMutator(db),
          readUnion(db),
          existed !== false && addressedPage() === '/' ? readDeskCounts(db, year) : undefined,
        ]);
        // Its code too (fetched since the page started): shown with the spinner below rather than
        // as a Suspense fallback, which React would hold for 300 ms once the code is in.
        await loadFirstScreen(union !== null).catch(() => undefined);
        if (cancelled) return;
        setOpened({
          services: { db, mutator, store: new DexieStore(db, mutator), platform: detectPlatform() },
          union,
          // Read before the book had a union, they would be stale once it has one (the demo book loaded, say).
          counts: { current: union && counts ? { year, counts } : undefined },
        });
      })
      .catch((e: unknown) => !cancelled && setError(errorText(e)));
    return () => {
      cancelled = true;
      opened?.close();
    };
  }, []);

  if (error)
    return (
      <Suspense fallback={null}>
        <DatabaseError message={error} />
      </Suspense>
    );
  if (!opened) return <Spin fullscreen tip="正在打开账簿…" />;
  return (
    <ServicesContext.Provider value={opened.services}>
      <StartupCountsContext.Provider value={opened.counts}>
        {/* The declarative router, not the data router: the pages keep their own <Routes>, and leaving
            one with unsaved work is held by the router's leave guard. */}
        <GuardedHashRouter>
          <Root firstUnion={opened.union} />
        </GuardedHashRouter>
      </StartupCountsContext.Provider>
    </ServicesContext.Provider>
  );
}

function Root({ firstUnion }: { firstUnion: UnionProfile | null }) {
  const union = useUnion(firstUnion);
  // The next start fetches this screen's code before the rest of start-up has run (./first-screen-code.ts).
  useEffect(() => {
    if (union !== undefined) rememberFirstScreen(union ? 'book' : 'first-run');
  }, [union]);
  if (union === undefined) return <Spin fullscreen tip="正在打开账簿…" />;
  return (
    <ErrorBoundary what="程序" hint="请重新加载。">
      <UnsavedProvider>
        <Suspense fallback={<Spin fullscreen tip="正在打开账簿…" />}>
          {union ? (
            <OpenUnionContext.Provider value={union}>
              <Shell union={union} />
            </OpenUnionContext.Provider>
          ) : (
            <FirstRunPage />
          )}
        </Suspense>
      </UnsavedProvider>
    </ErrorBoundary>
  );
}
