import { resolve } from 'node:path';
import { requireFlag, UsageError } from '../args';
import { bookPassword, PASSWORD_ENV } from '../book-password';
import { EXIT, type Command } from '../command';
import { readBookFile, writeBook } from '../io';

/** The two files must differ: the output is written over its target, and the book is read first. */
function paths(args: Parameters<Command['run']>[0]): { book: string; out: string } {
  const book = requireFlag(args, 'book');
  const out = requireFlag(args, 'out');
  if (resolve(book) === resolve(out)) throw new UsageError('--out 不能与 --book 是同一个文件');
  return { book, out };
}

function requirePassword(): string {
  const password = bookPassword();
  if (!password) throw new UsageError(`请用 --password-file 文件 指定密码，或设置环境变量 ${PASSWORD_ENV}`);
  return password;
}

export const backupEncryptCommand: Command = {
  path: ['backup', 'encrypt'],
  usage: 'unionbooks backup encrypt --book 账簿.ubk --out 加密账簿.ubk --password-file 密码文件',
  summary: `把账簿另存为设有密码的加密文件（AES-256-GCM）；密码也可由环境变量 ${PASSWORD_ENV} 给出。密码丢失后无法恢复`,
  async run(args, io) {
    const { book: from, out } = paths(args);
    const password = requirePassword();
    const { book, deviceSync } = await readBookFile(from);
    await writeBook(out, book, { password }, deviceSync);
    io.out(`已加密保存：${out}`);
    return EXIT.ok;
  },
};

export const backupDecryptCommand: Command = {
  path: ['backup', 'decrypt'],
  usage: 'unionbooks backup decrypt --book 加密账簿.ubk --out 账簿.ubk --password-file 密码文件',
  summary: '把设有密码的账簿另存为不加密的文件（请妥善保管：其中的身份证号等信息任何人都能读取）',
  async run(args, io) {
    const { book: from, out } = paths(args);
    requirePassword();
    const { book, encrypted, deviceSync } = await readBookFile(from);
    if (!encrypted) throw new UsageError(`${from} 没有加密，无需解密`);
    await writeBook(out, book, undefined, deviceSync);
    io.out(`已解密保存：${out}`);
    return EXIT.ok;
  },
};
