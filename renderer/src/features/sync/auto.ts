import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef } from 'react';
import { useServices } from '../../app/services';
import { AutoSyncTimer } from './auto-timer';
import { syncEngineFor } from './engine';
import { useSyncConfig } from './queries';

/**
 * Automatic sync while the app is open and enrolled (when: ./auto-timer.ts). It runs in the
 * background and never holds up the page.
 */
export function useAutoSync(): void {
  const { db, mutator } = useServices();
  const config = useSyncConfig();
  // A device enrolled by file has no address: it syncs by packages (OfflinePackageCard).
  const enrolled = !!config?.serverUrl;
  const pending = useLiveQuery(() => db.$changes.where('synced').equals(0).count(), [db]) ?? 0;
  const timer = useRef<AutoSyncTimer | null>(null);
  const lastPending = useRef(0);

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

  // Only a count that grew is a write: it falls as a round marks changes sent.
  useEffect(() => {
    const grew = pending > lastPending.current;
    lastPending.current = pending;
    if (enrolled && grew) timer.current?.wrote();
  }, [enrolled, pending]);
}
