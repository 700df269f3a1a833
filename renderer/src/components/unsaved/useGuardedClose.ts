import type { FormInstance } from 'antd';
import { useCallback, useContext, useEffect, useRef } from 'react';
import { UnsavedContext } from './context';

export interface GuardedCloseOptions {
  /** Whether the drawer or modal is showing; only then does it count as holding work. */
  open: boolean;
  /** The form whose touched fields are the unsaved work. */
  form?: FormInstance;
  /** Unsaved work outside the form (or instead of one). */
  dirty?: boolean | (() => boolean);
  /** The drawer's own save; it closes the drawer itself when it succeeds. Resolves false when it did not save. */
  save?: () => Promise<boolean>;
  close: () => void;
}

/**
 * For every drawer and modal with a form: the returned function goes to Escape, ×, the mask and
 * the cancel button alike (`onClose`/`onCancel`). With nothing changed it closes; with changes it
 * asks 保存 / 放弃 / 继续编辑. While open with changes, leaving the page asks too.
 */
export function useGuardedClose({ open, form, dirty, save, close }: GuardedCloseOptions): () => void {
  const unsaved = useContext(UnsavedContext);
  const latest = useRef({ form, dirty, save, close });
  latest.current = { form, dirty, save, close };

  const isDirty = useCallback(() => {
    const { form: f, dirty: d } = latest.current;
    const own = typeof d === 'function' ? d() : (d ?? false);
    return own || (f?.isFieldsTouched() ?? false);
  }, []);
  const saveLatest = useCallback(async () => (latest.current.save ? latest.current.save() : false), []);
  const canSave = save !== undefined;

  useEffect(() => {
    if (!open || !unsaved) return;
    return unsaved.register({ isDirty, save: canSave ? saveLatest : undefined });
  }, [open, unsaved, isDirty, saveLatest, canSave]);

  return useCallback(() => {
    if (!unsaved || !isDirty()) return latest.current.close();
    void unsaved.ask(latest.current.save !== undefined).then((choice) => {
      if (choice === 'discard') latest.current.close();
      else if (choice === 'save') void saveLatest();
    });
  }, [unsaved, isDirty, saveLatest]);
}
