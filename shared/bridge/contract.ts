/**
 * The one object the Electron preload exposes to the renderer as `window.unionBooks`. Only
 * these named functions cross the process boundary — no generic channel pass-through. In web
 * mode the object is absent and the renderer falls back to downloads and file inputs.
 */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface SaveFileRequest {
  suggestedName: string;
  data: Uint8Array;
  filters: FileFilter[];
}

export interface OpenFileRequest {
  filters: FileFilter[];
}

export interface OpenedFile {
  name: string;
  data: Uint8Array;
}

export interface RollingBackupRequest {
  /** A folder `chooseFolder` returned; the main process refuses any other. */
  folder: string;
  data: Uint8Array;
}

/** One automatic backup in the folder, newest first in a list; `at` is the local time in its name (ISO, no zone). */
export interface RollingBackupInfo {
  name: string;
  at: string;
  size: number;
}

export interface ReadRollingBackupRequest {
  folder: string;
  /** A name `listRollingBackups` gave; nothing else is read. */
  name: string;
}

/** The renderer's side of the backup made when the window closes: it arms the wait, then says when the backup is done. */
export type QuitBackupSignal = 'armed' | 'done';

/** What came of the folder dialog. A network share (UNC path) is refused with the reason in Chinese. */
export type FolderChoice = { status: 'chosen'; folder: string } | { status: 'cancelled' } | { status: 'refused'; reason: string };

/** The most one call may carry, in either direction; a whole book is far smaller. */
export const MAX_BRIDGE_FILE_BYTES = 1024 * 1024 * 1024;

export interface UnionBooksBridge {
  readonly contractVersion: 2;
  /** Save dialog, then write. Resolves to the chosen path, or null when the user cancels. */
  saveFile(request: SaveFileRequest): Promise<string | null>;
  /** Open dialog, then read. Null when the user cancels. */
  openFile(request: OpenFileRequest): Promise<OpenedFile | null>;
  /** Folder picker for automatic backups; the main process remembers the folder picked so backups may go there. */
  chooseFolder(): Promise<FolderChoice>;
  /** Writes a timestamped backup into a folder picked with `chooseFolder` and keeps only the newest few. Resolves to the file written. */
  writeRollingBackup(request: RollingBackupRequest): Promise<string>;
  /** The automatic backups in a folder picked with `chooseFolder`, newest first. */
  listRollingBackups(folder: string): Promise<RollingBackupInfo[]>;
  /** One of them, to restore from. */
  readRollingBackup(request: ReadRollingBackupRequest): Promise<OpenedFile>;
  /**
   * When the window is closed, the main process waits (a bounded time) for `run` — a last
   * automatic backup — before the window goes.
   */
  onQuitBackup(run: () => Promise<void>): void;
}

/** Main to renderer: the window is closing, make the last backup now. */
export const QUIT_BACKUP_REQUEST = 'unionbooks:quit-backup-request';

/** IPC channel names, one per bridge function. */
export const BRIDGE_CHANNELS = {
  saveFile: 'unionbooks:save-file',
  openFile: 'unionbooks:open-file',
  chooseFolder: 'unionbooks:choose-folder',
  writeRollingBackup: 'unionbooks:write-rolling-backup',
  listRollingBackups: 'unionbooks:list-rolling-backups',
  readRollingBackup: 'unionbooks:read-rolling-backup',
  onQuitBackup: 'unionbooks:quit-backup',
} as const satisfies Record<Exclude<keyof UnionBooksBridge, 'contractVersion'>, string>;
