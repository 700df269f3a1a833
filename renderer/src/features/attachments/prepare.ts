import { PHOTO_MAX_SIDE } from '../../../../shared/activities/photo-size';
import { MAX_ATTACHMENT_BYTES } from '../../../../shared/records/tables';
import { canvasEncoder } from './canvas-encoder';
import { formatFileSize } from './file-size';

/**
 * Every file the user adds to the book passes here first (activity photos, receipts and scans of
 * 收支 entries). Images are re-encoded as JPEG so a phone photo or a scan does not carry megabytes
 * into every backup and sync; whatever is still above MAX_ATTACHMENT_BYTES is refused at the door,
 * so no record holds a file the upper union's server cannot take.
 */

/** Scans at or below this are kept byte for byte; above it an image is re-encoded. */
export const REENCODE_ABOVE_BYTES = 1024 * 1024;
/** Longest side of a re-encoded scan: a receipt stays legible when printed on A4. */
export const SCAN_MAX_SIDE = 2000;
export const JPEG_QUALITY = 0.85;

export interface AttachmentPolicy {
  /** 'always' for activity photos (every one is shrunk); 'when-large' for scans, kept as they are when small. */
  reencode: 'always' | 'when-large';
  maxSide: number;
}

export const PHOTO_POLICY: AttachmentPolicy = { reencode: 'always', maxSide: PHOTO_MAX_SIDE };
export const SCAN_POLICY: AttachmentPolicy = { reencode: 'when-large', maxSide: SCAN_MAX_SIDE };

/** Decodes an image and encodes it as JPEG within `maxSide` pixels on the longer side. */
export interface ImageEncoder {
  toJpeg(image: Blob, maxSide: number, quality: number): Promise<Blob>;
}

/** A file the book does not take, with the reason in Chinese naming the file. */
export class AttachmentRefused extends Error {}

// Formats a browser decodes onto a canvas; SVG is vector text, not a picture to re-encode.
const IMAGE_TYPE = /^image\/(jpeg|png|webp|gif|bmp|avif)$/i;
const IMAGE_NAME = /\.(jpe?g|png|webp|gif|bmp|avif)$/i;

function isImage(file: File): boolean {
  return file.type ? IMAGE_TYPE.test(file.type) : IMAGE_NAME.test(file.name);
}

function jpegName(name: string): string {
  return `${name.replace(/\.[^.]+$/, '') || '图片'}.jpg`;
}

function tooLarge(original: File, after?: File): AttachmentRefused {
  const limit = formatFileSize(MAX_ATTACHMENT_BYTES);
  const size = formatFileSize(original.size);
  const compressed = after ? `，压缩后仍有 ${formatFileSize(after.size)}` : '';
  return new AttachmentRefused(`“${original.name}”有 ${size}${compressed}，超过附件上限 ${limit}，请缩小或拆分后再添加`);
}

/**
 * The file as it goes into the book: re-encoded where the policy says and it helps, else as
 * picked. Throws AttachmentRefused when it stays above the limit or a photo cannot be read.
 */
export async function prepareAttachment(file: File, policy: AttachmentPolicy, encoder: ImageEncoder = canvasEncoder): Promise<File> {
  const shrink = isImage(file) && (policy.reencode === 'always' || file.size > REENCODE_ABOVE_BYTES);
  if (!shrink) {
    if (file.size > MAX_ATTACHMENT_BYTES) throw tooLarge(file);
    return file;
  }
  let jpeg: Blob;
  try {
    jpeg = await encoder.toJpeg(file, policy.maxSide, JPEG_QUALITY);
  } catch {
    if (policy.reencode === 'always') throw new AttachmentRefused(`无法读取图片“${file.name}”，请选择 JPG 或 PNG 照片`);
    // A scan in a format this computer cannot decode is still a scan: keep it if it fits.
    if (file.size > MAX_ATTACHMENT_BYTES) throw tooLarge(file);
    return file;
  }
  const out = new File([jpeg], jpegName(file.name), { type: 'image/jpeg' });
  // A small, flat scan can come out larger as JPEG; then the original is the better copy.
  const best = policy.reencode === 'when-large' && out.size >= file.size ? file : out;
  if (best.size > MAX_ATTACHMENT_BYTES) throw tooLarge(file, out);
  return best;
}
