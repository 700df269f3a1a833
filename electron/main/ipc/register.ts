import type { Dialog, IpcMain } from 'electron';
import { BRIDGE_CHANNELS } from '../../../shared/bridge/contract';
import { chooseFolder, openFile, rollingBackup, saveFile } from './files';

/** One line per bridge function; the logic lives in named, unit-tested functions. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>): void {
  ipcMain.handle(BRIDGE_CHANNELS.saveFile, (_event, request) => saveFile(dialog, request));
  ipcMain.handle(BRIDGE_CHANNELS.openFile, (_event, request) => openFile(dialog, request));
  ipcMain.handle(BRIDGE_CHANNELS.chooseFolder, () => chooseFolder(dialog));
  ipcMain.handle(BRIDGE_CHANNELS.writeRollingBackup, (_event, request) => rollingBackup(request));
}
