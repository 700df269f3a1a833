import { STATS_CLASSIFY_ONCE_MIGRATION } from '../../../server/sync/stats-maintenance';
import { functionsUpgradeSuite } from './stats-functions-upgrade';

// A server at migration 15 gets the trigger functions whose money step classifies each row once (in the
// current functions, a step per table: `dues_rows`, `entry_rows`).
functionsUpgradeSuite({
  migration: STATS_CLASSIFY_ONCE_MIGRATION,
  level: 15,
  fixture: 'sync/stats-functions-15.sql',
  marker: 'FROM dues_rows',
  code: 'CLS',
  seed: 16,
});
