import type Dexie from 'dexie';
import { BookDatabase } from './book-database';
import {
  DB_NAME,
  SCHEMA_V1,
  SCHEMA_V10,
  SCHEMA_V11,
  SCHEMA_V12,
  SCHEMA_V13,
  SCHEMA_V14,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
  SCHEMA_V6,
  SCHEMA_V7,
  SCHEMA_V8,
  SCHEMA_V9,
} from './schema';
import { upgradeToV11, upgradeToV12, upgradeToV13, upgradeToV2, upgradeToV5, upgradeToV6, upgradeToV8, upgradeToV9 } from './upgrades';

export type { StagedRows, SyncStateRow } from './book-database';

/**
 * The database with every version of its schema and their upgrades, which a database of an earlier
 * version needs. Dexie parses every version declared so far at each declaration, so the history
 * costs the first screen tens of milliseconds of CPU at every start: the app opens it only when the
 * database on disk is older than the current schema (openBookDatabase, current-database.ts), and
 * loads this module, the upgrades with it, only then.
 */
export class UnionBooksDB extends BookDatabase {
  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
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
    this.version(12).stores(SCHEMA_V12).upgrade(upgradeToV12);
    this.version(13).stores(SCHEMA_V13).upgrade(upgradeToV13);
    this.version(14).stores(SCHEMA_V14);
  }
}
