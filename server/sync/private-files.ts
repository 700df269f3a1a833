import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';

/**
 * The server's data folder holds every member's ID number and the admin password's hash: only the
 * account that runs the server may read or write it. New files are kept private by the process's
 * umask (PGlite creates files as it goes, on its own thread, which shares the umask); files made
 * before, by an older version or another umask, are brought in line by a sweep of the folder.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** The server process never needs to create a file others may read. */
export function privateUmask(): void {
  // Workers cannot set the umask; the main thread sets it for the whole process.
  if (isMainThread) process.umask(0o077);
}

/** Creates the folder if needed and makes it and everything in it private. */
export function makePrivate(dir: string): void {
  privateUmask();
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  sweep(dir);
}

function sweep(path: string): void {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    if ((stat.mode & 0o777) !== PRIVATE_DIR_MODE) chmodSync(path, PRIVATE_DIR_MODE);
    for (const name of readdirSync(path)) sweep(join(path, name));
  } else if ((stat.mode & 0o777) !== PRIVATE_FILE_MODE) {
    chmodSync(path, PRIVATE_FILE_MODE);
  }
}
