import { BackupError } from '../../shared/backup/backup-error';
import { isBookError } from '../../shared/engine/errors';
import { parseArgs, UsageError } from './args';
import { resolveBookPassword, withBookPassword } from './book-password';
import { EXIT, type Command } from './command';
import { COMMANDS } from './commands/index';
import { processIO, type CliIO } from './io';

/** Finds the command whose words match the longest prefix of argv. */
export function findCommand(argv: readonly string[], commands: readonly Command[] = COMMANDS): { command: Command; rest: string[] } | null {
  let best: Command | null = null;
  for (const c of commands) {
    if (c.path.every((word, i) => argv[i] === word) && (!best || c.path.length > best.path.length)) best = c;
  }
  return best ? { command: best, rest: argv.slice(best.path.length) } : null;
}

export function helpText(commands: readonly Command[] = COMMANDS): string {
  return [
    '用法：unionbooks <命令> [参数]',
    '设有密码的账簿：每个命令都可加 --password-file 密码文件，或设置环境变量 UNIONBOOKS_PASSWORD（不接受 --password）。',
    '',
    ...commands.map((c) => `  ${c.usage}\n      ${c.summary}`),
  ].join('\n');
}

export async function main(
  argv: readonly string[],
  io: CliIO = processIO,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    io.out(helpText());
    return argv.length === 0 ? EXIT.usage : EXIT.ok;
  }
  const found = findCommand(argv);
  if (!found) {
    io.err(`未知命令：${argv.join(' ')}`);
    io.err(helpText());
    return EXIT.usage;
  }
  try {
    const args = parseArgs(found.rest);
    // One place for every command that opens a book: the password of encrypted books, if any.
    const password = await resolveBookPassword(args, env);
    return await withBookPassword(password, () => found.command.run(args, io));
  } catch (error) {
    if (isBookError(error)) {
      // A refused write: its reason is already worded for the user, and nothing was written.
      io.err(error.message);
      return EXIT.failure;
    }
    if (error instanceof BackupError) {
      // A refused book file (damaged, or the password missing or wrong): nothing was changed.
      io.err(error.message);
      return EXIT.failure;
    }
    if (error instanceof UsageError) {
      io.err(error.message);
      io.err(`用法：${found.command.usage}`);
      return EXIT.usage;
    }
    io.err(`出错了：${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failure;
  }
}
