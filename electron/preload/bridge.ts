import type { IpcRenderer } from 'electron';
import { BRIDGE_CHANNELS, QUIT_BACKUP_REQUEST, type QuitBackupSignal, type UnionBooksBridge } from '../../shared/bridge/contract';

/** Builds the one bridge object; each member is a fixed channel — the renderer can reach nothing else. */
export function createBridge(ipc: Pick<IpcRenderer, 'invoke' | 'on'>): UnionBooksBridge {
  const signal = (s: QuitBackupSignal) => ipc.invoke(BRIDGE_CHANNELS.onQuitBackup, s);
  return {
    contractVersion: 2,
    saveFile: (request) => ipc.invoke(BRIDGE_CHANNELS.saveFile, request),
    openFile: (request) => ipc.invoke(BRIDGE_CHANNELS.openFile, request),
    chooseFolder: () => ipc.invoke(BRIDGE_CHANNELS.chooseFolder),
    writeRollingBackup: (request) => ipc.invoke(BRIDGE_CHANNELS.writeRollingBackup, request),
    listRollingBackups: (folder) => ipc.invoke(BRIDGE_CHANNELS.listRollingBackups, folder),
    readRollingBackup: (request) => ipc.invoke(BRIDGE_CHANNELS.readRollingBackup, request),
    onQuitBackup: (run) => {
      // The event object is never handed to the page.
      ipc.on(QUIT_BACKUP_REQUEST, () => {
        void run()
          .catch(() => undefined)
          .finally(() => void signal('done'));
      });
      void signal('armed');
    },
  } satisfies UnionBooksBridge;
}
