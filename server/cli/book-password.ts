import { readFile } from 'node:fs/promises';
import { type ParsedArgs, UsageError } from './args';

/**
 * The password of the encrypted book files a command opens, decided once per run for every
 * command: from `--password-file` (the file's first line) or the environment variable
 * `UNIONBOOKS_PASSWORD`. A password on the command line itself is refused, because every other
 * user of the computer can read it in the process list and it stays in the shell's history.
 */
export const PASSWORD_ENV = 'UNIONBOOKS_PASSWORD';

export const PLAIN_PASSWORD_REFUSED =
  '不接受 --password：命令行上的密码会留在命令历史里，本机其他用户也能在进程列表中看到。' +
  `请把密码写入只有自己能读的文件，用 --password-file 文件 指定，或设置环境变量 ${PASSWORD_ENV}。`;

export async function resolveBookPassword(
  args: ParsedArgs,
  env: Readonly<Record<string, string | undefined>>,
): Promise<string | undefined> {
  if (args.flags.has('password')) throw new UsageError(PLAIN_PASSWORD_REFUSED);
  const file = args.flags.get('password-file');
  if (file === true || file === '') throw new UsageError('缺少参数 --password-file 的文件名');
  if (file !== undefined) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      throw new UsageError(`无法读取密码文件：${file}`);
    }
    const password = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
    if (password === '') throw new UsageError(`密码文件的第一行是空的：${file}`);
    return password;
  }
  const fromEnv = env[PASSWORD_ENV];
  return fromEnv ? fromEnv : undefined;
}

let current: string | undefined;

/** The password of this run, for `readBook` and `writeBook`. */
export function bookPassword(): string | undefined {
  return current;
}

export async function withBookPassword<R>(password: string | undefined, run: () => Promise<R>): Promise<R> {
  const before = current;
  current = password;
  try {
    return await run();
  } finally {
    current = before;
  }
}
