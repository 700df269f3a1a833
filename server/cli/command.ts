import type { ParsedArgs } from './args';
import type { CliIO } from './io';

/** One `unionbooks` command. `path` is its words (e.g. ['roster', 'import']); `run` returns the exit code. */
export interface Command {
  path: readonly string[];
  usage: string;
  summary: string;
  run: (args: ParsedArgs, io: CliIO) => Promise<number>;
}

/** Exit codes shared by all commands. */
export const EXIT = { ok: 0, failure: 1, usage: 2, partial: 3, offline: 4 } as const;
