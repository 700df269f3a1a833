import guideMarkdown from '../../../../docs/用户手册.md?raw';

/** The guide's pictures, bundled with the renderer so 帮助 works offline, by their path in the guide. */
const IMAGES = import.meta.glob<string>('../../../../docs/manual-images/*.png', { eager: true, query: '?url', import: 'default' });

export const GUIDE_MARKDOWN: string = guideMarkdown;

/** `manual-images/x.png` as the guide writes it → the bundled file's URL. */
export function guideImageUrl(src: string): string | undefined {
  return IMAGES[`../../../../docs/${src.replace(/^\.\//, '')}`];
}
