/**
 * Warming the analysis engine when the background wakes.
 *
 * A cold first `analysePaper` costs several times a warm one (Node, 810-reference page: ~400–900 ms
 * first call, 20–90 ms after): V8 compiles every check's regular expressions on their first use and
 * runs new code in its interpreter until it is hot. An MV3 service worker is stopped after ~30 s
 * idle, so nearly every "open the sidebar" meets a cold engine. The toolbar click wakes the worker
 * while the page still has to inject the sidebar bundle and extract the article; analysing a small
 * made-up paper in that gap moves most of the one-off cost off the reader's wait.
 */
import { analysePaper } from '../analysis/engine';
import type { Lens } from '../analysis/lens';
import type { Block, Paper, SectionRole } from '../analysis/model';

/** A short paper that uses every lens term and sense cue, and has the sections each check reads. */
export function warmUpPaper(lenses: Lens[]): Paper {
  const blocks: Block[] = [];
  const add = (kind: Block['kind'], text: string, section: string, role: SectionRole) =>
    blocks.push({ id: blocks.length, kind, text, sectionPath: section ? [section] : [], role, anchor: { type: 'meta' } });
  add('heading', 'A study of support', '', 'title');
  add('heading', 'Introduction', 'Introduction', 'introduction');
  // One short sentence per term (its first variant, one cue per sense): enough to run every code
  // path once. Dense sentences full of terms would make the warm-up itself slow.
  const plain = (v: string | undefined) => (v ?? '').replace(/\*/g, '');
  for (const lens of lenses) {
    for (const term of lens.terms.slice(0, 40)) {
      const name = plain(term.variants[0]) || term.label;
      const cues = (term.senses ?? []).slice(0, 4).map((s) => plain(s.cues[0])).filter(Boolean);
      add('paragraph', `In this study, ${name} means support given by people who share an experience (Smith, 2019).`, 'Introduction', 'introduction');
      if (cues.length) add('paragraph', `The ${name} work involved ${cues.join(' and ')}.`, 'Introduction', 'introduction');
    }
  }
  add('heading', 'Methods', 'Methods', 'methods');
  add('paragraph', 'We searched MEDLINE and PsycINFO from January 2000 to March 2020. People with lived experience were involved in designing the study.', 'Methods', 'methods');
  add('heading', 'Results', 'Results', 'results');
  add('paragraph', 'Twelve trials with 1,200 participants aged 18 to 65 years were included.', 'Results', 'results');
  add('heading', 'Declarations', 'Declarations', 'declarations');
  add('paragraph', 'Competing interests: The authors declare no competing interests.', 'Declarations', 'declarations');
  add('paragraph', 'Funding: This work was supported by a research council grant.', 'Declarations', 'declarations');
  add('paragraph', 'Positionality: The first author has lived experience of mental health services.', 'Declarations', 'declarations');
  add('heading', 'References', 'References', 'references');
  for (let i = 0; i < 12; i++) add('reference', `Author ${i}, A. (${1995 + 2 * i}). A trial of support ${i}. Journal of Examples, ${i + 1}, 1–9.`, 'References', 'references');
  for (const b of blocks) if (b.kind === 'reference') b.list = 'References';
  return {
    metadata: { title: 'A study of support', authors: ['A. Author'], journal: null, published: '2021', year: 2021, doi: null, pdfUrl: null, url: null },
    blocks,
    source: 'html',
    warnings: [],
  };
}

/** Runs one throwaway analysis; returns how long it took (ms). Never throws. */
export function warmUpEngine(lenses: Lens[]): number {
  const t = performance.now();
  try {
    analysePaper(warmUpPaper(lenses), { lenses });
  } catch {
    // A broken lens shows up (with its message) when the reader's paper is analysed.
  }
  return performance.now() - t;
}

/**
 * The same Lens objects for the same active lenses. Settings are read from storage on every
 * message, which yields new objects each time; the term matcher caches its compiled lenses (and
 * their regular expressions) per Lens object, so without this every analysis recompiled them.
 */
export class StableLenses {
  private key = '';
  private lenses: Lens[] = [];

  get(lenses: Lens[]): Lens[] {
    const key = JSON.stringify(lenses);
    if (key !== this.key) {
      this.key = key;
      this.lenses = lenses;
    }
    return this.lenses;
  }
}
