import { Spin } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { GuardedHashRouter } from '../components/unsaved/GuardedHashRouter';
import { UnsavedProvider } from '../components/unsaved/UnsavedProvider';
import type { BookDatabase } from '../db/book-database';
import { openBookDatabase } from '../db/current-database';
import { DexieStore } from '../db/dexie-store';
import { openMutator, preloadRowCheck } from '../db/mutations';
import { preloadWhenIdle } from './idle-preload';
import { useUnion } from '../features/union/queries';
import { detectPlatform } from '../platform';
import { bookDatabaseAsked, loadFirstRun, loadShell } from './first-screen-code';
import { ServicesContext, type Services } from './services';
import { errorText } from '../../../shared/error-text';

const FirstRunPage = lazy(() => loadFirstRun().then((m) => ({ default: m.FirstRunPage })));
const DatabaseError = lazy(() => import('./DatabaseError'));
const Shell = lazy(() => loadShell().then((m) => ({ default: m.Shell })));

export function App() {
  const [services, setServices] = useState<Services | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Checked at every write, needed by neither first screen.
  useEffect(() => preloadWhenIdle([preloadRowCheck]), []);

  useEffect(() => {
    // StrictMode mounts twice in development: a closed database from the first mount must never reach the page.
    let cancelled = false;
    let opened: BookDatabase | null = null;
    // Opened only once the page has asked whether the book's database exists: opening creates it.
    bookDatabaseAsked
      .then(() => (cancelled ? null : openBookDatabase()))
      .then(async (db) => {
        if (!db) return;
        opened = db;
        if (cancelled) return db.close();
        const mutator = await openMutator(db);
        if (!cancelled) setServices({ db, mutator, store: new DexieStore(db, mutator), platform: detectPlatform() });
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
  if (!services) return <Spin fullscreen tip="正在打开账簿…" />;
  return (
    <ServicesContext.Provider value={services}>
      {/* The declarative router, not the data router: the pages keep their own <Routes>, and leaving
          one with unsaved work is held by the router's leave guard. */}
      <GuardedHashRouter>
        <Root />
      </GuardedHashRouter>
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
