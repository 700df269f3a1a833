/**
 * The one error type for a refused write: its message is Chinese, meant for the person who tried
 * it, and names the field where there is one. Whatever the path (a form, the command line, a
 * restore), a BookError means nothing was written.
 */
export class BookError extends Error {
  override readonly name = 'BookError';

  constructor(
    message: string,
    /** The form field the message is about, when there is one (forms put the message under it). */
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Several problems at once (a form with three bad fields), each with its field; the message joins them. */
export class BookErrors extends BookError {
  constructor(readonly problems: readonly { field?: string; message: string }[]) {
    super(problems.map((p) => p.message).join('；'), problems[0]?.field);
  }
}

export function throwIfAny(problems: readonly { field?: string; message: string }[]): void {
  if (problems.length === 1) throw new BookError(problems[0]!.message, problems[0]!.field);
  if (problems.length > 1) throw new BookErrors(problems);
}

export function isBookError(error: unknown): error is BookError {
  return error instanceof BookError;
}
