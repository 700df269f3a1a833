import type { UnionBooksBridge } from '../../../shared/bridge/contract';
import type { Platform } from './platform';

/** Desktop mode: native dialogs through the preload bridge. */
export function desktopPlatform(bridge: UnionBooksBridge): Platform {
  return {
    kind: 'desktop',
    bridge,
    async saveFile(name, data, filters) {
      return (await bridge.saveFile({ suggestedName: name, data, filters })) !== null;
    },
    openFile(filters) {
      return bridge.openFile({ filters });
    },
  };
}
