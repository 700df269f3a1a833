import type { FileFilter, OpenedFile } from '../../../shared/bridge/contract';
import { blobInSteps } from './blob-in-steps';
import type { Platform } from './platform';

const MIME: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ubk: 'application/octet-stream',
};

/** Browser mode: files are saved by download and opened through a file input. */
export const webPlatform: Platform = {
  kind: 'web',
  bridge: null,
  async saveFile(name, data) {
    const ext = name.split('.').pop() ?? '';
    // Pieces go into the Blob as they are, a few megabytes per task: a large backup is never joined into one buffer here.
    const blob = await blobInSteps(Array.isArray(data) ? data : [data], MIME[ext] ?? 'application/octet-stream');
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return true;
  },
  openFile(filters: FileFilter[]) {
    return new Promise<OpenedFile | null>((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
      input.style.display = 'none';
      input.addEventListener('change', async () => {
        const file = input.files?.[0];
        input.remove();
        resolve(file ? { name: file.name, data: new Uint8Array(await file.arrayBuffer()) } : null);
      });
      input.addEventListener('cancel', () => {
        input.remove();
        resolve(null);
      });
      document.body.appendChild(input);
      input.click();
    });
  },
};
