import { app, BrowserWindow, dialog, ipcMain, protocol } from 'electron';
import { join } from 'node:path';
import { APP_SCHEME } from './app-origin';
import { APP_SCHEME_PRIVILEGES, appProtocolHandler } from './app-protocol';
import { BackupFolders } from './backup-folders';
import { registerIpc } from './ipc/register';
import { QuitBackup } from './quit-backup';
import { createMainWindow } from './window';

// electron-vite sets this while developing; a packaged app loads its own files only.
const devServerUrl = process.env.ELECTRON_RENDERER_URL;

// Privileges must be declared before the app is ready.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same IndexedDB; focus the first one instead.
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  let quitBackup: QuitBackup | null = null;
  const openWindow = () => {
    mainWindow = createMainWindow(__dirname, devServerUrl);
    // Closing the window (and so quitting) waits for the page's last automatic backup.
    quitBackup = new QuitBackup(mainWindow);
    mainWindow.on('closed', () => {
      mainWindow = null;
      quitBackup = null;
    });
  };
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  void app.whenReady().then(async () => {
    protocol.handle(APP_SCHEME, appProtocolHandler(join(__dirname, '../renderer')));
    const folders = await BackupFolders.load(join(app.getPath('userData'), 'backup-folders.json'));
    registerIpc(ipcMain, {
      dialog,
      folders,
      mainWindow: () => mainWindow,
      devServerUrl,
      quitBackup: (signal) => quitBackup?.signal(signal),
    });
    openWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
