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
}

/** IPC channel names, one per bridge function. */
export const BRIDGE_CHANNELS = {
  saveFile: 'unionbooks:save-file',
  openFile: 'unionbooks:open-file',
  chooseFolder: 'unionbooks:choose-folder',
  writeRollingBackup: 'unionbooks:write-rolling-backup',
} as const satisfies Record<Exclude<keyof UnionBooksBridge, 'contractVersion'>, string>;
