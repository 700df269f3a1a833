import { dialog, type BrowserWindow, type Event } from 'electron';

/** Buttons of the question, in the order shown; the index is what showMessageBoxSync returns. */
export const LEAVE_BUTTONS = ['继续编辑', '放弃修改并关闭'] as const;

/**
 * The renderer refuses to unload while typed work is unsaved (beforeunload). Electron then closes
 * nothing and asks nothing, so the main process asks: 放弃 lets the window close, 继续编辑 keeps it.
 */
export function askBeforeUnload(window: BrowserWindow, event: Event): void {
  const choice = dialog.showMessageBoxSync(window, {
    type: 'question',
    title: '有尚未保存的修改',
    message: '刚才填写的内容还没有保存。',
    detail: '关闭后这些内容将丢失。请先回到窗口保存，或放弃修改。',
    buttons: [...LEAVE_BUTTONS],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  });
  if (choice === 1) event.preventDefault();
}
