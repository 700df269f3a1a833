import { useEffect, useEffectEvent } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A page opens the record named in its address (`?open=<id>`, as search and 概览 link to it) once,
 * then drops the parameter so a reload or the back button does not open it again.
 */
export function useOpenParam(name: string, open: (id: string) => void): void {
  const [params, setParams] = useSearchParams();
  const id = params.get(name);
  const onOpen = useEffectEvent(open);
  useEffect(() => {
    if (!id) return;
    onOpen(id);
    setParams(
      (current) => {
        current.delete(name);
        return current;
      },
      { replace: true },
    );
  }, [id, name, setParams]);
}
