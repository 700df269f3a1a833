import { useCallback, useEffect, useRef, useState } from 'react';
import { emptySections, type SectionKey, type SectionTexts } from '../../../../shared/facts/sections';
import { useServices } from '../../app/services';
import { userMessage } from '../../components/user-message';
import { saveYearNote } from './mutations';
import type { StoredYearNote } from './queries';

/** Long enough not to write on every keystroke, short enough that a pause keeps what was typed. */
export const DRAFT_DELAY_MS = 800;

export type DraftStatus = 'saved' | 'pending' | 'saving' | 'error';

export interface SectionDrafts {
  /** null until the year's stored paragraphs are read. */
  texts: SectionTexts | null;
  status: DraftStatus;
  error: string | null;
  setText: (key: SectionKey, text: string) => void;
}

/**
 * The chair's paragraphs of a year, saved into the book while typing (debounced) and at once when
 * the page or the year changes, so nothing typed is lost by moving on. The stored row is read once
 * per year; later writes come from this page, so a slow read never overwrites newer typing.
 */
export function useSectionDrafts(year: number, stored: StoredYearNote | undefined): SectionDrafts {
  const { mutator } = useServices();
  const [shown, setShown] = useState<{ year: number; texts: SectionTexts } | null>(null);
  const [status, setStatus] = useState<DraftStatus>('saved');
  const [error, setError] = useState<string | null>(null);
  // One object per year: a save queued for a year writes to that year's row even after the page moved on.
  const state = useRef<{ year: number | null; id: string | null; texts: SectionTexts | null }>({ year: null, id: null, texts: null });
  const pending = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const queue = useRef(Promise.resolve());

  const flush = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    if (!pending.current) return;
    pending.current = false;
    const target = state.current;
    const { year: y, texts: t } = target;
    if (y === null || t === null) return;
    setStatus('saving');
    queue.current = queue.current.then(async () => {
      try {
        target.id = await saveYearNote(mutator, y, target.id, t);
        setStatus((s) => (s === 'saving' ? 'saved' : s));
        setError(null);
      } catch (e) {
        setStatus('error');
        setError(userMessage(e));
      }
    });
  }, [mutator]);

  useEffect(() => {
    // A live query keeps its last answer while the next year's is read: wait for this year's.
    if (stored?.year !== year || state.current.year === year) return;
    flush();
    const loaded = { ...emptySections(), ...stored.note?.sections };
    state.current = { year, id: stored.note?.id ?? null, texts: loaded };
    setShown({ year, texts: loaded });
    setStatus('saved');
  }, [year, stored, flush]);

  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  const setText = useCallback(
    (key: SectionKey, text: string) => {
      const current = state.current.texts;
      if (!current) return;
      const next = { ...current, [key]: text };
      state.current.texts = next;
      pending.current = true;
      setShown({ year: state.current.year!, texts: next });
      setStatus('pending');
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(flush, DRAFT_DELAY_MS);
    },
    [flush],
  );

  return { texts: shown?.year === year ? shown.texts : null, status, error, setText };
}
