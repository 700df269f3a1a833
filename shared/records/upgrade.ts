import type { RecordOf, TableName } from '../model/book';
import { withDefaults } from './check';

/**
 * Fields whose default depends on the row itself, or that an older version had and this one moved
 * elsewhere. Applied before the declared defaults, to rows read from older backups, devices and
 * Dexie versions.
 */
const DERIVED: Partial<Record<TableName, (row: Record<string, unknown>) => Record<string, unknown>>> = {
  openingBalances: (row) => (row.month === undefined && typeof row.year === 'number' ? { ...row, month: `${row.year}-01` } : row),
  // The backup folder belongs to the device (the `$sync` table), not to the synced union record.
  union: ({ backupFolder: _folder, ...row }) => row,
};

export function upgradeRow<T extends TableName>(table: T, row: Record<string, unknown>): RecordOf<T> {
  const derived = DERIVED[table];
  return withDefaults(table, derived ? derived(row) : row);
}
