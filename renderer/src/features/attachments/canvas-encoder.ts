import { fitWithin } from '../../../../shared/activities/photo-size';
import type { ImageEncoder } from './prepare';

/** Decodes an image in the browser and draws it, scaled down, onto a canvas encoded as JPEG. */
export const canvasEncoder: ImageEncoder = {
  async toJpeg(image, maxSide, quality) {
    const bitmap = await createImageBitmap(image);
    try {
      const size = fitWithin(bitmap.width, bitmap.height, maxSide);
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
      return blob;
    } finally {
      bitmap.close();
    }
  },
};
