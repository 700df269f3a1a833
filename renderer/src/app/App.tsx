import { Spin } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { createHashRouter, RouterProvider } from 'react-router';
import { UnsavedProvider } from '../components/unsaved/UnsavedProvider';
import { UnionBooksDB } from '../db/database';
import { DexieStore } from '../db/dexie-store';
import { openMutator } from '../db/mutations';
import { DB_NAME } from '../db/schema';
import { useUnion } from '../features/union/queries';
import { detectPlatform } from '../platform';
import { preloadRouteOf } from './routes';
import { ServicesContext, type Services } from './services';
import { errorText } from '../../../shared/error-text';

// Each first screen is a chunk of its own, so the start-up code holds only what both need: the
// first run never loads the pages of a book, nor 概览 the first-run form.
const loadFirstRun = () => import('../features/firstrun/FirstRunPage');
const FirstRunPage = lazy(() => loadFirstRun().then((m) => ({ default: m.FirstRunPage })));
const DatabaseError = lazy(() => import('./DatabaseError'));
const loadShell = () => import('./Shell');
const Shell = lazy(() => loadShell().then((m) => ({ default: m.Shell })));

/** Whether this browser profile holds the book's database yet; null where the browser cannot tell. */
async function bookDatabaseExists(): Promise<boolean | null> {
  if (typeof indexedDB.databases !== 'function') return null;
  const databases = await indexedDB.databases().catch(() => null);
  return databases ? databases.some((d) => d.name === DB_NAME) : null;
}

/**
 * Fetches the code of the screen that will show while the database opens, not after: a profile
 * without the book's database is a first run; otherwise (or where the browser cannot tell) the book's
 * pages are the likelier. Only a guess: what shows is decided by the book itself.
 */
function preloadFirstScreen(firstRun: boolean): void {
  const loading = firstRun ? loadFirstRun() : Promise.all([loadShell(), preloadRouteOf(window.location.hash.replace(/^#/, '') || '/')]);
  void loading.catch(() => undefined);
}

export function App() {
  const [services, setServices] = useState<Services | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A data router, so that leaving a page with unsaved work can be blocked (useBlocker); the pages
  // keep their own <Routes> beneath the one catch-all route.
  const [router] = useState(() => createHashRouter([{ path: '*', element: <Root /> }]));

  useEffect(() => {
    // StrictMode mounts twice in development: a closed database from the first mount must never reach the page.
    let cancelled = false;
    const db = new UnionBooksDB();
    // Asked before the database is opened, which creates it.
    bookDatabaseExists()
      .then((exists) => {
        preloadFirstScreen(exists === false);
        return cancelled ? null : openMutator(db);
      })
      .then(
        (mutator) => mutator && !cancelled && setServices({ db, mutator, store: new DexieStore(db, mutator), platform: detectPlatform() }),
      )
      .catch((e: unknown) => !cancelled && setError(errorText(e)));
    return () => {
      cancelled = true;
      db.close();
    };
  }, []);

  if (error)
    return (
      <Suspense fallback={null}>
        <DatabaseError message={error} />
      </Suspense>
    );
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
      <Suspense fallback={<Spin fullscreen tip="正在打开账簿…" />}>{union ? <Shell union={union} /> : <FirstRunPage />}</Suspense>
    </UnsavedProvider>
  );
}
