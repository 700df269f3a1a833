import type { IpcRenderer } from 'electron';
import { BRIDGE_CHANNELS, type UnionBooksBridge } from '../../shared/bridge/contract';

/** Builds the one bridge object; each member is a fixed channel — the renderer can reach nothing else. */
export function createBridge(ipc: Pick<IpcRenderer, 'invoke'>): UnionBooksBridge {
  return {
    contractVersion: 2,
    saveFile: (request) => ipc.invoke(BRIDGE_CHANNELS.saveFile, request),
    openFile: (request) => ipc.invoke(BRIDGE_CHANNELS.openFile, request),
    chooseFolder: () => ipc.invoke(BRIDGE_CHANNELS.chooseFolder),
    writeRollingBackup: (request) => ipc.invoke(BRIDGE_CHANNELS.writeRollingBackup, request),
  } satisfies UnionBooksBridge;
}
