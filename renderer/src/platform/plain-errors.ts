import type { UnionBooksBridge } from '../../../shared/bridge/contract';

/** Electron wraps an error thrown in the main process as "Error invoking remote method '…': Error: <message>"; the user needs only the message. */
export function plainMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^Error invoking remote method '[^']*': (?:[A-Za-z]*Error: )?/, '');
}

/** The bridge with each call's error reduced to its message, so pages can show it as it is. */
export function withPlainErrors(bridge: UnionBooksBridge): UnionBooksBridge {
  const plain =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await fn(...args);
      } catch (error) {
        throw new Error(plainMessage(error));
      }
    };
  return {
    contractVersion: bridge.contractVersion,
    saveFile: plain(bridge.saveFile),
    openFile: plain(bridge.openFile),
    chooseFolder: plain(bridge.chooseFolder),
    writeRollingBackup: plain(bridge.writeRollingBackup),
    listRollingBackups: plain(bridge.listRollingBackups),
    readRollingBackup: plain(bridge.readRollingBackup),
    onQuitBackup: (run) => bridge.onQuitBackup(run),
  };
}
