/**
 * GB/T 9704-2012 page layout in Word units. 1 mm = 1440/25.4 twips; font sizes are half-points.
 * A4 with margins 37/35/28/26 mm leaves a 156 × 225 mm text block; 225 mm = 637.8 pt, so an exact
 * line spacing of 28.95 pt gives the standard's 22 lines a page.
 */
export const mm = (value: number): number => Math.round((value * 1440) / 25.4);

export const PAGE = {
  width: mm(210),
  height: mm(297),
  top: mm(37),
  bottom: mm(35),
  left: mm(28),
  right: mm(26),
  footer: mm(25),
} as const;

/** The text block's width: 156 mm. */
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

/** Fractions of the text width: the first column names the row (an account, a kind) and gets more room. */
export function columnWidths(count: number): number[] {
  if (count <= 1) return [1];
  const first = count === 2 ? 0.5 : 0.32;
  return [first, ...Array.from({ length: count - 1 }, () => (1 - first) / (count - 1))];
}

/** 28.95 pt in twips. */
export const LINE_EXACT = 579;

/** GB/T 9704: 28 characters a line. */
export const CHARS_PER_LINE = 28;

/** One character cell of the grid in twips: the text width shared by 28 characters (≈ 15.79 pt). */
export const CHAR_PITCH = TEXT_WIDTH / CHARS_PER_LINE;

/**
 * w:docGrid charSpace: how far the grid's character pitch is from the 3号 (16 pt) body size, in
 * 1/4096 pt. 28 characters of 16 pt (448 pt) do not fit the 156 mm line (442 pt); Word and WPS
 * fit them when the grid says so, and lay out 27 otherwise. Rounded down so 28 cells always fit.
 */
export const CHAR_SPACE = Math.floor((CHAR_PITCH / 20 - 16) * 4096);

/**
 * w:spacing of every run, in twentieths of a point: each 3号 character condensed by 0.3 pt (15.7 pt
 * a character) puts 28 on the 442 pt line in Word, WPS and LibreOffice alike.
 */
export const CHAR_SPACING = -6;

export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading2: '黑体',
  heading3: '楷体_GB2312',
  pageNumber: '宋体',
} as const;

/** Half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt (table text, so figures fit their columns). */
export const SIZE = { title: 44, body: 32, small: 28, table: 24 } as const;

/** How far one body character advances, in twips: 3号 (16 pt = 320 twips) less the condensing. */
export const CHAR_ADVANCE = SIZE.body * 10 + CHAR_SPACING;

/** Two characters of 3号 text: 2 × 16 pt = 640 twips. */
export const FIRST_LINE_INDENT = 640;

/**
 * Where the GB fonts are missing, Word and WPS look at the font table's altName; the usual
 * Windows fonts stand in. Charset 86 = GB2312.
 */
export const FONT_FALLBACKS: readonly { name: string; altName: string; family: 'roman' | 'modern' | 'script' }[] = [
  { name: '方正小标宋简体', altName: '宋体', family: 'script' },
  { name: '仿宋_GB2312', altName: '仿宋', family: 'modern' },
  { name: '楷体_GB2312', altName: '楷体', family: 'modern' },
  { name: '黑体', altName: 'SimHei', family: 'modern' },
  { name: '宋体', altName: 'SimSun', family: 'roman' },
  { name: '仿宋', altName: 'FangSong', family: 'modern' },
  { name: '楷体', altName: 'KaiTi', family: 'modern' },
];

export function fontTableXml(): string {
  const fonts = FONT_FALLBACKS.map(
    (f) =>
      `<w:font w:name="${f.name}"><w:altName w:val="${f.altName}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`,
  ).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    fonts +
    '<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>' +
    '</w:fonts>'
  );
}
