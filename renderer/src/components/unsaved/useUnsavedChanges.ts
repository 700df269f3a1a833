import { useContext, useEffect, useRef } from 'react';
import { UnsavedContext } from './context';

/**
 * For a form on a page (settings, the template editor): while `dirty`, leaving the page by the app's
 * router or closing the window asks first. `save` is offered as 保存 in that question.
 */
export function useUnsavedChanges(dirty: boolean, save?: () => Promise<boolean>): void {
  const unsaved = useContext(UnsavedContext);
  const latest = useRef(save);
  latest.current = save;
  const canSave = save !== undefined;
  useEffect(() => {
    if (!dirty || !unsaved) return;
    return unsaved.register({ isDirty: () => true, save: canSave ? async () => (latest.current ? latest.current() : false) : undefined });
  }, [dirty, unsaved, canSave]);
}
