import {
  MAX_BRIDGE_FILE_BYTES,
  type FileFilter,
  type OpenFileRequest,
  type QuitBackupSignal,
  type ReadRollingBackupRequest,
  type RollingBackupRequest,
  type SaveFileRequest,
} from '../../../shared/bridge/contract';

/**
 * Checks of what the renderer sends, before any handler acts on it. The renderer is treated as
 * untrusted: a compromised page must not widen what a bridge function does (write elsewhere, pass
 * a path where a name belongs, hand the dialog a filter it did not mean).
 */
export class PayloadError extends Error {
  override readonly name = 'PayloadError';
}

export function parseSaveFileRequest(value: unknown): SaveFileRequest {
  const r = record(value);
  return { suggestedName: fileName(r.suggestedName), data: bytes(r.data), filters: filters(r.filters) };
}

export function parseOpenFileRequest(value: unknown): OpenFileRequest {
  return { filters: filters(record(value).filters) };
}

export function parseRollingBackupRequest(value: unknown): RollingBackupRequest {
  const r = record(value);
  return { folder: folderPath(r.folder), data: bytes(r.data) };
}

export function parseFolder(value: unknown): string {
  return folderPath(value);
}

export function parseReadRollingBackupRequest(value: unknown): ReadRollingBackupRequest {
  const r = record(value);
  return { folder: folderPath(r.folder), name: fileName(r.name) };
}

export function parseQuitBackupSignal(value: unknown): QuitBackupSignal {
  if (value !== 'armed' && value !== 'done') throw new PayloadError('请求格式无效');
  return value;
}

function folderPath(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 1024) throw new PayloadError('备份文件夹无效');
  return value;
}

/** No arguments: whatever the renderer passes along is ignored, and more than nothing is refused. */
export function parseNothing(args: readonly unknown[]): void {
  if (args.some((a) => a !== undefined)) throw new PayloadError('此功能不接受参数');
}

function record(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new PayloadError('请求格式无效');
  return value as Record<string, unknown>;
}

/** A bare file name: the dialog starts in its usual folder, never one the page picked. */
function fileName(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 200 || /[\\/:*?"<>|\0]/.test(value) || /^\.+$/.test(value)) {
    throw new PayloadError('文件名无效');
  }
  return value;
}

function bytes(value: unknown): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new PayloadError('文件内容无效');
  if (value.byteLength > MAX_BRIDGE_FILE_BYTES) throw new PayloadError('文件过大');
  return value;
}

function filters(value: unknown): FileFilter[] {
  if (!Array.isArray(value) || value.length > 10) throw new PayloadError('文件类型无效');
  return value.map((f) => {
    const r = record(f);
    const extensions = r.extensions;
    if (typeof r.name !== 'string' || r.name.length > 50 || !Array.isArray(extensions) || extensions.length > 20) {
      throw new PayloadError('文件类型无效');
    }
    if (!extensions.every((e): e is string => typeof e === 'string' && /^[A-Za-z0-9]{1,10}$/.test(e)))
      throw new PayloadError('文件类型无效');
    return { name: r.name, extensions: [...extensions] };
  });
}
