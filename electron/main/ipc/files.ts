import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Dialog } from 'electron';
import {
  MAX_BRIDGE_FILE_BYTES,
  type FolderChoice,
  type OpenedFile,
  type OpenFileRequest,
  type ReadRollingBackupRequest,
  type RollingBackupInfo,
  type RollingBackupRequest,
  type SaveFileRequest,
} from '../../../shared/bridge/contract';
import { folderProblem, type BackupFolders } from '../backup-folders';
import { writeFileDurably } from '../durable-write';
import { listRollingBackups, readRollingBackup, writeRollingBackup } from '../rolling-backup';

/** The bridge's file functions, each a named function over an injected dialog so tests need no Electron. */
export async function saveFile(dialog: Pick<Dialog, 'showSaveDialog'>, request: SaveFileRequest): Promise<string | null> {
  const result = await dialog.showSaveDialog({ defaultPath: request.suggestedName, filters: request.filters });
  if (result.canceled || !result.filePath) return null;
  await writeFileDurably(result.filePath, request.data);
  return result.filePath;
}

export async function openFile(dialog: Pick<Dialog, 'showOpenDialog'>, request: OpenFileRequest): Promise<OpenedFile | null> {
  const result = await dialog.showOpenDialog({ properties: ['openFile'], filters: request.filters });
  const path = result.filePaths[0];
  if (result.canceled || !path) return null;
  if ((await stat(path)).size > MAX_BRIDGE_FILE_BYTES) throw new Error('文件过大（超过 1 GB），无法打开');
  return { name: basename(path), data: new Uint8Array(await readFile(path)) };
}

/** The folder dialog; a folder picked here is the only kind `rollingBackup` writes to. */
export async function chooseFolder(dialog: Pick<Dialog, 'showOpenDialog'>, folders: BackupFolders): Promise<FolderChoice> {
  const result = await dialog.showOpenDialog({ properties: ['openDirectory', 'createDirectory'], title: '选择自动备份文件夹' });
  const folder = result.filePaths[0];
  if (result.canceled || !folder) return { status: 'cancelled' };
  const problem = folderProblem(folder);
  if (problem) return { status: 'refused', reason: problem };
  await folders.add(folder);
  return { status: 'chosen', folder };
}

export function rollingBackup(folders: BackupFolders, request: RollingBackupRequest): Promise<string> {
  checkFolder(folders, request.folder);
  return writeRollingBackup(request.folder, request.data);
}

/** Only the folder picked in the dialog is listed or read from, as only it is written to. */
export async function rollingBackups(folders: BackupFolders, folder: string): Promise<RollingBackupInfo[]> {
  checkFolder(folders, folder);
  return listRollingBackups(folder);
}

export async function rollingBackupFile(folders: BackupFolders, request: ReadRollingBackupRequest): Promise<OpenedFile> {
  checkFolder(folders, request.folder);
  return readRollingBackup(request.folder, request.name);
}

function checkFolder(folders: BackupFolders, folder: string): void {
  const problem = folderProblem(folder);
  if (problem) throw new Error(problem);
  if (!folders.allows(folder)) throw new Error('该文件夹未在本机的“选择文件夹”对话框中选定，请在 设置 → 备份与恢复 中重新选择');
}
