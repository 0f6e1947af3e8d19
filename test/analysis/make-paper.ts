/**
 * Builds a Paper directly from a list of blocks, so analysis tests can state exactly the text and
 * structure they reason about without going through an extractor.
 */
import { yearStats } from '../../src/analysis/checks/reference-dates';
import type { Block, BlockKind, Paper, PaperMetadata, SectionRole } from '../../src/analysis/model';
import type { AnalysisContext, Check } from '../../src/analysis/context';
import type { Critique, Finding } from '../../src/analysis/critique';
import { emptyCritique } from '../../src/analysis/engine';
import { DEFAULT_LENSES } from '../../src/analysis/lenses/default';
import { paperSentences } from '../../src/analysis/text';

export interface BlockSpec {
  kind?: BlockKind;
  text: string;
  /** Section path as a " › "-free array, or a single title. */
  section?: string | string[];
  role?: SectionRole;
  included?: boolean;
  list?: string;
}

export function makePaper(blocks: BlockSpec[], metadata: Partial<PaperMetadata> = {}): Paper {
  return {
    metadata: {
      title: null,
      authors: [],
      journal: null,
      published: null,
      year: null,
      doi: null,
      pdfUrl: null,
      url: null,
      ...metadata,
    },
    blocks: blocks.map((b, id): Block => {
      const sectionPath = b.section === undefined ? [] : Array.isArray(b.section) ? b.section : [b.section];
      const block: Block = {
        id,
        kind: b.kind ?? (b.role === 'references' ? 'reference' : 'paragraph'),
        text: b.text,
        sectionPath,
        role: b.role ?? 'other',
        anchor: { type: 'dom', path: `body>p:nth-child(${id + 1})` },
      };
      if (b.included !== undefined) block.included = b.included;
      if (b.list !== undefined) block.list = b.list;
      return block;
    }),
    source: 'html',
    warnings: [],
  };
}

/**
 * Runs only the given checks on a paper (in the given order), after `prepare` has filled any part
 * of the critique an earlier check would have written. Isolates a check from unrelated ones.
 */
export function runChecks(paper: Paper, checks: Check[], prepare?: (c: Critique) => void): Critique {
  const critique = emptyCritique(paper, DEFAULT_LENSES);
  prepare?.(critique);
  let n = 0;
  const ctx: AnalysisContext = {
    paper,
    lenses: DEFAULT_LENSES,
    sentences: paperSentences(paper),
    critique,
    addFinding(f) {
      critique.findings.push({ id: `${f.kind}#${++n}`, ...f } as Finding);
    },
    outOfTime: () => false,
    stoppedReading() {},
  };
  for (const c of checks) c.run(ctx);
  return critique;
}

/** Year statistics as the reference-dates check would report them, from a list of years. */
export function histogramStats(years: (number | null)[]) {
  return yearStats(years, null);
}
