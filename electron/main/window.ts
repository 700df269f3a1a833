import { BrowserWindow, session } from 'electron';
import { join } from 'node:path';
import { APP_ENTRY_URL } from './app-origin';
import { askBeforeUnload } from './leave-dialog';
import { applyContentSecurityPolicy, denyAllPermissions, lockNavigation, secureWebPreferences } from './security';

export function createMainWindow(dirname: string, devServerUrl: string | undefined): BrowserWindow {
  applyContentSecurityPolicy(session.defaultSession);
  denyAllPermissions(session.defaultSession);
  const window = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: '工会账簿',
    show: false,
    webPreferences: secureWebPreferences(join(dirname, '../preload/index.cjs')),
  });
  lockNavigation(window.webContents, devServerUrl);
  window.webContents.on('will-prevent-unload', (event) => askBeforeUnload(window, event));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl ?? APP_ENTRY_URL);
  return window;
}
