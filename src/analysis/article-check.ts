/**
 * Decides whether a Paper looks like a research article at all, so that a news page, a journal
 * homepage or a search result gets a friendly "not an article" state instead of empty findings.
 */
import { ARGUMENT_ROLES, type Paper } from './model';

export interface ArticleVerdict {
  isArticle: boolean;
  /** What was looked for and not found, in words a reader understands. */
  reason: string | null;
  /**
   * Words of running text, counted only up to the most any verdict needs (1,500): a paper's
   * tens of thousands of words were read one regex match at a time just to pass that mark.
   */
  words: number;
  headings: number;
  references: number;
}

/**
 * Below this much running text nothing the checks say would mean much. A page with article
 * structure (headings, a reference list) may be short — a letter, an editorial — so it needs less.
 */
const MIN_WORDS_WITH_STRUCTURE = 150;
const MIN_WORDS_WITHOUT_STRUCTURE = 1500;
/** An abstract of at least this many words, on a page that names its article, makes an abstract page. */
const MIN_ABSTRACT_WORDS = 30;

export function assessArticle(paper: Paper): ArticleVerdict {
  let words = 0;
  let headings = 0;
  let references = 0;
  let abstractWords = 0;
  for (const b of paper.blocks) {
    if (b.kind === 'heading') headings++;
    else if (b.kind === 'reference') references++;
    else {
      if (b.role === 'abstract' && abstractWords < MIN_ABSTRACT_WORDS) abstractWords += countWords(b.text, MIN_ABSTRACT_WORDS - abstractWords);
      if (words < MIN_WORDS_WITHOUT_STRUCTURE) words += countWords(b.text, MIN_WORDS_WITHOUT_STRUCTURE - words);
    }
  }
  const hasStructure = headings >= 2 || references >= 3;
  // An abstract page (paywall, landing page) names an article and shows its abstract: it is about
  // an article even with little text, and gets a critique of what it shows.
  const abstractPage = abstractWords >= MIN_ABSTRACT_WORDS && !!(paper.metadata.doi || paper.metadata.title);
  const isArticle = abstractPage || (hasStructure ? words >= MIN_WORDS_WITH_STRUCTURE : words >= MIN_WORDS_WITHOUT_STRUCTURE);
  let reason: string | null = null;
  if (!isArticle) {
    const missing: string[] = [];
    if (headings < 2) missing.push('no section headings (Introduction, Methods…)');
    if (references < 3) missing.push('no reference list');
    const needed = hasStructure ? MIN_WORDS_WITH_STRUCTURE : MIN_WORDS_WITHOUT_STRUCTURE;
    if (words < needed) missing.push(`too little text (${words} words)`);
    reason = `This does not look like a research article: it has ${joinWords(missing)}.`;
  }
  return { isArticle, reason, words, headings, references };
}

function joinWords(parts: string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** Words in `text`, counting no further than `enough`. */
function countWords(text: string, enough: number): number {
  let n = 0;
  const re = /[\p{L}\p{N}]+/gu;
  while (n < enough && re.exec(text)) n++;
  return n;
}


/**
 * What a publisher prints beside an article the reader cannot read in full: "Access through your
 * institution", "Purchase PDF", "Preview of subscription content", "Section snippets"…
 */
const PAYWALL =
  /\b(?:access through your institution|purchase (?:pdf|article|access|this article)|buy (?:this )?(?:article|pdf|chapter)|rent (?:this )?article|get (?:full )?access|log ?in to (?:view|read|access) (?:the )?full|(?:this is a )?preview of subscription content|section snippets|full text (?:is )?(?:not )?available (?:to|for) (?:subscribers|purchase))\b/i;

/** Below this much running text outside the abstract (or twice the abstract), a page holds no full text. */
const ABSTRACT_PAGE_BODY_WORDS = 400;
/** A paywalled page can preview the first paragraphs of each section; beyond this it is full text. */
const PAYWALLED_PAGE_BODY_WORDS = 1500;
/** More words than any threshold above compares with (twice a long abstract included). */
const WORDS_COUNTED = 4000;

export interface ScopeVerdict {
  /** The page shows the abstract (and perhaps references), not the full text. */
  abstractOnly: boolean;
  abstractWords: number;
  bodyWords: number;
  bodyHeadings: number;
  paywalled: boolean;
}

/**
 * Whether a page is an abstract / landing page: an abstract, little running text besides it and
 * no sections of an argument — or a paywall notice beside a preview of the sections. Most readers
 * land on such a page first; the engine then analyses what is there and does not report the
 * declarations or definitions the full text would hold as "not reported".
 */
export function assessScope(paper: Paper): ScopeVerdict {
  let abstractWords = 0;
  let bodyWords = 0;
  let bodyHeadings = 0;
  let paywalled = false;
  for (const b of paper.blocks) {
    if (b.kind === 'heading') {
      if (ARGUMENT_ROLES.has(b.role)) bodyHeadings++;
      if (PAYWALL.test(b.text)) paywalled = true;
      continue;
    }
    if (b.kind === 'reference' || b.role === 'references' || b.kind === 'footnote' || b.role === 'title') continue;
    if (b.text.length < 120 && PAYWALL.test(b.text)) paywalled = true;
    // Counted only as far as a verdict needs: a full text's tens of thousands of words are not.
    if (b.role === 'abstract') abstractWords += countWords(b.text, WORDS_COUNTED - abstractWords);
    else if (b.kind === 'paragraph' && b.role !== 'declarations' && b.role !== 'acknowledgements') bodyWords += countWords(b.text, WORDS_COUNTED - bodyWords);
  }
  const hasAbstract = abstractWords >= MIN_ABSTRACT_WORDS;
  const thin = bodyHeadings < 2 && bodyWords < Math.max(ABSTRACT_PAGE_BODY_WORDS, 2 * abstractWords);
  const preview = paywalled && bodyWords < PAYWALLED_PAGE_BODY_WORDS;
  return { abstractOnly: hasAbstract && (thin || preview), abstractWords, bodyWords, bodyHeadings, paywalled };
}
