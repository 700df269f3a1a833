import { Result, Spin } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { createHashRouter, RouterProvider } from 'react-router';
import { UnsavedProvider } from '../components/unsaved/UnsavedProvider';
import { UnionBooksDB } from '../db/database';
import { DexieStore } from '../db/dexie-store';
import { openMutator } from '../db/mutations';
import { useUnion } from '../features/union/queries';
import { detectPlatform } from '../platform';
import { preloadRouteOf } from './routes';
import { ServicesContext, type Services } from './services';
import { Shell } from './Shell';

// Once per book, so not part of every start.
const FirstRunPage = lazy(() => import('../features/firstrun/FirstRunPage').then((m) => ({ default: m.FirstRunPage })));

export function App() {
  const [services, setServices] = useState<Services | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A data router, so that leaving a page with unsaved work can be blocked (useBlocker); the pages
  // keep their own <Routes> beneath the one catch-all route.
  const [router] = useState(() => createHashRouter([{ path: '*', element: <Root /> }]));

  useEffect(() => {
    // StrictMode mounts twice in development: a closed database from the first mount must never reach the page.
    let cancelled = false;
    // The page to show is fetched while the database opens, not after.
    void preloadRouteOf(window.location.hash.replace(/^#/, '') || '/').catch(() => undefined);
    const db = new UnionBooksDB();
    openMutator(db)
      .then((mutator) => !cancelled && setServices({ db, mutator, store: new DexieStore(db, mutator), platform: detectPlatform() }))
      .catch((e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
      db.close();
    };
  }, []);

  if (error) return <Result status="error" title="无法打开本地数据库" subTitle={error} />;
  if (!services) return <Spin fullscreen tip="正在打开账簿…" />;
  return (
    <ServicesContext.Provider value={services}>
      <RouterProvider router={router} />
    </ServicesContext.Provider>
  );
}

function Root() {
  const union = useUnion();
  if (union === undefined) return <Spin fullscreen tip="正在打开账簿…" />;
  return (
    <UnsavedProvider>
      {union ? (
        <Shell union={union} />
      ) : (
        <Suspense fallback={<Spin fullscreen tip="正在打开账簿…" />}>
          <FirstRunPage />
        </Suspense>
      )}
    </UnsavedProvider>
  );
}
