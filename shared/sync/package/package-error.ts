/** A package or enrolment file refused, with the reason in Chinese; nothing was changed. */
export class PackageError extends Error {
  override readonly name = 'PackageError';
  constructor(
    readonly code:
      'not-a-package' | 'truncated' | 'tampered' | 'wrong-kind' | 'other-union' | 'other-device' | 'stale' | 'invalid' | 'passcode',
    message: string,
  ) {
    super(message);
  }
}

export const UNCHANGED = '未做任何更改。';
