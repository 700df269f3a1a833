import { Form, type FormInstance } from 'antd';
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
  /** What the drawer shows (e.g. the record id): when it changes, the form's new values are the unchanged state. */
  showing?: unknown;
}

/**
 * For every drawer and modal with a form: the returned function goes to Escape, ×, the mask and
 * the cancel button alike (`onClose`/`onCancel`). With nothing changed it closes; with changes it
 * asks 保存 / 放弃 / 继续编辑. While open with changes, leaving the page asks too.
 */
export function useGuardedClose({ open, form, dirty, save, close, showing }: GuardedCloseOptions): () => void {
  const unsaved = useContext(UnsavedContext);
  const latest = useRef({ form, dirty, save, close });
  latest.current = { form, dirty, save, close };

  // What the form held before the person touched it (values set by the program, e.g. on opening
  // or after a save that keeps the drawer open): typing that ends where it began is no change.
  const values: unknown = Form.useWatch((v: unknown) => v, form);
  const baseline = useRef<string | null>(null);
  useEffect(() => {
    if (!open || !form) baseline.current = null;
    else if (!form.isFieldsTouched()) baseline.current = snapshot(form.getFieldsValue(true));
  }, [open, form, values]);
  useEffect(() => {
    if (!open || !form) return;
    // After the drawer's own effects have filled the form for what it now shows.
    const timer = setTimeout(() => (baseline.current = snapshot(form.getFieldsValue(true))));
    return () => clearTimeout(timer);
  }, [open, form, showing]);

  const isDirty = useCallback(() => {
    const { form: f, dirty: d } = latest.current;
    const own = typeof d === 'function' ? d() : (d ?? false);
    return own || (!!f && f.isFieldsTouched() && snapshot(f.getFieldsValue(true)) !== baseline.current);
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

/** Form values as comparable text; an empty field reads the same whether it is '', null or absent. */
function snapshot(values: unknown): string {
  return JSON.stringify(values, (_key, value: unknown) => (value === '' || value === null ? undefined : value)) ?? '';
}
