import type { FileFilter, OpenedFile, UnionBooksBridge } from '../../../shared/bridge/contract';

declare global {
  interface Window {
    unionBooks?: UnionBooksBridge;
  }
}

/** What differs between the desktop app and the browser: saving and opening files, and backups to a folder. */
export interface Platform {
  kind: 'desktop' | 'web';
  /** Resolves to true when saved, false when the user cancelled. `data` may come in pieces (a streamed backup). */
  saveFile(name: string, data: Uint8Array | Uint8Array[], filters: FileFilter[]): Promise<boolean>;
  openFile(filters: FileFilter[]): Promise<OpenedFile | null>;
  /** Automatic backups to a folder exist only on the desktop. */
  bridge: UnionBooksBridge | null;
}

export const FILTERS = {
  book: [{ name: '工会账簿备份', extensions: ['ubk'] }],
  xlsx: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
  spreadsheet: [{ name: '表格文件', extensions: ['xlsx', 'csv', 'xls'] }],
  docx: [{ name: 'Word 文档', extensions: ['docx'] }],
  image: [{ name: '图片', extensions: ['jpg', 'jpeg', 'png', 'bmp', 'webp'] }],
  enrolment: [{ name: '离线注册文件', extensions: ['ubenrol'] }],
  syncPackage: [{ name: '离线报送包', extensions: ['ubpkg'] }],
  syncReply: [{ name: '回执包', extensions: ['ubreply'] }],
} satisfies Record<string, FileFilter[]>;
