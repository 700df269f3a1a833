/** A book file refused, with the reason in Chinese; nothing was changed. */
export class BackupError extends Error {
  override readonly name: string = 'BackupError';
}

/**
 * A password-protected book file that cannot be opened with what was given: `missing` when no
 * password was given, `wrong` when the one given does not open it. Pages ask again; nothing changed.
 */
export class BackupPasswordError extends BackupError {
  override readonly name = 'BackupPasswordError';
  constructor(
    readonly kind: 'missing' | 'wrong',
    message: string,
  ) {
    super(message);
  }
}
