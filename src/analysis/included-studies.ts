/**
 * Headings of the list of studies a review includes ("Included studies", "References to studies
 * included in this review"). The extractors mark entries under them `included: true`; the
 * reference-dates check names how the paper marked them. One pattern, so the two never disagree.
 */
export const INCLUDED_LIST_HEADING =
  /\b(?:included (?:studies|trials|articles|papers|reviews|reports)|(?:studies|trials|articles|reports) included|references to (?:the )?(?:studies )?included|included in (?:the|this) (?:review|meta-analysis|analysis|synthesis))\b/i;
