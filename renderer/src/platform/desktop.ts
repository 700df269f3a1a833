import { joinPieces } from '../../../shared/backup/pieces';
import type { UnionBooksBridge } from '../../../shared/bridge/contract';
import { safeFileName } from './file-name';
import type { Platform } from './platform';
import { withPlainErrors } from './plain-errors';

/** Desktop mode: native dialogs through the preload bridge. */
export function desktopPlatform(exposed: UnionBooksBridge): Platform {
  const bridge = withPlainErrors(exposed);
  return {
    kind: 'desktop',
    bridge,
    async saveFile(name, data, filters) {
      const bytes = Array.isArray(data) ? joinPieces(data) : data;
      return (await bridge.saveFile({ suggestedName: safeFileName(name), data: bytes, filters })) !== null;
    },
    openFile(filters) {
      return bridge.openFile({ filters });
    },
  };
}
