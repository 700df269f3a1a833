import { zlibSync } from 'fflate';
import type { SeededRandom } from './random';

/**
 * A small PNG "photo" of an outdoor event (sky, a banner, a row of figures on a lawn), drawn pixel
 * by pixel from the seed: real image bytes that every office suite opens, the same on every
 * platform, without an image library.
 */
export function demoPhoto(rnd: SeededRandom, width = 360, height = 240): Uint8Array {
  const rgb = new Uint8Array(width * height * 3);
  const set = (x: number, y: number, c: readonly [number, number, number]) => {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    const o = (y * width + x) * 3;
    rgb[o] = c[0];
    rgb[o + 1] = c[1];
    rgb[o + 2] = c[2];
  };
  const horizon = Math.round(height * (0.55 + rnd.next() * 0.1));
  const skyTop: [number, number, number] = [rnd.int(90, 140), rnd.int(150, 190), rnd.int(210, 245)];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (y < horizon) {
        const t = (y / horizon) * 0.6;
        set(x, y, [Math.round(skyTop[0] + (255 - skyTop[0]) * t), Math.round(skyTop[1] + (255 - skyTop[1]) * t), skyTop[2]]);
      } else {
        const shade = ((x >> 3) + (y >> 3)) % 2 === 0 ? 0 : 8;
        set(x, y, [70 + shade, 140 + shade, 70 + shade]);
      }
    }
  }
  // a red banner across the back, as at most union events
  const bannerTop = Math.round(horizon * 0.35);
  const bannerColour: [number, number, number] = [200, 30 + rnd.int(0, 20), 30];
  for (let y = bannerTop; y < bannerTop + Math.round(height * 0.1); y++) {
    for (let x = Math.round(width * 0.12); x < Math.round(width * 0.88); x++) set(x, y, bannerColour);
  }
  for (let x = Math.round(width * 0.16); x < Math.round(width * 0.84); x += 14) {
    for (let y = bannerTop + 6; y < bannerTop + Math.round(height * 0.1) - 6; y++)
      for (let d = 0; d < 8; d++) set(x + d, y, [250, 220, 80]);
  }
  // people: a head and a body each, in a loose row
  const people = rnd.int(8, 16);
  for (let i = 0; i < people; i++) {
    const cx = Math.round(((i + 0.5) / people) * width + rnd.int(-6, 6));
    const base = horizon + rnd.int(18, 40);
    const shirt: [number, number, number] = [rnd.int(30, 230), rnd.int(30, 230), rnd.int(30, 230)];
    for (let y = base - 34; y < base; y++) for (let x = cx - 7; x <= cx + 7; x++) set(x, y, shirt);
    for (let y = base; y < base + 16; y++) for (let x = cx - 6; x <= cx + 6; x++) if (Math.abs(x - cx) > 1) set(x, y, [40, 40, 60]);
    for (let y = -8; y <= 8; y++) for (let x = -8; x <= 8; x++) if (x * x + y * y <= 56) set(cx + x, base - 44 + y, [235, 200, 170]);
    for (let x = -8; x <= 8; x++) for (let y = -8; y <= -3; y++) if (x * x + y * y <= 60) set(cx + x, base - 44 + y, [30, 25, 20]);
  }
  return encodePng(width, height, rgb);
}

/** A truecolour PNG (no filtering, zlib at level 6: deterministic output). */
export function encodePng(width: number, height: number, rgb: Uint8Array): Uint8Array {
  const raw = new Uint8Array((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) raw.set(rgb.subarray(y * width * 3, (y + 1) * width * 3), y * (width * 3 + 1) + 1);
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8);
  const chunks = [chunk('IHDR', header), chunk('IDAT', zlibSync(raw, { level: 6 })), chunk('IEND', new Uint8Array())];
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const out = new Uint8Array(8 + chunks.reduce((s, c) => s + c.length, 0));
  out.set(signature, 0);
  let at = 8;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
