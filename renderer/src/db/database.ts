import Dexie, { type EntityTable, type Table } from 'dexie';
import type { ChangeEntry } from '../../../shared/book/changes';
import { TABLE_NAMES, type BookTables, type TableName } from '../../../shared/model/book';
import { DB_NAME, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7, SCHEMA_V8, SCHEMA_V9 } from './schema';
import { upgradeToV2, upgradeToV5, upgradeToV6, upgradeToV8, upgradeToV9 } from './upgrades';
import { deskCountsStore } from './desk-counts';
import { SCHEMA_V10 } from './schema';
import type { DeskCountRow } from '../../../shared/desk/desk-counts';
import { derivedStoreMiddleware } from './derived-stores';
import { duesMonthsStore } from './dues-months';
import { deskEntriesStore } from './desk-entries';
import type { DeskEntryMonthRow } from '../../../shared/desk/desk-entries';
import type { DuesMonthRow } from '../../../shared/desk/dues-months';
import type { DeskMemberRow } from '../../../shared/desk/desk-members';
import { deskMembersStore } from './desk-members';
import { SCHEMA_V11 } from './schema';
import { upgradeToV11 } from './upgrades';

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

/** The one database of the app: every user table of the book plus the `$` bookkeeping tables. */
export class UnionBooksDB extends Dexie {
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

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    // Dexie's query cache hands every live query a deep copy of what it read: after a posting or a
    // restore the pages re-read tens of thousands of rows, and copying them again doubled the
    // window's longest task. Without it each live query gets the rows IndexedDB just read (never
    // shared, so a page may still sort them in place) and re-runs once the write has committed.
    super(name, { cache: 'disabled', ...options });
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
    this.version(3).stores(SCHEMA_V3);
    this.version(4).stores(SCHEMA_V4);
    this.version(5).stores(SCHEMA_V5).upgrade(upgradeToV5);
    this.version(6).stores(SCHEMA_V6).upgrade(upgradeToV6);
    this.version(7).stores(SCHEMA_V7);
    this.version(8).stores(SCHEMA_V8).upgrade(upgradeToV8);
    this.version(9).stores(SCHEMA_V9).upgrade(upgradeToV9);
    this.version(10).stores(SCHEMA_V10);
    this.version(11).stores(SCHEMA_V11).upgrade(upgradeToV11);
    this.use(derivedStoreMiddleware([duesMonthsStore, deskCountsStore, deskEntriesStore, deskMembersStore]));
  }

  rows<K extends TableName>(name: K): Rows<K> {
    return this.table(name) as unknown as Rows<K>;
  }

  userTables(): Table[] {
    return TABLE_NAMES.map((t) => this.table(t));
  }
}
