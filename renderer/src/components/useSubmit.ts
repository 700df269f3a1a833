import { App, type FormInstance } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fieldErrors, userMessage } from './user-message';

export interface SubmitOptions {
  /** The form whose fields are validated first and marked with the engine's refusals. */
  form?: FormInstance;
  /** Engine field names that this form calls otherwise, e.g. `{ amountFen: 'amount' }`. */
  fields?: Readonly<Record<string, string>>;
  /**
   * For a modal or drawer that closes (or moves on) once saved: what this opening is about, e.g.
   * `open && (record?.id ?? 'new')`. After a save succeeds, further submits are ignored until the
   * session changes to another truthy value, so a click that lands while the modal is closing
   * cannot save the same thing twice. Forms that stay on the page and save again leave it out.
   */
  session?: unknown;
}

export interface Submit {
  /** True while an action runs: show it on the button (`loading`, `confirmLoading`). */
  busy: boolean;
  /**
   * Validates the form (when there is one), then runs `action` with its values. Ignored while
   * another submit runs, and after a finished one in the same session. A refusal is shown under
   * its fields and as a message. An action that returns `false` was called off by the user (a
   * confirmation answered 返回修改) and counts as not done. Resolves true when the action finished.
   */
  submit<V>(action: (values: V) => Promise<unknown>): Promise<boolean>;
}

/**
 * "saving… / error / done" for every form that writes: one click saves once, whatever the hands do.
 * The guard is taken synchronously on the click, before validation, so a double-click cannot start
 * two saves even when the first is quick.
 */
export function useSubmit({ form, fields, session }: SubmitOptions = {}): Submit {
  const { message } = App.useApp();
  const running = useRef(false);
  const done = useRef(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (session) done.current = false;
  }, [session]);

  const submit = useCallback(
    async <V>(action: (values: V) => Promise<unknown>): Promise<boolean> => {
      if (running.current || done.current) return false;
      running.current = true;
      setBusy(true);
      try {
        let values: V;
        try {
          values = (form ? await form.validateFields() : undefined) as V;
        } catch {
          return false; // antd shows what is missing under each field
        }
        if ((await action(values)) === false) return false;
        if (session !== undefined) done.current = true;
        return true;
      } catch (error) {
        form?.setFields(fieldErrors(error).map((e) => ({ name: fields?.[e.name] ?? e.name, errors: e.errors })));
        message.error(userMessage(error));
        return false;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [form, fields, session, message],
  );

  return { busy, submit };
}
