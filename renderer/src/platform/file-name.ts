const FORBIDDEN = new Set('\\/:*?"<>|');

/** A name the save dialog accepts on every system: no folder separators, no characters Windows forbids, not too long. */
export function safeFileName(name: string): string {
  const cleaned = [...name]
    .map((c) => (FORBIDDEN.has(c) || c.charCodeAt(0) < 32 ? '_' : c))
    .join('')
    .trim();
  const dot = cleaned.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [cleaned.slice(0, dot), cleaned.slice(dot)] : [cleaned, ''];
  const short = `${stem.slice(0, 200 - ext.length)}${ext}`;
  return /^\.*$/.test(short) ? '工会账簿' : short;
}
