import { headingNumber, type Align, type DocBlock, type DocModel, type TextRun } from './model';
import { fixPunctuation } from './punctuation';
import { titleLines } from './title-lines';

/**
 * The small Markdown a template writes: `#` title (consecutive `#` lines are the lines of one
 * title), `##`–`####` headings (numbered here, so an author's own 一、 or （一） prefix is replaced,
 * never doubled), paragraphs, pipe tables, `![说明](attachment:ID)` photos, and `::: right` … `:::`
 * for lines that stand alone, right-aligned. A right-aligned block that ends with a date is the
 * signature block: the issuing body and the date under it. Liquid leaves many blank lines; they only
 * separate blocks. Every line goes through the punctuation rules of GB/T 15834.
 */
export function parseMarkdown(markdown: string): DocModel {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: DocBlock[] = [];
  const counters = [0, 0, 0, 0, 0];
  let paragraph: string[] = [];
  let container: Align | null = null;
  let contained: string[] = [];

  const flush = () => {
    const text = joinLines(paragraph);
    paragraph = [];
    if (text) blocks.push({ type: 'paragraph', runs: parseInline(text), align: 'justify', indent: true });
  };
  const closeContainer = (align: Align) => {
    const last = contained[contained.length - 1] ?? '';
    if (align === 'right' && contained.length >= 2 && SIGNATURE_DATE.test(last)) {
      blocks.push({ type: 'signature', issuer: fixPunctuation(contained.slice(0, -1).join('')), date: last });
    } else {
      for (const l of contained) blocks.push({ type: 'paragraph', runs: parseInline(l), align, indent: false });
    }
    contained = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    const fence = /^:::\s*(right|center|left)?\s*$/.exec(line);
    if (fence) {
      flush();
      if (container) closeContainer(container);
      container = container ? null : ((fence[1] as Align | undefined) ?? 'right');
      continue;
    }
    if (container) {
      if (line) contained.push(line);
      continue;
    }
    if (line === '') {
      flush();
      continue;
    }
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      const level = (heading[1] ?? '#').length;
      const text = fixPunctuation(stripNumber((heading[2] ?? '').trim()));
      if (level === 1) {
        const previous = blocks[blocks.length - 1];
        const own = previous?.type === 'title' ? [...previous.lines, text] : [text];
        const title: DocBlock = { type: 'title', text: own.join(''), lines: titleLines(own) };
        if (previous?.type === 'title') blocks[blocks.length - 1] = title;
        else blocks.push(title);
      } else {
        counters[level] = (counters[level] ?? 0) + 1;
        for (let l = level + 1; l < counters.length; l++) counters[l] = 0;
        const lv = level as 2 | 3 | 4;
        blocks.push({ type: 'heading', level: lv, number: headingNumber(lv, counters[level] ?? 1), text });
      }
      continue;
    }
    const image = /^!\[([^\]]*)\]\(attachment:([^)\s]+)\)$/.exec(line);
    if (image) {
      flush();
      blocks.push({ type: 'image', attachmentId: image[2] ?? '', caption: fixPunctuation((image[1] ?? '').trim()) });
      continue;
    }
    if (line.startsWith('|') && isSeparator(lines[i + 1] ?? '')) {
      flush();
      const header = cells(line);
      const align = cells(lines[i + 1] ?? '').map(alignOf);
      const rows: string[][] = [];
      i += 2;
      while (i < lines.length && (lines[i] ?? '').trim().startsWith('|')) {
        rows.push(cells((lines[i] ?? '').trim()).map(fixPunctuation));
        i++;
      }
      i--;
      blocks.push({ type: 'table', header, rows, align: header.map((_, c) => align[c] ?? 'left') });
      continue;
    }
    paragraph.push(line);
  }
  flush();
  if (container) closeContainer(container);
  return { blocks };
}

const SIGNATURE_DATE = /^\d{4}年\d{1,2}月\d{1,2}日$/;

/** Chinese text joins without spaces; a space is kept only between two Latin words. */
function joinLines(lines: string[]): string {
  let out = '';
  for (const l of lines) {
    if (out && /[A-Za-z0-9]$/.test(out) && /^[A-Za-z0-9]/.test(l)) out += ' ';
    out += l;
  }
  return out.trim();
}

function stripNumber(text: string): string {
  return text.replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、]\s*)/, '');
}

function isSeparator(line: string): boolean {
  return /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/.test(line.trim());
}

function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split('|').map((c) => c.trim());
}

function alignOf(spec: string): Align {
  const s = spec.trim();
  if (s.startsWith(':') && s.endsWith(':')) return 'center';
  if (s.endsWith(':')) return 'right';
  return 'left';
}

/** `**bold**` is the only inline mark a report needs. */
export function parseInline(text: string): TextRun[] {
  const runs: TextRun[] = [];
  const parts = fixPunctuation(text).split(/(\*\*[^*]+\*\*)/);
  for (const part of parts) {
    if (!part) continue;
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4) runs.push({ text: part.slice(2, -2), bold: true });
    else runs.push({ text: part, bold: false });
  }
  return runs;
}
