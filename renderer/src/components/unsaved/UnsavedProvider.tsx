import { Button, Modal, Space } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLeaveGuard, type LeaveGuard } from './GuardedHashRouter';
import { UnsavedContext, type UnsavedApi, type UnsavedChoice, type UnsavedEntry } from './context';
import { leavesPlace, pickDirty } from './leave-rule';

interface Question {
  canSave: boolean;
  answer: (choice: UnsavedChoice) => void;
}

/**
 * The one place that asks before typed work is lost: drawers and modals ask through it when they
 * close, and it asks itself when the route changes or the window closes while any registered place
 * holds unsaved changes.
 */
export function UnsavedProvider({ children }: { children: ReactNode }) {
  const entries = useRef(new Set<UnsavedEntry>());
  const [question, setQuestion] = useState<Question | null>(null);

  // One question at a time: a second request while it is open (Escape reaching both the drawer and
  // its field) gets the same answer instead of a second dialog.
  const asking = useRef<Promise<UnsavedChoice> | null>(null);
  const ask = useCallback((canSave: boolean) => {
    asking.current ??= new Promise<UnsavedChoice>((resolve) =>
      setQuestion({
        canSave,
        answer: (choice) => {
          asking.current = null;
          setQuestion(null);
          resolve(choice);
        },
      }),
    );
    return asking.current;
  }, []);
  const register = useCallback((entry: UnsavedEntry) => {
    entries.current.add(entry);
    return () => void entries.current.delete(entry);
  }, []);
  const api: UnsavedApi = useMemo(() => ({ ask, register }), [ask, register]);

  // Moves of the router (links, menus, back and forward) that leave a place with unsaved work ask first.
  const guard: LeaveGuard = useMemo(
    () => ({
      blocks: (current, next) => leavesPlace(current, next) && pickDirty(entries.current) !== null,
      confirm: async () => {
        const entry = pickDirty(entries.current);
        if (!entry) return true;
        const choice = await ask(entry.save !== undefined);
        if (choice === 'discard') return true;
        return choice === 'save' && entry.save !== undefined && (await entry.save());
      },
    }),
    [ask],
  );
  useLeaveGuard(guard);

  useEffect(() => {
    // The browser (and Electron, see electron/main/window.ts) shows its own leave dialog.
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (pickDirty(entries.current) === null) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  const answer = (choice: UnsavedChoice) => question?.answer(choice);

  return (
    <UnsavedContext.Provider value={api}>
      {children}
      <Modal
        open={question !== null}
        title="有尚未保存的修改"
        onCancel={() => answer('stay')}
        zIndex={1200}
        width={420}
        footer={
          <Space>
            <Button onClick={() => answer('stay')}>继续编辑</Button>
            <Button danger onClick={() => answer('discard')}>
              放弃
            </Button>
            {question?.canSave && (
              <Button type="primary" onClick={() => answer('save')}>
                保存
              </Button>
            )}
          </Space>
        }
      >
        {question?.canSave ? '刚才填写的内容还没有保存。保存后离开，还是放弃这些修改？' : '刚才填写的内容还没有保存，离开后将丢失。'}
      </Modal>
    </UnsavedContext.Provider>
  );
}
