import { Spin } from 'antd';
import { lazy, Suspense, useEffect } from 'react';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { GuardedHashRouter } from '../components/unsaved/GuardedHashRouter';
import { UnsavedProvider } from '../components/unsaved/UnsavedProvider';
import { preloadRowCheck } from '../db/mutations';
import { preloadWhenIdle } from './idle-preload';
import { OpenUnionContext, useUnion } from '../features/union/queries';
import { StartupCountsContext } from '../features/overview/figures';
import { loadFirstRun, loadShell } from './first-screen-code';
import { rememberFirstScreen } from './first-screen-shown';
import { lazyComponent } from './lazy-page';
import type { AppStart } from './open-app';
import { ServicesContext } from './services';
import type { UnionProfile } from '../../../shared/model/records';

const FirstRunPage = lazyComponent(loadFirstRun, (m) => m.FirstRunPage);
const DatabaseError = lazy(() => import('./DatabaseError'));
const Shell = lazyComponent(loadShell, (m) => m.Shell);

export function App({ start }: { start: AppStart }) {
  // Checked at every write, needed by neither first screen.
  useEffect(() => preloadWhenIdle([preloadRowCheck]), []);
  if ('error' in start)
    return (
      <Suspense fallback={null}>
        <DatabaseError message={start.error} />
      </Suspense>
    );
  const { opened } = start;
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
