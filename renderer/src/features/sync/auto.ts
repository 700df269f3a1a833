import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef } from 'react';
import { useServices } from '../../app/services';
import { syncEngineFor } from './engine';
import { useSyncConfig } from './queries';
import { AFTER_WRITE_MS, BACK_ONLINE_MS, FIRST_RETRY_MS, nextRetry, PERIOD_MS, someTimeWithin, spread } from './schedule';

/**
 * Automatic sync while the app is open and enrolled: soon after local writes, about every minute,
 * and within a few seconds of the network coming back; after a failure it waits about twice as
 * long each time (up to five minutes). Every wait is spread at random (./schedule.ts) so that
 * many unions do not hit the server together. It runs in the background and never holds up the page.
 */
export function useAutoSync(): void {
  const { db, mutator } = useServices();
  const config = useSyncConfig();
  // A device enrolled by file has no address: it syncs by packages (OfflinePackageCard).
  const enrolled = !!config?.serverUrl;
  const pending = useLiveQuery(() => db.$changes.where('synced').equals(0).count(), [db]) ?? 0;
  const retry = useRef(FIRST_RETRY_MS);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const schedule = useRef<(delay: number) => void>(() => undefined);

  useEffect(() => {
    if (!enrolled) return;
    const engine = syncEngineFor(db, mutator);
    let stopped = false;
    const plan = (delay: number) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(tick, delay);
    };
    const tick = () => {
      if (stopped) return;
      if (typeof navigator !== 'undefined' && navigator.onLine === false) return plan(spread(PERIOD_MS));
      void engine.syncNow().then((ok) => {
        if (stopped) return;
        if (ok) {
          retry.current = FIRST_RETRY_MS;
          plan(spread(PERIOD_MS));
        } else {
          plan(spread(retry.current));
          retry.current = nextRetry(retry.current);
        }
      });
    };
    schedule.current = plan;
    const online = () => plan(someTimeWithin(BACK_ONLINE_MS));
    window.addEventListener('online', online);
    plan(500);
    return () => {
      stopped = true;
      if (timer.current) clearTimeout(timer.current);
      window.removeEventListener('online', online);
    };
  }, [db, mutator, enrolled]);

  useEffect(() => {
    if (enrolled && pending > 0) schedule.current(AFTER_WRITE_MS);
  }, [enrolled, pending]);
}
