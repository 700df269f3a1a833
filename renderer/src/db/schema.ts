/**
 * Dexie schema, version by version. Versions are only ever added, never edited: an installed app
 * upgrades through each in turn, and tests/unit/db/upgrade.test.ts opens every earlier version
 * and upgrades it. Indexed fields are the ones pages filter or join on.
 */
export const SCHEMA_V1: Record<string, string> = {
  union: 'id',
  members: 'id, name, idNumber, department, status, deleted',
  memberships: 'id, memberId, date, kind, deleted',
  wageBases: 'id, [memberId+year], year, deleted',
  duesPayments: 'id, [memberId+month], month, batchId, reversalOf, deleted',
  activities: 'id, startDate, category, deleted',
  welfare: 'id, memberId, date, kind, transactionId, deleted',
  transactions: 'id, date, accountCode, voucherNumber, reversalOf, activityId, welfareId, duesBatchId, deleted',
  budgets: 'id, [year+accountCode], year',
  openingBalances: 'id, year',
  monthCloses: 'id, month',
  yearNotes: 'id, year',
  attachments: 'id',
  templates: 'id, kind',
  submissions: 'id, year',
  // Bookkeeping, never user data: the sync outbox and key-value sync/device state.
  $changes: '&changeId, synced, table',
  $sync: '&key',
};

export const DB_NAME = 'unionbooks';

/**
 * Version 2: the book engine's fields. No index changes; the upgrade gives every row the fields this
 * version declares (shared/records: planned activities, start of books on opening rows) and moves
 * the backup folder from the synced union record to this device's `$sync` table.
 */
export const SCHEMA_V2: Record<string, string> = SCHEMA_V1;

/** Version 3: bank reconciliation. New tables only; rows of earlier versions are untouched. */
export const SCHEMA_V3: Record<string, string> = {
  ...SCHEMA_V2,
  bankLines: 'id, date, importId',
  bankMatches: 'id, lineId, transactionId',
  bankSkips: 'id, month',
};

/**
 * Version 4: the register of fixed assets (固定资产). New fields elsewhere (拨缴经费 owed upward on
 * a 402 receipt, carried year-end balances, the union's 拨缴 share) read their defaults where absent.
 */
export const SCHEMA_V4: Record<string, string> = {
  ...SCHEMA_V3,
  fixedAssets: 'id, acquiredDate, transactionId, deleted',
};

/**
 * Version 5: the chair's words per section of the documents. No index changes; the upgrade moves
 * each year's three boxes (本年亮点, 存在的问题, 明年工作计划) into their sections.
 */
export const SCHEMA_V5: Record<string, string> = SCHEMA_V4;

/**
 * Version 6: `$duesMonths`, the payments folded per month and member (shared/desk/dues-months.ts),
 * so 概览 counts arrears without reading every payment. Bookkeeping like `$changes`: kept by the
 * database layer (dues-months.ts), built from the payments by the upgrade.
 */
export const SCHEMA_V6: Record<string, string> = {
  ...SCHEMA_V5,
  $duesMonths: 'id, month',
};

/**
 * Version 7: the history of handovers (换届交接). A new table only; rows of earlier versions are
 * untouched.
 */
export const SCHEMA_V7: Record<string, string> = {
  ...SCHEMA_V6,
  handovers: 'id, date',
};

/**
 * Version 8: `$deskCounts`, the running counts of 概览's six figures (shared/desk/desk-counts.ts),
 * so its first screen reads a few rows instead of the roster and the year's rows. Bookkeeping like
 * `$duesMonths`: kept by the database layer (desk-counts.ts), built from the rows by the upgrade.
 * Dexie carries every table of the versions before forward.
 */
export const SCHEMA_V8: Record<string, string> = {
  ...SCHEMA_V7,
  $deskCounts: 'id',
};

/**
 * Version 9: `$deskEntries`, the entries folded per month, day and account (shared/desk/desk-entries.ts),
 * so 概览's to-dos, money and charts read a few dozen rows instead of every entry. Bookkeeping like
 * `$deskCounts`: kept by the database layer (desk-entries.ts), built from the entries by the upgrade.
 */
export const SCHEMA_V9: Record<string, string> = {
  ...SCHEMA_V8,
  $deskEntries: 'id',
};

/**
 * Version 10: `$restore`, where a restore writes the book it reads, a batch of rows per entry, until
 * every table is checked; the new book is then built from it (features/backup/staged-restore.ts),
 * and the staged rows go with the replaced book's database. Bookkeeping, never synced. Only the new store is declared:
 * Dexie carries every table of the versions before forward.
 */
export const SCHEMA_V10: Record<string, string> = {
  $restore: '++seq',
};

/**
 * Version 11: `$deskMembers`, what 概览 reads of each live member for its dues to-dos and its member
 * chart (shared/desk/desk-members.ts), so it does not read the whole roster. Bookkeeping, never synced.
 */
export const SCHEMA_V11: Record<string, string> = {
  $deskMembers: 'id',
};

/**
 * Version 12: `$duesMembers`, each member's dues row (shared/dues/dues-members.ts): what dues planning
 * reads of the member, with the member's live events and wage bases, so a month's posting reads one
 * compact row per member instead of the members, every event and the year's bases apart. Bookkeeping,
 * never synced; built from the three tables by the upgrade.
 */
export const SCHEMA_V12: Record<string, string> = {
  $duesMembers: 'id',
};

/**
 * Version 13: no table added or changed; its upgrade stores each `$duesMembers` row in a compact form
 * (`StoredDuesMember`: flat arrays instead of an object per event and base), half the bytes a posting reads.
 */
export const SCHEMA_V13: Record<string, string> = {};

/**
 * Version 14: `duesPayments` indexed by `paidDate`, so the dues ↔ books agreement of a year reads the
 * payments paid in it instead of every payment of every year (the agreement counts by the day the
 * money came in, which can be years after the month paid for); and by `receiptNumber`, so a single
 * payment checks its receipt against the payments that carry the same number, not against all.
 */
export const SCHEMA_V14: Record<string, string> = {
  duesPayments: 'id, [memberId+month], month, paidDate, receiptNumber, batchId, reversalOf, deleted',
};

/** Every version's declaration in order: version n is `SCHEMA_HISTORY[n - 1]`. */
export const SCHEMA_HISTORY: readonly Record<string, string>[] = [
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
  SCHEMA_V6,
  SCHEMA_V7,
  SCHEMA_V8,
  SCHEMA_V9,
  SCHEMA_V10,
  SCHEMA_V11,
  SCHEMA_V12,
  SCHEMA_V13,
  SCHEMA_V14,
];

/** The version the app's schema is at: the last of the versions above. */
export const SCHEMA_VERSION = SCHEMA_HISTORY.length;

/**
 * Every table as the versions above leave it, folded the way Dexie folds them (a later declaration of
 * a table replaces the earlier one; tables a version does not name are carried forward): what a
 * database of SCHEMA_VERSION holds, and what a new one is created with.
 * tests/unit/db/current-database.test.ts checks it against the versions declared one by one.
 */
export const SCHEMA_CURRENT: Record<string, string> = Object.assign({}, ...SCHEMA_HISTORY);
