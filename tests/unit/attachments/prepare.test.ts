import { describe, expect, it } from 'vitest';
import { formatFileSize } from '../../../renderer/src/features/attachments/file-size';
import {
  AttachmentRefused,
  PHOTO_POLICY,
  prepareAttachment,
  SCAN_POLICY,
  type ImageEncoder,
} from '../../../renderer/src/features/attachments/prepare';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/records/tables';

const MB = 1024 * 1024;

const file = (name: string, bytes: number, type: string) => new File([new Uint8Array(bytes)], name, { type });

/** Stands in for the canvas (tested in Chromium end to end): remembers what it was asked, answers with `bytes` of JPEG. */
function encoder(bytes: number | Error) {
  const calls: { name: string; maxSide: number; quality: number }[] = [];
  const fake: ImageEncoder = {
    async toJpeg(image, maxSide, quality) {
      calls.push({ name: (image as File).name, maxSide, quality });
      if (bytes instanceof Error) throw bytes;
      return new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' });
    },
  };
  return { fake, calls };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AttachmentRefused);
  return (error as Error).message;
}

describe('a file added as an attachment', () => {
  it('refuses a file above the limit, naming it and its size', async () => {
    const { fake, calls } = encoder(0);
    const message = await refusal(prepareAttachment(file('合同扫描.pdf', 9 * MB, 'application/pdf'), SCAN_POLICY, fake));
    expect(message).toBe('“合同扫描.pdf”有 9 MB，超过附件上限 8 MB，请缩小或拆分后再添加');
    expect(calls).toEqual([]);
  });

  it('keeps a file at the limit byte for byte', async () => {
    const pdf = file('凭证.pdf', MAX_ATTACHMENT_BYTES, 'application/pdf');
    expect(await prepareAttachment(pdf, SCAN_POLICY, encoder(0).fake)).toBe(pdf);
  });

  it('keeps a small scan as it is, and re-encodes a large one as JPEG within 2000 px', async () => {
    const small = file('小票.png', 600 * 1024, 'image/png');
    const untouched = encoder(100);
    expect(await prepareAttachment(small, SCAN_POLICY, untouched.fake)).toBe(small);
    expect(untouched.calls).toEqual([]);

    const shrink = encoder(700 * 1024);
    const out = await prepareAttachment(file('发票扫描.png', 5 * MB, 'image/png'), SCAN_POLICY, shrink.fake);
    expect(shrink.calls).toEqual([{ name: '发票扫描.png', maxSide: 2000, quality: 0.85 }]);
    expect(out).toMatchObject({ name: '发票扫描.jpg', type: 'image/jpeg', size: 700 * 1024 });
  });

  it('keeps the original scan when JPEG would not be smaller', async () => {
    const flat = file('表格.png', 3 * MB, 'image/png');
    expect(await prepareAttachment(flat, SCAN_POLICY, encoder(4 * MB).fake)).toBe(flat);
  });

  it('refuses an image still above the limit after compression, saying both sizes', async () => {
    const message = await refusal(prepareAttachment(file('长图.png', 30 * MB, 'image/png'), SCAN_POLICY, encoder(9.5 * MB).fake));
    expect(message).toBe('“长图.png”有 30 MB，压缩后仍有 9.5 MB，超过附件上限 8 MB，请缩小或拆分后再添加');
  });

  it('keeps a scan this computer cannot decode when it fits, and refuses it when it does not', async () => {
    const heic = file('收据.heic', 3 * MB, 'image/heic');
    const asked = encoder(100);
    expect(await prepareAttachment(heic, SCAN_POLICY, asked.fake)).toBe(heic);
    expect(asked.calls).toEqual([]);
    const broken = file('损坏.jpg', 2 * MB, 'image/jpeg');
    expect(await prepareAttachment(broken, SCAN_POLICY, encoder(new Error('decode')).fake)).toBe(broken);
    const bigBroken = await refusal(
      prepareAttachment(file('损坏大图.jpg', 12 * MB, 'image/jpeg'), SCAN_POLICY, encoder(new Error('decode')).fake),
    );
    expect(bigBroken).toContain('“损坏大图.jpg”有 12 MB');
  });

  it('never re-encodes SVG: vector text, kept or refused by its size', async () => {
    const asked = encoder(100);
    expect(await refusal(prepareAttachment(file('标志.svg', 9 * MB, 'image/svg+xml'), SCAN_POLICY, asked.fake))).toContain('“标志.svg”');
    expect(asked.calls).toEqual([]);
  });

  it('shrinks every activity photo to 1600 px, and refuses one it cannot read', async () => {
    const shrink = encoder(200 * 1024);
    const out = await prepareAttachment(file('运动会.webp', 300 * 1024, 'image/webp'), PHOTO_POLICY, shrink.fake);
    expect(shrink.calls).toEqual([{ name: '运动会.webp', maxSide: 1600, quality: 0.85 }]);
    expect(out).toMatchObject({ name: '运动会.jpg', type: 'image/jpeg' });
    const message = await refusal(
      prepareAttachment(file('坏照片.jpg', 100, 'image/jpeg'), PHOTO_POLICY, encoder(new Error('decode')).fake),
    );
    expect(message).toBe('无法读取图片“坏照片.jpg”，请选择 JPG 或 PNG 照片');
  });

  it('reads sizes the way people do', () => {
    expect(formatFileSize(512)).toBe('512 字节');
    expect(formatFileSize(860 * 1024)).toBe('860 KB');
    expect(formatFileSize(8 * MB)).toBe('8 MB');
    expect(formatFileSize(12.34 * MB)).toBe('12.3 MB');
  });
});
