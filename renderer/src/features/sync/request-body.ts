import { turnEvery } from '../../platform/turns';

/** Changes encoded per step: a few hundred records, or a few attachments' bytes. */
const CHANGES_PER_STEP = 200;

/**
 * A request body as JSON bytes. A push of thousands of changes (a first sync's batches run to 4 MB)
 * is encoded a slice of changes at a time with the window's turn in between, into UTF-8 parts of one
 * Blob: one `JSON.stringify` of the whole batch and the browser's copy of that string into the
 * request held the window for up to a second per batch. The bytes are those of `JSON.stringify(body)`
 * with `changes` moved last.
 */
export async function requestBody(body: unknown, pause: () => Promise<void> = turnEvery()): Promise<string | Blob> {
  if (!isPush(body) || body.changes.length <= CHANGES_PER_STEP) return JSON.stringify(body);
  const { changes, ...rest } = body;
  const encoder = new TextEncoder();
  const head = JSON.stringify(rest);
  // `{…}` without its closing brace, then the changes as the last member.
  const parts: Uint8Array<ArrayBuffer>[] = [encoder.encode(`${head.slice(0, -1)}${head === '{}' ? '' : ','}"changes":[`)];
  for (let from = 0; from < changes.length; from += CHANGES_PER_STEP) {
    const slice = JSON.stringify(changes.slice(from, from + CHANGES_PER_STEP));
    parts.push(encoder.encode(`${from > 0 ? ',' : ''}${slice.slice(1, -1)}`));
    await pause();
  }
  parts.push(encoder.encode(']}'));
  return new Blob(parts, { type: 'application/json' });
}

function isPush(body: unknown): body is { changes: unknown[] } & Record<string, unknown> {
  return typeof body === 'object' && body !== null && Array.isArray((body as { changes?: unknown }).changes);
}
