import type { Block } from './model';

/**
 * Headings of the list of studies a review includes ("Included studies", "References to studies
 * included in this review"). The extractors mark entries under them `included: true`; the
 * reference-dates check names how the paper marked them. One pattern, so the two never disagree.
 */
export const INCLUDED_LIST_HEADING =
  /\b(?:included (?:studies|trials|articles|papers|reviews|reports)|(?:studies|trials|articles|reports) included|references to (?:the )?(?:studies )?included|included in (?:the|this) (?:review|meta-analysis|analysis|synthesis))\b/i;

/**
 * A note explaining a mark on included studies: "References marked with an asterisk indicate
 * studies included…", "* denotes…", "† included in the meta-analysis".
 */
export const INCLUSION_MARK_NOTE = /\basterisks?\b|\bmarked (?:with|by) (?:an? )?(?:[*∗†]|dagger)|(?:^|\s)[*∗†]\s*(?:=|indicates?|denotes?|marks?)\b/i;

/** An entry that opens with an inclusion mark ("*Smith", "† Lee", "12. *Smith" in a numbered PDF list). */
export function startsWithInclusionMark(text: string): boolean {
  return /^\s*(?:(?:\[\d{1,4}\]|\d{1,4}[.)])\s*)?[*∗†]/.test(text);
}

/**
 * Marks reference entries as included studies (`included: true`), the same way for web pages and
 * PDFs: entries under an "Included studies" list when the paper has one, otherwise entries opening
 * with an asterisk or dagger when the paper says somewhere what that mark means.
 */
export function markIncludedStudies(blocks: Block[]): void {
  const refs = blocks.filter((b) => b.kind === 'reference');
  if (!refs.length) return;
  const inIncludedList = (b: Block) => b.sectionPath.some((h) => INCLUDED_LIST_HEADING.test(h)) || INCLUDED_LIST_HEADING.test(b.list ?? '');
  if (refs.some(inIncludedList)) {
    for (const b of refs) b.included = inIncludedList(b);
    return;
  }
  if (!refs.some((b) => startsWithInclusionMark(b.text))) return;
  const noted = blocks.some((b) => b.kind !== 'reference' && INCLUSION_MARK_NOTE.test(b.text) && /\binclud/i.test(b.text));
  if (noted) for (const b of refs) b.included = startsWithInclusionMark(b.text);
}
