/**
 * Keys of the `$sync` bookkeeping table (never user data, never synced). Declared with the
 * database because both the mutation layer (a replaced book resets sync progress) and the sync
 * feature read them.
 */
export const SYNC_KEYS = {
  config: 'sync.config',
  cursor: 'sync.cursor',
  bootstrap: 'sync.bootstrap',
  status: 'sync.status',
  published: 'sync.published',
  /** The upper unions' notices as the last pull listed them, and the ids this device has opened. */
  notices: 'sync.notices',
  noticesRead: 'sync.noticesRead',
  /** The latest clock pulled from the server, so the device clock starts past it after a restart. */
  clockSeen: 'sync.clockSeen',
  /** The folder this device writes automatic backups to: a device setting, never synced. */
  backupFolder: 'device.backupFolder',
  /** Pulled rows that were not valid for their kind and were left out of the book. */
  skippedRows: 'sync.skippedRows',
  /** Offline packages: the number of the last package exported, of the last reply applied, and of the package that carried the whole book. */
  packageSeq: 'sync.packageSeq',
  replySeq: 'sync.replySeq',
  packageBook: 'sync.packageBook',
  /** How the last automatic backup went on this computer. */
  backupResult: 'device.backupResult',
  /** Whether this computer's automatic backups are encrypted (the password itself is never stored). */
  autoBackupEncrypted: 'device.autoBackupEncrypted',
} as const;
