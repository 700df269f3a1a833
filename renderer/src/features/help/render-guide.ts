import { Marked, type Tokens } from 'marked';

/**
 * The size every picture of the guide is taken at (tests/e2e/manual.spec.ts). Giving each <img> its
 * size reserves its box before the lazy picture loads, so a jump from the contents lands on the
 * heading and stays there instead of being pushed away as the pictures above it arrive.
 */
export const GUIDE_PICTURE = { width: 1366, height: 768 } as const;

/** A heading of the guide the table of contents leads to. */
export interface GuideHeading {
  id: string;
  depth: 2 | 3;
  text: string;
}

export interface RenderedGuide {
  html: string;
  headings: GuideHeading[];
}

/**
 * The user guide as HTML for the 帮助 page: every `##` and `###` heading gets an id for the table of
 * contents, and an image's relative path (`manual-images/x.png`, as the file is read on its own) is
 * replaced by the bundled file's URL; an image the build does not hold shows its description. The
 * markdown is the bundled docs/用户手册.md, never text from elsewhere, so its HTML is trusted.
 */
export function renderGuide(markdown: string, imageUrl: (src: string) => string | undefined): RenderedGuide {
  const headings: GuideHeading[] = [];
  const marked = new Marked({ gfm: true, async: false });
  marked.use({
    renderer: {
      heading(this: { parser: { parseInline(tokens: Tokens.Heading['tokens']): string } }, { tokens, depth, text }: Tokens.Heading) {
        const inner = this.parser.parseInline(tokens);
        if (depth !== 2 && depth !== 3) return `<h${depth}>${inner}</h${depth}>\n`;
        const id = `guide-${headings.length + 1}`;
        headings.push({ id, depth, text: plain(text) });
        return `<h${depth} id="${id}">${inner}</h${depth}>\n`;
      },
      image({ href, text }: Tokens.Image) {
        const url = imageUrl(href);
        if (!url) return `<span class="guide-missing-image">［图：${escapeHtml(text)}］</span>`;
        return `<img src="${escapeHtml(url)}" alt="${escapeHtml(text)}" width="${GUIDE_PICTURE.width}" height="${GUIDE_PICTURE.height}" loading="lazy">`;
      },
    },
  });
  const html = marked.parse(markdown) as string;
  return { html, headings };
}

/** Heading text as the table of contents shows it: without Markdown marks. */
function plain(text: string): string {
  return text.replace(/[*`]/g, '').trim();
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
