import { readFile } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { writeFileDurably } from './durable-write';

/**
 * The folders automatic backups may be written to: only folders the user picked in the main
 * process's own folder dialog. The renderer names one of them; a path it makes up (or one that
 * reached it from elsewhere) is refused. The list is kept in the app's own data folder so a
 * folder picked once keeps working after a restart; the renderer has no way to add to it.
 */
export class BackupFolders {
  private readonly picked: Set<string>;

  private constructor(
    private readonly file: string | null,
    picked: readonly string[],
  ) {
    this.picked = new Set(picked.filter((p) => folderProblem(p) === null));
  }

  /** The list kept in `file` (in the app's data folder); a missing or unreadable file is an empty list. */
  static async load(file: string): Promise<BackupFolders> {
    let saved: unknown = [];
    try {
      saved = JSON.parse(await readFile(file, 'utf8'));
    } catch {
      saved = [];
    }
    const list = Array.isArray(saved) ? saved.filter((p): p is string => typeof p === 'string') : [];
    return new BackupFolders(file, list);
  }

  static inMemory(): BackupFolders {
    return new BackupFolders(null, []);
  }

  /** Records a folder the user picked in the dialog. */
  async add(folder: string): Promise<void> {
    if (folderProblem(folder) !== null || this.picked.has(folder)) return;
    this.picked.add(folder);
    // The newest few are enough: a user changes the folder rarely.
    const list = [...this.picked].slice(-MAX_REMEMBERED);
    this.picked.clear();
    for (const p of list) this.picked.add(p);
    if (this.file) await writeFileDurably(this.file, new TextEncoder().encode(JSON.stringify(list)));
  }

  allows(folder: string): boolean {
    return folderProblem(folder) === null && this.picked.has(folder);
  }
}

const MAX_REMEMBERED = 10;

/** `\\host\share`, `//host/share` and the `\\?\` and `\\.\` device forms all start with two separators. */
export function isUncPath(path: string): boolean {
  return /^[\\/]{2}/.test(path);
}

/** Why a folder cannot take automatic backups, in Chinese, or null when it can. */
export function folderProblem(folder: string): string | null {
  if (isUncPath(folder)) return '不能使用网络共享文件夹（\\\\服务器\\共享），请选择本机或移动硬盘上的文件夹';
  if (folder.includes('\0') || !isAbsolute(folder)) return '文件夹路径无效';
  return null;
}
