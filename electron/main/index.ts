import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { registerIpc } from './ipc/register';
import { createMainWindow } from './window';

// electron-vite sets this while developing; a packaged app loads its own files only.
const devServerUrl = process.env.ELECTRON_RENDERER_URL;

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same IndexedDB; focus the first one instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  void app.whenReady().then(() => {
    registerIpc(ipcMain, dialog);
    createMainWindow(__dirname, devServerUrl);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow(__dirname, devServerUrl);
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
