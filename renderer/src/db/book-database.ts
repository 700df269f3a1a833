import Dexie, { type EntityTable, type Table } from 'dexie';
import type { ChangeEntry } from '../../../shared/book/changes';
import type { DeskCountRow } from '../../../shared/desk/desk-counts';
import type { DeskEntryMonthRow } from '../../../shared/desk/desk-entries';
import type { DeskMemberRow } from '../../../shared/desk/desk-members';
import type { DuesMonthRow } from '../../../shared/desk/dues-months';
import type { StoredDuesMember } from '../../../shared/dues/dues-members';
import { TABLE_NAMES, type BookTables, type TableName } from '../../../shared/model/book';
import { deskCountsStore } from './desk-counts';
import { deskEntriesStore } from './desk-entries';
import { deskMembersStore } from './desk-members';
import { derivedStoreMiddleware } from './derived-stores';
import { duesMonthsStore } from './dues-months';
import { duesMembersStore } from './dues-member-rows';

/** One batch of a book being restored, staged until the whole file has passed (SCHEMA_V10). */
export interface StagedRows {
  seq?: number;
  table: TableName;
  rows: unknown[];
}

export interface SyncStateRow {
  key: string;
  value: unknown;
}

type Rows<K extends TableName> = EntityTable<BookTables[K][number], 'id'>;

/**
 * The one database of the app: every user table of the book plus the `$` bookkeeping tables. Its
 * versions are declared by the subclass: the whole history with its upgrades (database.ts), or only
 * the current schema for a database that is already current or new (current-database.ts).
 */
export abstract class BookDatabase extends Dexie {
  union!: Rows<'union'>;
  members!: Rows<'members'>;
  memberships!: Rows<'memberships'>;
  wageBases!: Rows<'wageBases'>;
  duesPayments!: Rows<'duesPayments'>;
  activities!: Rows<'activities'>;
  welfare!: Rows<'welfare'>;
  transactions!: Rows<'transactions'>;
  budgets!: Rows<'budgets'>;
  openingBalances!: Rows<'openingBalances'>;
  monthCloses!: Rows<'monthCloses'>;
  yearNotes!: Rows<'yearNotes'>;
  attachments!: Rows<'attachments'>;
  templates!: Rows<'templates'>;
  submissions!: Rows<'submissions'>;
  bankLines!: Rows<'bankLines'>;
  bankMatches!: Rows<'bankMatches'>;
  bankSkips!: Rows<'bankSkips'>;
  fixedAssets!: Rows<'fixedAssets'>;
  handovers!: Rows<'handovers'>;
  $changes!: Table<ChangeEntry, string>;
  $sync!: Table<SyncStateRow, string>;
  $duesMonths!: Table<DuesMonthRow, string>;
  $deskCounts!: Table<DeskCountRow, string>;
  $deskEntries!: Table<DeskEntryMonthRow, string>;
  $restore!: Table<StagedRows, number>;
  $deskMembers!: Table<DeskMemberRow, string>;
  $duesMembers!: Table<StoredDuesMember, string>;

  constructor(name: string, options?: ConstructorParameters<typeof Dexie>[1]) {
    // Dexie's query cache hands every live query a deep copy of what it read: after a posting or a
    // restore the pages re-read tens of thousands of rows, and copying them again doubled the
    // window's longest task. Without it each live query gets the rows IndexedDB just read (never
    // shared, so a page may still sort them in place) and re-runs once the write has committed.
    super(name, { cache: 'disabled', ...options });
    this.use(derivedStoreMiddleware([duesMonthsStore, deskCountsStore, deskEntriesStore, deskMembersStore, duesMembersStore]));
  }

  rows<K extends TableName>(name: K): Rows<K> {
    return this.table(name) as unknown as Rows<K>;
  }

  userTables(): Table[] {
    return TABLE_NAMES.map((t) => this.table(t));
  }
}
