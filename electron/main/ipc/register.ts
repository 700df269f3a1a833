import type { BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent } from 'electron';
import { BRIDGE_CHANNELS } from '../../../shared/bridge/contract';
import type { BackupFolders } from '../backup-folders';
import type { QuitBackupSignal } from '../../../shared/bridge/contract';
import { chooseFolder, openFile, rollingBackup, rollingBackupFile, rollingBackups, saveFile } from './files';
import {
  parseFolder,
  parseNothing,
  parseOpenFileRequest,
  parseQuitBackupSignal,
  parseReadRollingBackupRequest,
  parseRollingBackupRequest,
  parseSaveFileRequest,
} from './payloads';
import { isFromMainFrame } from './sender';

export interface IpcContext {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  folders: BackupFolders;
  mainWindow: () => Pick<BrowserWindow, 'webContents' | 'isDestroyed'> | null;
  devServerUrl: string | undefined;
  /** The page's side of the backup made when the window closes (see quit-backup.ts). */
  quitBackup?: (signal: QuitBackupSignal) => void;
}

/** One line per bridge function; the logic lives in named, unit-tested functions. Every call passes the sender check first. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, ctx: IpcContext): void {
  const handle = guarded(ipcMain, ctx);
  handle(BRIDGE_CHANNELS.saveFile, ([request]) => saveFile(ctx.dialog, parseSaveFileRequest(request)));
  handle(BRIDGE_CHANNELS.openFile, ([request]) => openFile(ctx.dialog, parseOpenFileRequest(request)));
  handle(BRIDGE_CHANNELS.chooseFolder, (args) => {
    parseNothing(args);
    return chooseFolder(ctx.dialog, ctx.folders);
  });
  handle(BRIDGE_CHANNELS.writeRollingBackup, ([request]) => rollingBackup(ctx.folders, parseRollingBackupRequest(request)));
  handle(BRIDGE_CHANNELS.listRollingBackups, ([folder]) => rollingBackups(ctx.folders, parseFolder(folder)));
  handle(BRIDGE_CHANNELS.readRollingBackup, ([request]) => rollingBackupFile(ctx.folders, parseReadRollingBackupRequest(request)));
  handle(BRIDGE_CHANNELS.onQuitBackup, async ([signal]) => ctx.quitBackup?.(parseQuitBackupSignal(signal)));
}

export const REFUSED_SENDER = '拒绝执行：请求不是来自本软件的主窗口';

function guarded(ipcMain: Pick<IpcMain, 'handle'>, ctx: IpcContext) {
  return (channel: string, run: (args: unknown[]) => Promise<unknown>) =>
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      if (!isFromMainFrame(event, ctx.mainWindow(), ctx.devServerUrl)) throw new Error(REFUSED_SENDER);
      return run(args);
    });
}
