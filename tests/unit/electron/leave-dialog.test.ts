import { beforeEach, describe, expect, it, vi } from 'vitest';

const answer = vi.hoisted(() => ({ index: 0, asked: [] as { buttons: string[]; title: string }[] }));

vi.mock('electron', () => {
  const dialog = {
    showMessageBoxSync: (_window: unknown, options: { buttons: string[]; title: string }) => {
      answer.asked.push(options);
      return answer.index;
    },
  };
  return { dialog, default: { dialog } };
});

const { askBeforeUnload, LEAVE_BUTTONS } = await import('../../../electron/main/leave-dialog');

describe('closing the window with unsaved typed work', () => {
  beforeEach(() => {
    answer.asked.length = 0;
  });

  it('放弃修改并关闭 lets the page unload', () => {
    answer.index = LEAVE_BUTTONS.indexOf('放弃修改并关闭');
    const event = { preventDefault: vi.fn() };
    askBeforeUnload({} as never, event as never);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(answer.asked[0]?.title).toBe('有尚未保存的修改');
  });

  it('继续编辑 (and Escape, the cancel answer) keeps the window and its text', () => {
    answer.index = LEAVE_BUTTONS.indexOf('继续编辑');
    const event = { preventDefault: vi.fn() };
    askBeforeUnload({} as never, event as never);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });
});
