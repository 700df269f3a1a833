import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { isTrustedUrl } from '../security';

/**
 * Whether an IPC call comes from the main window's top frame showing the app's own page. Any
 * other sender — a subframe, another window, a page that navigated elsewhere — is refused, so a
 * bridge function is only ever used by the app it was made for.
 */
export function isFromMainFrame(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  window: Pick<BrowserWindow, 'webContents' | 'isDestroyed'> | null,
  devServerUrl: string | undefined,
): boolean {
  if (!window || window.isDestroyed()) return false;
  const frame = event.senderFrame;
  const main = window.webContents.mainFrame;
  if (!frame || event.sender !== window.webContents) return false;
  if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return isTrustedUrl(frame.url, devServerUrl);
}
