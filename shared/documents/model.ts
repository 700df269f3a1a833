/**
 * The document model both outputs are made from: the .docx writer and the on-screen preview draw
 * the same blocks, so what the preview shows is what Word opens.
 */
export interface TextRun {
  text: string;
  bold: boolean;
}

export type Align = 'left' | 'center' | 'right';

export type DocBlock =
  /** `lines` are the title's lines as printed (broken between words); `text` is all of it. */
  | { type: 'title'; text: string; lines: string[] }
  | { type: 'heading'; level: 2 | 3 | 4; number: string; text: string }
  | { type: 'paragraph'; runs: TextRun[]; align: 'justify' | Align; indent: boolean }
  | { type: 'table'; header: string[]; rows: string[][]; align: Align[] }
  | { type: 'image'; attachmentId: string; caption: string }
  /** The issuing body and the date under it (GB/T 9704 7.3.5.2), kept on the page of the last paragraph. */
  | { type: 'signature'; issuer: string; date: string };

export interface DocModel {
  blocks: DocBlock[];
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (heading numbers stay below 100). */
export function chineseNumeral(n: number): string {
  if (n < 10) return CN_DIGITS[n] ?? '';
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones === 0 ? '' : CN_DIGITS[ones]}`;
}

/** The GB/T 9704 numbers: 一、 then （一） then 1. — each level restarts under its parent. */
export function headingNumber(level: 2 | 3 | 4, n: number): string {
  if (level === 2) return `${chineseNumeral(n)}、`;
  if (level === 3) return `（${chineseNumeral(n)}）`;
  return `${n}.`;
}

/** Plain text of a block, for tests and search. */
export function blockText(block: DocBlock): string {
  switch (block.type) {
    case 'title':
      return block.text;
    case 'heading':
      return block.number + block.text;
    case 'paragraph':
      return block.runs.map((r) => r.text).join('');
    case 'table':
      return [block.header, ...block.rows].map((r) => r.join('\t')).join('\n');
    case 'image':
      return block.caption;
    case 'signature':
      return `${block.issuer}\n${block.date}`;
  }
}
