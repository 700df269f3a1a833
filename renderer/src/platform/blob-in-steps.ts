/** Bytes copied into a Blob per task: a large backup copied into one Blob at once stops the window. */
export const BLOB_STEP = 4 * 1024 * 1024;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * One Blob of `parts`, built a few megabytes at a time with the window's turn in between. The
 * last Blob only refers to the ones before it, so it copies nothing; the bytes are those of the
 * parts, in order.
 */
export async function blobInSteps(parts: readonly Uint8Array[], type: string, pause: () => Promise<void> = nextTask): Promise<Blob> {
  const blobs: Blob[] = [];
  let group: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  for (const part of parts) {
    group.push(part as Uint8Array<ArrayBuffer>);
    size += part.length;
    if (size < BLOB_STEP) continue;
    blobs.push(new Blob(group));
    group = [];
    size = 0;
    await pause();
  }
  if (group.length > 0) blobs.push(new Blob(group));
  return new Blob(blobs, { type });
}
