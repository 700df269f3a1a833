import { headingNumber, type Align, type DocBlock, type DocModel, type TextRun } from './model';

/**
 * The small Markdown a template writes: `#` title, `##`–`####` headings (numbered here, so an
 * author's own 一、 or （一） prefix is replaced, never doubled), paragraphs, pipe tables,
 * `![说明](attachment:ID)` photos, and `::: right` … `:::` for the signature block, whose lines
 * each stand alone, right-aligned. Liquid leaves many blank lines; they only separate blocks.
 */
export function parseMarkdown(markdown: string): DocModel {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: DocBlock[] = [];
  const counters = [0, 0, 0, 0, 0];
  let paragraph: string[] = [];
  let container: Align | null = null;

  const flush = () => {
    const text = joinLines(paragraph);
    paragraph = [];
    if (text) blocks.push({ type: 'paragraph', runs: parseInline(text), align: 'justify', indent: true });
  };

  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    const fence = /^:::\s*(right|center|left)?\s*$/.exec(line);
    if (fence) {
      flush();
      container = container ? null : ((fence[1] as Align | undefined) ?? 'right');
      continue;
    }
    if (container) {
      if (line) blocks.push({ type: 'paragraph', runs: parseInline(line), align: container, indent: false });
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
      const text = stripNumber((heading[2] ?? '').trim());
      if (level === 1) {
        blocks.push({ type: 'title', text });
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
      blocks.push({ type: 'image', attachmentId: image[2] ?? '', caption: (image[1] ?? '').trim() });
      continue;
    }
    if (line.startsWith('|') && isSeparator(lines[i + 1] ?? '')) {
      flush();
      const header = cells(line);
      const align = cells(lines[i + 1] ?? '').map(alignOf);
      const rows: string[][] = [];
      i += 2;
      while (i < lines.length && (lines[i] ?? '').trim().startsWith('|')) {
        rows.push(cells((lines[i] ?? '').trim()));
        i++;
      }
      i--;
      blocks.push({ type: 'table', header, rows, align: header.map((_, c) => align[c] ?? 'left') });
      continue;
    }
    paragraph.push(line);
  }
  flush();
  return { blocks };
}

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
  const parts = text.split(/(\*\*[^*]+\*\*)/);
  for (const part of parts) {
    if (!part) continue;
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4) runs.push({ text: part.slice(2, -2), bold: true });
    else runs.push({ text: part, bold: false });
  }
  return runs;
}
