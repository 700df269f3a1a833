import type { KeyboardEvent } from 'react';

/**
 * Whether an Enter key press in a form should save it: Enter in a plain text or number box does,
 * as in any desktop form. Enter that picks from a list, confirms a date, toggles a choice, ends an
 * input-method composition (typing Chinese) or adds a line in a text area does not.
 */
export function submitsOnEnter(event: KeyboardEvent<HTMLElement>): boolean {
  const target = event.target as HTMLElement;
  return (
    event.key === 'Enter' &&
    !event.nativeEvent.isComposing &&
    !event.defaultPrevented &&
    target instanceof HTMLInputElement &&
    target.type !== 'checkbox' &&
    target.type !== 'radio' &&
    target.getAttribute('role') !== 'combobox' &&
    !target.closest('.ant-picker, .ant-select')
  );
}

/** A form's onKeyDown that saves on Enter (see submitsOnEnter). */
export function saveOnEnter(save: () => unknown): (event: KeyboardEvent<HTMLElement>) => void {
  return (event) => {
    if (!submitsOnEnter(event)) return;
    event.preventDefault();
    void save();
  };
}
