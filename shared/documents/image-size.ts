export type ImageType = 'png' | 'jpg' | 'gif' | 'bmp';

export interface ImageInfo {
  type: ImageType;
  width: number;
  height: number;
}

/** Type and pixel size from the image's own header (the photo's stored MIME type may be wrong). */
export function imageInfo(data: Uint8Array): ImageInfo | null {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.length > 24 && data[0] === 0x89 && data[1] === 0x50) {
    return { type: 'png', width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (data.length > 26 && data[0] === 0x42 && data[1] === 0x4d) {
    return { type: 'bmp', width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) };
  }
  if (data.length > 10 && data[0] === 0x47 && data[1] === 0x49 && data[2] === 0x46) {
    return { type: 'gif', width: view.getUint16(6, true), height: view.getUint16(8, true) };
  }
  if (data.length > 4 && data[0] === 0xff && data[1] === 0xd8) return jpegInfo(data, view);
  return null;
}

function jpegInfo(data: Uint8Array, view: DataView): ImageInfo | null {
  let i = 2;
  while (i + 9 < data.length) {
    if (data[i] !== 0xff) return null;
    const marker = data[i + 1] ?? 0;
    const length = view.getUint16(i + 2);
    // SOF0..SOF15 except DHT (C4), JPG (C8), DAC (CC) carry the frame size
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { type: 'jpg', height: view.getUint16(i + 5), width: view.getUint16(i + 7) };
    }
    i += 2 + length;
  }
  return null;
}
