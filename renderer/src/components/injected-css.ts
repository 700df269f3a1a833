import { useInsertionEffect } from 'react';

/**
 * Puts `css` in one `<style>` element of the document's head, named by `id`, and keeps it there:
 * the long tables' cells then carry a class name instead of a new style object each, so a scroll
 * step that draws new rows sets no inline styles. A changed theme rewrites the same element.
 */
export function useInjectedCss(id: string, css: string): void {
  useInsertionEffect(() => {
    let style = document.getElementById(id);
    if (!style) {
      style = document.createElement('style');
      style.id = id;
      document.head.appendChild(style);
    }
    if (style.textContent !== css) style.textContent = css;
  }, [id, css]);
}
