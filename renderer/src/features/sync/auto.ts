import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef } from 'react';
import { useServices } from '../../app/services';
import { AutoSyncTimer } from './auto-timer';
import { syncEngineFor } from './engine';
import { outboxWaiting, useSyncConfig } from './queries';
import type { BookDatabase } from '../../db/book-database';

/**
 * What the automatic sync watches to learn of a local write: the changes waiting to be sent, counted
 * only on an enrolled device (null elsewhere). The count walks every waiting change, and a live query
 * runs it again after each write; a book that never syncs keeps every change it ever made waiting, so
 * counting there would cost more after every write as the book grows, for nothing.
 */
export function waitingToSend(db: BookDatabase, enrolled: boolean): Promise<number | null> {
  return enrolled ? outboxWaiting(db) : Promise.resolve(null);
}

/**
 * Whether a new count of waiting changes means a local write: only a count that grew from one read
 * before it. It falls as a round marks changes sent; the first count after start or enrolment is where
 * counting starts, not a write (the timer's own first round sends what was waiting).
 */
export function countGrew(last: number | null, now: number | null): boolean {
  return last !== null && now !== null && now > last;
}

/**
 * Automatic sync while the app is open and enrolled (when: ./auto-timer.ts). It runs in the
 * background and never holds up the page.
 */
export function useAutoSync(): void {
  const { db, mutator } = useServices();
  const config = useSyncConfig();
  // A device enrolled by file has no address: it syncs by packages (OfflinePackageCard).
  const enrolled = !!config?.serverUrl;
  const pending = useLiveQuery(() => waitingToSend(db, enrolled), [db, enrolled]);
  const timer = useRef<AutoSyncTimer | null>(null);
  const lastPending = useRef<number | null>(null);

  useEffect(() => {
    if (!enrolled) return;
    const engine = syncEngineFor(db, mutator);
    const auto = new AutoSyncTimer({
      syncNow: () => engine.syncNow(),
      isOnline: () => typeof navigator === 'undefined' || navigator.onLine !== false,
    });
    timer.current = auto;
    const online = () => auto.backOnline();
    window.addEventListener('online', online);
    auto.start();
    return () => {
      auto.stop();
      timer.current = null;
      window.removeEventListener('online', online);
    };
  }, [db, mutator, enrolled]);

  useEffect(() => {
    if (pending === undefined) return;
    const grew = countGrew(lastPending.current, pending);
    lastPending.current = pending;
    if (enrolled && grew) timer.current?.wrote();
  }, [enrolled, pending]);
}
