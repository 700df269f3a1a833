import { expect, test, type Page } from '@playwright/test';
import { deflateSync } from 'node:zlib';
import { goTo, loadDemo, screenshot, pickAccount } from './support/app';

const MB = 1024 * 1024;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A scan as a phone camera app saves it: a large RGB PNG of paper with grain, well above the 8 MB limit. */
function bigScanPng(width: number, height: number): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let x = 12345;
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let i = 1; i <= width * 3; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      raw[row + i] = 200 + (x & 0x3f);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 1 })), chunk('IEND', Buffer.alloc(0))]);
}

/** The live attachment of that name as stored in IndexedDB (the latest if several), decoded when it is an image. */
async function storedAttachment(
  page: Page,
  name: string,
): Promise<{ name: string; mimeType: string; size: number; width: number; height: number } | null> {
  return page.evaluate(
    (wanted) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open(localStorage.getItem('unionbooks.book') ?? 'unionbooks');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('attachments').objectStore('attachments').getAll();
          req.onsuccess = async () => {
            const rows = (
              req.result as { mimeType: string; deleted: number; data: Uint8Array; name: string; size: number; updatedAt: string }[]
            )
              // By name, not by the latest stamp: the demo's rows are stamped by its own clock.
              .filter((a) => a.deleted === 0 && a.name === wanted)
              .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
            const last = rows.at(-1);
            if (!last) return resolve(null);
            const bitmap = await createImageBitmap(new Blob([last.data as BlobPart], { type: last.mimeType }));
            resolve({ name: last.name, mimeType: last.mimeType, size: last.data.length, width: bitmap.width, height: bitmap.height });
          };
        };
      }),
    name,
  );
}

test('收支 attachments: a large scan is compressed on the way in, a file over 8 MB is refused by name and size', async ({ page }) => {
  const scan = bigScanPng(3000, 2200);
  expect(scan.length).toBeGreaterThan(8 * MB);
  await loadDemo(page);
  await goTo(page, '收支');
  await page.getByRole('button', { name: '记一笔' }).click();
  const dialog = page.getByRole('dialog');
  await pickAccount(page, '50105');
  await dialog.getByLabel('金额（元）').fill('120.00');
  await dialog.getByLabel('摘要').fill('购买慰问品（附扫描件）');

  let chooser = page.waitForEvent('filechooser');
  await dialog.getByText('添加票据扫描件或照片').click();
  await (await chooser).setFiles({ name: '会议纪要扫描.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(9 * MB, 0x25) });
  await expect(page.getByText('“会议纪要扫描.pdf”有 9 MB，超过附件上限 8 MB，请缩小或拆分后再添加')).toBeVisible();
  await expect(dialog.getByText('会议纪要扫描.pdf')).toHaveCount(0);
  await screenshot(page, 'finance-attachment-refused');

  chooser = page.waitForEvent('filechooser');
  await dialog.getByText('添加票据扫描件或照片').click();
  await (await chooser).setFiles({ name: '发票扫描.png', mimeType: 'image/png', buffer: scan });
  await expect(dialog.getByText('发票扫描.jpg')).toBeVisible({ timeout: 30_000 });
  await screenshot(page, 'finance-attachment-compressed');
  await dialog.getByRole('button', { name: /保\s?存/ }).click();
  // What lasts, not the three-second toast: the dialog closes and the entry is in the journal.
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  // The journal only renders the rows in view: find the entry by its summary.
  await page.getByPlaceholder('摘要、凭证号、科目').fill('附扫描件');
  await page.getByPlaceholder('摘要、凭证号、科目').press('Enter');
  await expect(page.getByRole('row', { name: /购买慰问品（附扫描件）/ })).toBeVisible();

  await expect.poll(() => storedAttachment(page, '发票扫描.jpg').then((a) => a?.name ?? null)).toBe('发票扫描.jpg');
  const stored = await storedAttachment(page, '发票扫描.jpg');
  expect(stored).toMatchObject({ name: '发票扫描.jpg', mimeType: 'image/jpeg', width: 2000, height: 1467 });
  expect(stored!.size).toBeLessThanOrEqual(8 * MB);
  expect(stored!.size).toBeLessThan(scan.length / 2);
});
