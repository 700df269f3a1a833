import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Dialog } from 'electron';
import type { OpenedFile, OpenFileRequest, RollingBackupRequest, SaveFileRequest } from '../../../shared/bridge/contract';
import { writeRollingBackup } from '../rolling-backup';

/** The bridge's file functions, each a named function over an injected dialog so tests need no Electron. */
export async function saveFile(dialog: Pick<Dialog, 'showSaveDialog'>, request: SaveFileRequest): Promise<string | null> {
  const result = await dialog.showSaveDialog({ defaultPath: request.suggestedName, filters: request.filters });
  if (result.canceled || !result.filePath) return null;
  await writeFile(result.filePath, request.data);
  return result.filePath;
}

export async function openFile(dialog: Pick<Dialog, 'showOpenDialog'>, request: OpenFileRequest): Promise<OpenedFile | null> {
  const result = await dialog.showOpenDialog({ properties: ['openFile'], filters: request.filters });
  const path = result.filePaths[0];
  if (result.canceled || !path) return null;
  return { name: basename(path), data: new Uint8Array(await readFile(path)) };
}

export async function chooseFolder(dialog: Pick<Dialog, 'showOpenDialog'>): Promise<string | null> {
  const result = await dialog.showOpenDialog({ properties: ['openDirectory', 'createDirectory'], title: '选择自动备份文件夹' });
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

export function rollingBackup(request: RollingBackupRequest): Promise<string> {
  if (!request.folder) throw new Error('未设置备份文件夹');
  return writeRollingBackup(request.folder, request.data);
}
