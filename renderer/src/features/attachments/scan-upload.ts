import { Upload, type UploadFile } from 'antd';
import type { RcFile } from 'antd/es/upload';
import type { Dispatch, SetStateAction } from 'react';
import { prepareAttachment, SCAN_POLICY } from './prepare';

/**
 * `beforeUpload` for receipts and scans in an antd Upload with a controlled file list: the picked
 * file stays out of the list until it is prepared (../prepare.ts), then the prepared copy joins the
 * list; a refused file is reported and never listed. Nothing is uploaded anywhere.
 */
export function addPreparedScan(setFiles: Dispatch<SetStateAction<UploadFile[]>>, report: (message: string) => void) {
  return (file: RcFile): string => {
    void prepareAttachment(file, SCAN_POLICY).then(
      (ready) => {
        const item: UploadFile = {
          uid: file.uid,
          name: ready.name,
          size: ready.size,
          type: ready.type,
          // antd reads only uid from its own file type; File's other fields are getters that cannot be set.
          originFileObj: Object.assign(ready, { uid: file.uid }) as RcFile,
        };
        setFiles((list) => [...list, item]);
      },
      (error: unknown) => report(error instanceof Error ? error.message : String(error)),
    );
    return Upload.LIST_IGNORE;
  };
}
