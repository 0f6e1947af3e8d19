/**
 * Inline `!important` declarations on an element of ours in a publisher page: they beat any rule
 * of the page's, so hostile page CSS cannot hide or move what we show.
 */
export function setImportant(el: HTMLElement, styles: Record<string, string>): void {
  for (const [k, v] of Object.entries(styles)) el.style.setProperty(k, v, 'important');
}
