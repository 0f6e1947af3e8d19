/**
 * Decides whether a Paper looks like a research article at all, so that a news page, a journal
 * homepage or a search result gets a friendly "not an article" state instead of empty findings.
 */
import type { Paper } from './model';

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

export function assessArticle(paper: Paper): ArticleVerdict {
  let words = 0;
  let headings = 0;
  let references = 0;
  for (const b of paper.blocks) {
    if (b.kind === 'heading') headings++;
    else if (b.kind === 'reference') references++;
    else if (words < MIN_WORDS_WITHOUT_STRUCTURE) words += countWords(b.text, MIN_WORDS_WITHOUT_STRUCTURE - words);
  }
  const hasStructure = headings >= 2 || references >= 3;
  const isArticle = hasStructure ? words >= MIN_WORDS_WITH_STRUCTURE : words >= MIN_WORDS_WITHOUT_STRUCTURE;
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
