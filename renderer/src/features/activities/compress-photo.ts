import { fitWithin, PHOTO_MAX_SIDE } from '../../../../shared/activities/photo-size';
import type { NewPhoto } from '../../../../shared/engine/ops/activities';

/**
 * Shrinks a photo in the app before it is stored: at most 1600 px on the longer side, re-encoded
 * as JPEG. A phone photo of several MB becomes a few hundred KB, which keeps backups and sync small.
 */
export async function compressPhoto(file: File, quality = 0.85): Promise<NewPhoto> {
  const bitmap = await createImageBitmap(file);
  try {
    const size = fitWithin(bitmap.width, bitmap.height, PHOTO_MAX_SIDE);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('无法处理图片');
    // JPEG has no transparency: paint white under PNGs so transparent areas don't turn black.
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, size.width, size.height);
    ctx.drawImage(bitmap, 0, 0, size.width, size.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
    if (!blob) throw new Error('图片压缩失败');
    const base = file.name.replace(/\.[^.]+$/, '') || '照片';
    return { name: `${base}.jpg`, mimeType: 'image/jpeg', data: new Uint8Array(await blob.arrayBuffer()), caption: base };
  } finally {
    bitmap.close();
  }
}
