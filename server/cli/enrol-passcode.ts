import { readFile } from 'node:fs/promises';
import { type ParsedArgs, UsageError } from './args';

/**
 * The passcode of an offline enrolment file, which the upper union hands over apart from the file:
 * from `--passcode-file` (the file's first line) or the environment variable
 * `UNIONBOOKS_ENROL_PASSCODE`, never from the command line itself, where other users of the
 * computer can read it in the process list and it stays in the shell's history (as with
 * `--password-file`, ./book-password.ts).
 */
export const PASSCODE_ENV = 'UNIONBOOKS_ENROL_PASSCODE';

export async function resolveEnrolPasscode(args: ParsedArgs, env: Readonly<Record<string, string | undefined>>): Promise<string> {
  if (args.flags.has('passcode')) {
    throw new UsageError(
      '不接受 --passcode：命令行上的口令会留在命令历史里，本机其他用户也能在进程列表中看到。' +
        `请把注册文件口令写入只有自己能读的文件，用 --passcode-file 文件 指定，或设置环境变量 ${PASSCODE_ENV}。`,
    );
  }
  const file = args.flags.get('passcode-file');
  if (file === true || file === '') throw new UsageError('缺少参数 --passcode-file 的文件名');
  if (file !== undefined) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      throw new UsageError(`无法读取口令文件：${file}`);
    }
    const passcode = (text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '').trim();
    if (passcode === '') throw new UsageError(`口令文件的第一行是空的：${file}`);
    return passcode;
  }
  const fromEnv = env[PASSCODE_ENV]?.trim();
  if (fromEnv) return fromEnv;
  throw new UsageError(`缺少注册文件口令：请用 --passcode-file 口令文件 指定，或设置环境变量 ${PASSCODE_ENV}`);
}
