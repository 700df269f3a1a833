import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GUIDE_PICTURE, renderGuide } from '../../../renderer/src/features/help/render-guide';

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const guide = readFileSync(root('docs/用户手册.md'), 'utf8');
const spec = readFileSync(root('tests/e2e/manual.spec.ts'), 'utf8');

/** The sections whose every step the end-to-end test follows. */
const FOLLOWED = ['第一天', '每个月'];

/** "第一天 · 1. 填写工会信息" for each `### N. title` under a followed `## section`, in order. */
function guideSteps(markdown: string): string[] {
  const steps: string[] = [];
  let section = '';
  for (const line of markdown.split('\n')) {
    const h2 = /^## (.+)$/.exec(line);
    if (h2) section = h2[1]!.trim();
    const h3 = /^### (\d+\. .+)$/.exec(line);
    if (h3 && FOLLOWED.includes(section)) steps.push(`${section} · ${h3[1]!.trim()}`);
  }
  return steps;
}

/** The spec's `test.step('第一天 · …')` titles for the followed sections, in order. */
function specSteps(source: string): string[] {
  return [...source.matchAll(/test\.step\('([^']+)'/g)].map((m) => m[1]!).filter((t) => FOLLOWED.some((s) => t.startsWith(`${s} · `)));
}

function imagesOf(markdown: string): string[] {
  return [...markdown.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
}

describe('用户手册 and its end-to-end test', () => {
  it('numbers the steps of each followed section 1, 2, 3 … without gaps', () => {
    for (const section of FOLLOWED) {
      const numbers = guideSteps(guide)
        .filter((s) => s.startsWith(`${section} · `))
        .map((s) => Number(/· (\d+)\./.exec(s)![1]));
      expect(numbers.length, section).toBeGreaterThan(3);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    }
  });

  it('has the same steps, with the same numbers and titles, in the guide and in tests/e2e/manual.spec.ts', () => {
    expect(specSteps(spec)).toEqual(guideSteps(guide));
  });

  it('finds a changed title: the comparison is not vacuous', () => {
    const renamed = guide.replace('### 1. 登记本月会费', '### 1. 登记会费');
    expect(guideSteps(renamed)).not.toEqual(specSteps(spec));
  });

  it('shows only pictures that exist, and every picture in docs/manual-images/ is shown', () => {
    const shown = imagesOf(guide);
    expect(shown.length).toBeGreaterThan(10);
    for (const src of shown) {
      expect(src, 'pictures are relative to docs/').toMatch(/^manual-images\/[\w-]+\.png$/);
      expect(existsSync(root(`docs/${src}`)), src).toBe(true);
    }
    const files = readdirSync(root('docs/manual-images')).map((f) => `manual-images/${f}`);
    expect(files.sort()).toEqual([...new Set(shown)].sort());
  });

  it('has every picture at the size the help page reserves for it', () => {
    for (const src of new Set(imagesOf(guide))) {
      // A PNG's width and height are the two big-endian words after the IHDR tag.
      const png = readFileSync(root(`docs/${src}`));
      expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }, src).toEqual(GUIDE_PICTURE);
    }
  });

  it('names only pictures the spec writes', () => {
    const written = new Set([...spec.matchAll(/picture\(page, '([\w-]+)'\)/g)].map((m) => `manual-images/${m[1]}.png`));
    for (const src of imagesOf(guide)) expect(written.has(src), src).toBe(true);
  });
});

describe('renderGuide', () => {
  it('gives the ## and ### headings ids in order, for the table of contents', () => {
    const { html, headings } = renderGuide('# 手册\n\n## 第一天\n\n### 1. 填写**工会**信息\n\n正文\n\n#### 小节\n', () => undefined);
    expect(headings).toEqual([
      { id: 'guide-1', depth: 2, text: '第一天' },
      { id: 'guide-2', depth: 3, text: '1. 填写工会信息' },
    ]);
    expect(html).toContain('<h2 id="guide-1">第一天</h2>');
    expect(html).toContain('<h3 id="guide-2">1. 填写<strong>工会</strong>信息</h3>');
    expect(html).toContain('<h4>小节</h4>');
  });

  it('points an image at its bundled file and describes one the build does not hold', () => {
    const urls: Record<string, string> = { 'manual-images/a.png': '/assets/a-123.png' };
    const { html } = renderGuide('![开账](manual-images/a.png)\n\n![不存在](manual-images/b.png)', (src) => urls[src]);
    expect(html).toContain('<img src="/assets/a-123.png" alt="开账"');
    expect(html).not.toContain('manual-images/b.png');
    expect(html).toContain('［图：不存在］');
  });

  it('renders the real guide with a heading for every step', () => {
    const { headings } = renderGuide(guide, () => 'x.png');
    const titles = headings.map((h) => h.text);
    for (const section of ['第一天', '每个月', '年底', '换届', '同步到上级工会', '离线报送']) expect(titles).toContain(section);
    expect(titles).toContain('6. 导入名册');
  });
});
