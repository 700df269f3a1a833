/**
 * GB/T 9704-2012 7.3.1: a title that does not fit on one line breaks where the meaning allows,
 * never inside a word, into lines of fitting length arranged as a trapezoid or a diamond
 * ("…工会委员会 / 2026年度工作总结"). A template may give the lines itself (consecutive `#` lines);
 * a line still too long for the 2号 title is broken here at the best place.
 */

/** 2号 (22 pt) characters on the 156 mm text line: 442 pt ÷ 22 pt. */
export const TITLE_CHARS_PER_LINE = 20;

/** Width in full-width characters: digits and Latin letters take half a character. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\x20-\x7e]/.test(ch) ? 0.5 : 1;
  return w;
}

/**
 * Ends of words a title can break after: the organisation and place names unions are called by, and
 * the words that end a subject before its year ("…工会委员会", "…有限公司", "关于").
 */
const BREAK_AFTER = [
  '委员会',
  '联合会',
  '有限公司',
  '股份公司',
  '集团',
  '公司',
  '工会',
  '总工会',
  '管理局',
  '局',
  '厂',
  '学校',
  '学院',
  '大学',
  '医院',
  '中心',
  '街道',
  '社区',
  '关于',
  '年度',
];

/** A break before these would split a word ("工会 / 委员会") or leave a particle or mark at a line's start. */
const NO_BREAK_BEFORE = ['委员会', '联合会', '的', '、', '，', '。', '）', '”', '’', '》'];

/** Positions (in characters) a line may break at, each between two whole words. */
function breakPoints(line: string): number[] {
  const chars = [...line];
  const points: number[] = [];
  for (let i = 1; i < chars.length; i++) {
    const before = chars.slice(0, i).join('');
    const after = chars.slice(i).join('');
    if (NO_BREAK_BEFORE.some((w) => after.startsWith(w))) continue;
    // a year starts a unit: "…工会委员会 / 2026年度工作总结"
    const yearStarts = /\d/.test(chars[i] ?? '') && !/\d/.test(chars[i - 1] ?? '');
    if (yearStarts || BREAK_AFTER.some((w) => before.endsWith(w))) points.push(i);
  }
  return points;
}

/**
 * Splits one line into the fewest lines that fit, at word ends. Among as many lines, a break before
 * the year is preferred (the issuing body on one line, "2026年度…" on the next), then the most even.
 */
function splitLine(line: string, max: number): string[] {
  if (textWidth(line) <= max) return [line];
  const chars = [...line];
  let best: { parts: string[]; score: number } | null = null;
  for (const p of breakPoints(line)) {
    const head = chars.slice(0, p).join('');
    const tail = chars.slice(p).join('');
    if (textWidth(head) > max) continue;
    const rest = splitLine(tail, max);
    if (rest.some((r) => textWidth(r) > max)) continue;
    const parts = [head, ...rest];
    const widths = parts.map(textWidth);
    const beforeYear = /^\d/.test(tail) ? 100 : 0;
    const score = parts.length * 1000 - beforeYear + (Math.max(...widths) - Math.min(...widths));
    if (!best || score < best.score) best = { parts, score };
  }
  return best ? best.parts : [line];
}

export function titleLines(lines: readonly string[], max = TITLE_CHARS_PER_LINE): string[] {
  return lines
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .flatMap((l) => splitLine(l, max));
}
