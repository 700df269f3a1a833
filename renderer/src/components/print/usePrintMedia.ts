import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * True while the page is laid out for paper: from `beforeprint` (the 打印 button, Ctrl+P, the
 * Electron print dialog) to `afterprint`, and whenever the print medium is in force. The update on
 * `beforeprint` is rendered at once, before the browser lays out the sheets.
 */
export function usePrintMedia(): boolean {
  const [printing, setPrinting] = useState(() => window.matchMedia('print').matches);
  useEffect(() => {
    const media = window.matchMedia('print');
    const on = () => flushSync(() => setPrinting(true));
    const off = () => setPrinting(media.matches);
    const change = () => (media.matches ? on() : off());
    window.addEventListener('beforeprint', on);
    window.addEventListener('afterprint', off);
    media.addEventListener('change', change);
    return () => {
      window.removeEventListener('beforeprint', on);
      window.removeEventListener('afterprint', off);
      media.removeEventListener('change', change);
    };
  }, []);
  return printing;
}
