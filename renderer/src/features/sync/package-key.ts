import type { UnionBooksDB } from '../../db/database';
import { packageKey, SyncError } from './api';
import { getValue, KEYS, setValue, type SyncConfig } from './state';

/**
 * A device enrolled over the network before enrolment handed out package keys asks for its own once
 * it reaches the server, so it can switch to packages should the network go. A server older than
 * package keys has no such route: the device then keeps to the network, and asks again next sync.
 */
export async function obtainPackageKey(db: UnionBooksDB, config: SyncConfig): Promise<boolean> {
  if (config.packages || !config.serverUrl) return false;
  let answer: { enrolmentId: string; packageKey: string };
  try {
    answer = await packageKey(config.serverUrl, config.token);
  } catch (error) {
    if (error instanceof SyncError) return false;
    throw error;
  }
  return db.transaction('rw', db.$sync, async () => {
    // Enrolled again or left meanwhile: the key belongs to a device this one no longer is.
    const current = await getValue<SyncConfig>(db, KEYS.config);
    if (current?.token !== config.token || current.packages) return false;
    await setValue(db, KEYS.config, { ...current, packages: { enrolmentId: answer.enrolmentId, packageKey: answer.packageKey } });
    return true;
  });
}
