/**
 * After Escape has moved the focus out of the sidebar: the next key press, if it is the reader's
 * own Escape, closes the sidebar; any other key or a click (or `disarmOn` events, e.g. the focus
 * coming back into the sidebar) ends the offer. Shared by the page sidebar and the PDF viewer.
 * Returns a function that ends the offer early.
 */
export function armSecondEscape(doc: Document, close: () => void, disarmOn?: { target: EventTarget; type: string }): () => void {
  const onKey = (e: KeyboardEvent) => {
    disarm();
    if (e.key === 'Escape' && e.isTrusted) close();
  };
  const disarm = () => {
    doc.removeEventListener('keydown', onKey, true);
    doc.removeEventListener('pointerdown', disarm, true);
    disarmOn?.target.removeEventListener(disarmOn.type, disarm);
  };
  doc.addEventListener('keydown', onKey, true);
  doc.addEventListener('pointerdown', disarm, true);
  disarmOn?.target.addEventListener(disarmOn.type, disarm);
  return disarm;
}
