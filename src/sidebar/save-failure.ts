/** What the reader is told when storage refuses a write (quota exceeded, storage unavailable). */
export function saveFailure(e: unknown, what: string, keptInForm: boolean): string {
  const reason = e instanceof Error ? e.message : String(e);
  const kept = keptInForm ? '; your text is still in the form' : '';
  return /quota/i.test(reason)
    ? `${what}: the browser's storage for Critical Reader is full. Export your notes (Markdown or JSON) and delete some to make room${kept}.`
    : `${what} (${reason})${kept}.`;
}
