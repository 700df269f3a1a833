import { Spin } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
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
import type { AppStart, OpenedBook } from './open-app';
import { ServicesContext, SwitchBookContext, type Services, type SwitchBook } from './services';
import { nameBook, onBookNamedElsewhere, settleBooks } from '../db/book-directory';
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
  return <OpenedApp opened={start.opened} />;
}

/** The app on its book; a replaced book (restore, demo book, 清空账簿) is another database, and every page opens anew on it. */
function OpenedApp({ opened }: { opened: OpenedBook }) {
  const [book, setBook] = useState<{ services: Services; union: UnionProfile | null | undefined; counts: OpenedBook['counts'] }>(
    () => opened,
  );
  const switchBook = useCallback<SwitchBook>(async (next) => {
    await nameBook(next.db.name);
    // Nothing read from the replaced book stands: the union and 概览's figures are read anew.
    setBook((was) => ({ services: { ...was.services, ...next }, union: undefined, counts: { current: undefined } }));
  }, []);
  const { db } = book.services;
  const shown = useRef(db);
  useEffect(() => {
    // The replaced book's connection closes once its pages are gone, so that it can be deleted.
    if (shown.current !== db) shown.current.close();
    shown.current = db;
  }, [db]);
  useEffect(() => settleBooksWhenIdle(db.name), [db.name]);
  return (
    <SwitchBookContext.Provider value={switchBook}>
      <ServicesContext.Provider value={book.services} key={db.name}>
        <StartupCountsContext.Provider value={book.counts}>
          {/* The declarative router, not the data router: the pages keep their own <Routes>, and leaving
              one with unsaved work is held by the router's leave guard. */}
          <GuardedHashRouter>
            <Root firstUnion={book.union} />
          </GuardedHashRouter>
        </StartupCountsContext.Provider>
      </ServicesContext.Provider>
    </SwitchBookContext.Provider>
  );
}

/**
 * Once the first screen shows: the book the directory names is kept, every other book's database
 * is deleted, and a page whose copy of the name was stale opens again. Another window that replaces
 * the book makes this one open again too (only a browser opens two windows on one profile).
 */
function settleBooksWhenIdle(opened: string): () => void {
  const reopen = () => window.location.reload();
  const stopWatching = onBookNamedElsewhere(reopen);
  const stop = preloadWhenIdle([() => settleBooks(opened).then((settled) => settled.current !== opened && reopen())]);
  return () => {
    stopWatching();
    stop();
  };
}

function Root({ firstUnion }: { firstUnion: UnionProfile | null | undefined }) {
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
