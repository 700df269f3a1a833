import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef } from 'react';
import { useServices } from '../../app/services';
import { syncEngineFor } from './engine';
import { useSyncConfig } from './queries';

const PERIOD_MS = 60_000;
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 5 * 60_000;
const AFTER_WRITE_MS = 3_000;

/**
 * Automatic sync while the app is open and enrolled: soon after local writes, every minute, and
 * when the network comes back; after a failure it waits twice as long each time (up to five
 * minutes). It runs in the background and never holds up the page.
 */
export function useAutoSync(): void {
  const { db, mutator } = useServices();
  const config = useSyncConfig();
  const enrolled = !!config;
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
      if (typeof navigator !== 'undefined' && navigator.onLine === false) return plan(PERIOD_MS);
      void engine.syncNow().then((ok) => {
        if (stopped) return;
        if (ok) {
          retry.current = FIRST_RETRY_MS;
          plan(PERIOD_MS);
        } else {
          plan(retry.current);
          retry.current = Math.min(retry.current * 2, MAX_RETRY_MS);
        }
      });
    };
    schedule.current = plan;
    const online = () => plan(0);
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
