import type { RecordOf, TableName } from '../model/book';
import { emptySections, LEGACY_NOTE_FIELDS } from '../facts/sections';
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
  yearNotes: (row) => sectionsOfNote(row),
};

/**
 * Version 5 keeps a paragraph per section; the three boxes before it (本年亮点, 存在的问题,
 * 明年工作计划) move into their sections, and a section added later reads as empty.
 */
function sectionsOfNote(row: Record<string, unknown>): Record<string, unknown> {
  const { highlights, problems, nextYearPlan, ...rest } = row;
  const stored = typeof rest.sections === 'object' && rest.sections !== null ? (rest.sections as Record<string, unknown>) : {};
  const sections: Record<string, unknown> = { ...emptySections(), ...stored };
  const legacy: Record<keyof typeof LEGACY_NOTE_FIELDS, unknown> = { highlights, problems, nextYearPlan };
  for (const [field, key] of Object.entries(LEGACY_NOTE_FIELDS)) {
    const text = legacy[field as keyof typeof LEGACY_NOTE_FIELDS];
    if (typeof text === 'string' && (text !== '' || sections[key] === undefined)) sections[key] = text;
  }
  return { ...rest, sections };
}

export function upgradeRow<T extends TableName>(table: T, row: Record<string, unknown>): RecordOf<T> {
  const derived = DERIVED[table];
  return withDefaults(table, derived ? derived(row) : row);
}
