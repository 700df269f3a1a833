import { useSyncExternalStore } from 'react';

/**
 * The password for this computer's encrypted automatic backups, held in memory only, for as long
 * as the app runs. It is never written anywhere: the book's database lies unencrypted on the same
 * disk, so a stored password would open every backup to whoever can read that disk. After a
 * restart the user enters it once; until then encrypted automatic backups wait, and say so.
 */
let password: string | null = null;
const listeners = new Set<() => void>();

export function sessionBackupPassword(): string | null {
  return password;
}

export function setSessionBackupPassword(next: string | null): void {
  password = next;
  for (const listener of listeners) listener();
}

/** Whether a password has been entered in this session (never the password itself). */
export function useHasSessionBackupPassword(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => password !== null,
  );
}
