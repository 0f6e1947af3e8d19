/**
 * Decides whether a Paper looks like a research article at all, so that a news page, a journal
 * homepage or a search result gets a friendly "not an article" state instead of empty findings.
 */
import type { Paper } from './model';

export interface ArticleVerdict {
  isArticle: boolean;
  /** What was looked for and not found, in words a reader understands. */
  reason: string | null;
  words: number;
  headings: number;
  references: number;
}

/** Below this much running text nothing the checks say would mean much. */
const MIN_WORDS = 400;

export function assessArticle(paper: Paper): ArticleVerdict {
  let words = 0;
  let headings = 0;
  let references = 0;
  for (const b of paper.blocks) {
    if (b.kind === 'heading') headings++;
    else if (b.kind === 'reference') references++;
    else words += countWords(b.text);
  }
  const hasStructure = headings >= 2 || references >= 3;
  const isArticle = words >= MIN_WORDS && hasStructure;
  let reason: string | null = null;
  if (!isArticle) {
    const missing: string[] = [];
    if (headings < 2) missing.push('section headings (Introduction, Methods…)');
    if (references < 3) missing.push('a reference list');
    if (words < MIN_WORDS) missing.push(`enough article text (found ${words} words, looked for at least ${MIN_WORDS})`);
    reason = `This does not look like a research article: no ${missing.join(', no ')} was found.`;
  }
  return { isArticle, reason, words, headings, references };
}

function countWords(text: string): number {
  let n = 0;
  const re = /[\p{L}\p{N}]+/gu;
  while (re.exec(text)) n++;
  return n;
}
