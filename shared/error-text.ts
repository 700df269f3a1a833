/** What to show a user for a caught value: an Error's message (ours are Chinese and name the field), anything else as text. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
