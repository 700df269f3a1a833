import type { Transaction } from 'dexie';
import { duesMonthsOf } from '../../../shared/desk/dues-months';
import { TABLE_NAMES } from '../../../shared/model/book';
import type { DuesPayment } from '../../../shared/model/records';
import { upgradeRow } from '../../../shared/records/upgrade';
import { DUES_MONTHS } from './dues-months';
import { deskCountsOf } from '../../../shared/desk/desk-counts';
import { DESK_COUNTS } from './desk-counts';
import { entryMonthsOf } from '../../../shared/desk/desk-entries';
import { DESK_ENTRIES } from './desk-entries';
import { SCHEMA_V2 } from './schema';
import { deskMembersOf } from '../../../shared/desk/desk-members';
import { DESK_MEMBERS } from './desk-members';
import { SYNC_KEYS } from './sync-keys';
import { duesMembersOf, encodeDuesMember, type DuesMemberRow } from '../../../shared/dues/dues-members';
import { DUES_MEMBERS } from './dues-member-rows';

/**
 * Version 1 → 2. Rows keep every value they had; fields this version added get their declared
 * defaults. The union's backup folder becomes this device's setting (it must never sync: a folder
 * set on one PC means nothing, or something dangerous, on another). Nothing goes to the outbox:
 * a default is what every device computes for itself.
 */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const union = (await tx.table('union').toArray()) as { backupFolder?: unknown }[];
  const folder = union.map((u) => u.backupFolder).find((f): f is string => typeof f === 'string' && f !== '');
  if (folder) await tx.table('$sync').put({ key: SYNC_KEYS.backupFolder, value: folder });
  // Only the tables version 2 had: later tables do not exist yet at this step.
  for (const name of TABLE_NAMES.filter((t) => Object.hasOwn(SCHEMA_V2, t))) {
    await tx
      .table(name)
      .toCollection()
      .modify((row: Record<string, unknown>, ref: { value: unknown }) => {
        ref.value = upgradeRow(name, row);
      });
  }
}

/**
 * Version 4 → 5. Year notes keep every word: the three boxes become the sections they were written
 * for (shared/records/upgrade.ts). Like version 2, nothing goes to the outbox.
 */
export async function upgradeToV5(tx: Transaction): Promise<void> {
  await tx
    .table('yearNotes')
    .toCollection()
    .modify((row: Record<string, unknown>, ref: { value: unknown }) => {
      ref.value = upgradeRow('yearNotes', row);
    });
}

/** Version 5 → 6. The payments folded per month, from the payments as they are. */
export async function upgradeToV6(tx: Transaction): Promise<void> {
  const payments = (await tx.table('duesPayments').toArray()) as DuesPayment[];
  await tx.table(DUES_MONTHS).bulkPut(duesMonthsOf(payments));
}

/** Version 7 → 8. 概览's running counts, from the rows as they are. */
export async function upgradeToV8(tx: Transaction): Promise<void> {
  const [members, activities, welfare, transactions, duesPayments] = await Promise.all([
    tx.table('members').toArray(),
    tx.table('activities').toArray(),
    tx.table('welfare').toArray(),
    tx.table('transactions').toArray(),
    tx.table('duesPayments').toArray(),
  ]);
  await tx.table(DESK_COUNTS).bulkPut(deskCountsOf({ members, activities, welfare, transactions, duesPayments }));
}

/** Version 8 → 9. The entries folded per month, from the entries as they are. */
export async function upgradeToV9(tx: Transaction): Promise<void> {
  await tx.table(DESK_ENTRIES).bulkPut(entryMonthsOf(await tx.table('transactions').toArray()));
}

/** Builds `$deskMembers` from the members as they are (SCHEMA_V11). */
export async function upgradeToV11(tx: Transaction): Promise<void> {
  await tx.table(DESK_MEMBERS).bulkPut(deskMembersOf(await tx.table('members').toArray()));
}

/** Builds `$duesMembers` from the members, their events and their bases as they are (SCHEMA_V12). */
export async function upgradeToV12(tx: Transaction): Promise<void> {
  const [members, memberships, wageBases] = await Promise.all([
    tx.table('members').toArray(),
    tx.table('memberships').toArray(),
    tx.table('wageBases').toArray(),
  ]);
  await tx.table(DUES_MEMBERS).bulkPut(duesMembersOf(members, memberships, wageBases));
}

/** Version 12 → 13. `$duesMembers` rows in their stored form (`StoredDuesMember`), converted as they are. */
export async function upgradeToV13(tx: Transaction): Promise<void> {
  const rows = (await tx.table(DUES_MEMBERS).toArray()) as DuesMemberRow[];
  await tx.table(DUES_MEMBERS).bulkPut(rows.map(encodeDuesMember));
}
