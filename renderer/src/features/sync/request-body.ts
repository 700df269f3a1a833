import { turnEvery } from '../../platform/turns';

/** Characters of encoded changes gathered before they become bytes: a few hundred records, or an attachment or two. */
const STEP_CHARS = 256 * 1024;

/**
 * A request body as JSON bytes. A push (a first sync's batches run to 4 MB of records, or 8 MB of
 * attachments) is encoded a change at a time, a few hundred kilobytes to each Blob of its own (the
 * browser writes a string into a Blob as UTF-8), with the window's turn in between; the body is a
 * Blob of those Blobs, which copies nothing. One `JSON.stringify` of a whole batch and the browser's
 * copy of that string into the request held the window for up to a second per batch; one Blob made
 * of the batch's encoded parts at the end still copied its megabytes in one task (30–40 ms). The
 * bytes are those of `JSON.stringify(body)` with `changes` moved last. A body that pushes nothing
 * goes as plain text.
 */
export async function requestBody(body: unknown, pause: () => Promise<void> = turnEvery()): Promise<string | Blob> {
  if (!isPush(body) || body.changes.length === 0) return JSON.stringify(body);
  const { changes, ...rest } = body;
  const head = JSON.stringify(rest);
  // `{…}` without its closing brace, then the changes as the last member.
  const parts: Blob[] = [new Blob([`${head.slice(0, -1)}${head === '{}' ? '' : ','}"changes":[`])];
  let pending: string[] = [];
  let chars = 0;
  const flush = () => {
    parts.push(new Blob([`${parts.length > 1 ? ',' : ''}${pending.join(',')}`]));
    pending = [];
    chars = 0;
  };
  for (const change of changes) {
    // An array's `undefined` is `null` in JSON, as JSON.stringify of the whole array writes it.
    const json = JSON.stringify(change) ?? 'null';
    pending.push(json);
    chars += json.length;
    if (chars < STEP_CHARS) continue;
    flush();
    await pause();
  }
  if (pending.length > 0) flush();
  parts.push(new Blob([']}']));
  return new Blob(parts, { type: 'application/json' });
}

function isPush(body: unknown): body is { changes: unknown[] } & Record<string, unknown> {
  return typeof body === 'object' && body !== null && Array.isArray((body as { changes?: unknown }).changes);
}
