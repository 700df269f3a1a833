/**
 * A ref that gives its element the keyboard's focus when the element is made. A Tooltip or Popover
 * mounted around a cell's tag only when first wanted makes that tag anew, and the focus the old one
 * had would otherwise be lost. One function for every tag, so a re-render does not call it again.
 */
export function focusNow(element: HTMLElement | null): void {
  element?.focus();
}
