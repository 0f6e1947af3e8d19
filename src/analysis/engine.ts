/**
 * The analysis engine: a Paper in, a Critique out. Pure and synchronous; the same function serves
 * the content script, the PDF viewer and the command line.
 */
import { assessScope } from './article-check';
import { CHECKS } from './checks';
import type { AnalysisContext } from './context';
import { incompleteMessage, type Critique, type Finding, type Severity } from './critique';
import { DEFAULT_LENSES } from './lenses/default';
import type { Lens } from './lens';
import type { Paper } from './model';
import { paperSentences } from './text';

export const GENERATOR = 'Critical Reader 0.1.0';

export interface AnalyseOptions {
  /** Active lenses; the built-in "digital peer support" lens when omitted. */
  lenses?: Lens[];
  /**
   * Time budget in ms. Past it the analysis stops where it is and returns what it has, marked
   * `incomplete` with a warning that says what was not read; a huge page then holds up the
   * extension's other tabs for about this long at most. None when omitted.
   */
  budgetMs?: number;
  /** The clock the budget is measured on, in ms (performance.now by default; tests pass their own). */
  now?: () => number;
}

function markIncomplete(critique: Critique, incomplete: NonNullable<Critique['incomplete']>): void {
  critique.incomplete = incomplete;
  critique.warnings.unshift(incompleteMessage(incomplete));
}

const SEVERITY_RANK: Record<Severity, number> = { concern: 0, caution: 1, info: 2 };

export function emptyCritique(paper: Paper, lenses: Lens[]): Critique {
  const emptyStatement = () => ({ found: false, evidence: [] });
  return {
    schemaVersion: 1,
    generator: GENERATOR,
    paper: { ...paper.metadata, source: paper.source, scope: 'full-text' },
    lenses: lenses.map((l) => ({ id: l.id, name: l.name })),
    references: {
      entries: [],
      count: 0,
      withYear: 0,
      min: null,
      max: null,
      median: null,
      histogram: {},
      shareOlderThan10Years: null,
      referenceYear: null,
    },
    includedStudies: null,
    audit: null,
    search: { dates: [], dateLimit: null, fromInception: false, noRestriction: false, justification: null, evidence: [] },
    terms: [],
    statements: {
      positionality: emptyStatement(),
      involvement: emptyStatement(),
      competingInterests: emptyStatement(),
      funding: emptyStatement(),
    },
    findings: [],
    warnings: [...paper.warnings],
  };
}

/**
 * Findings an abstract page cannot support: its declarations and definitions are in the full
 * text, which is not on the page. Date findings (a reference list the page shows) stay.
 */
const NOT_JUDGED_ON_ABSTRACT_PAGES = new Set<Finding['kind']>([
  'missing-positionality',
  'missing-involvement',
  'missing-competing-interests',
  'missing-funding',
  'involvement-vague',
]);

function markAbstractPage(critique: Critique): void {
  critique.paper.scope = 'abstract';
  critique.findings = critique.findings.filter(
    (f) => !NOT_JUDGED_ON_ABSTRACT_PAGES.has(f.kind) && !(f.kind === 'definition-gap' && (f.detail === 'none' || f.detail === 'late')),
  );
  const pdf = critique.paper.pdfUrl ? ` Open the publisher's PDF for the whole paper: ${critique.paper.pdfUrl}` : '';
  critique.warnings.unshift(
    `Abstract page: the full text is not here. Terms, dates and the reference list are read from what the page shows; statements and missing definitions are not judged.${pdf}`,
  );
}

export function analysePaper(paper: Paper, options: AnalyseOptions = {}): Critique {
  const lenses = options.lenses ?? DEFAULT_LENSES;
  const critique = emptyCritique(paper, lenses);
  const seenIds = new Map<string, number>();
  const now = options.now ?? (() => performance.now());
  const started = now();
  const deadline = options.budgetMs === undefined ? Infinity : started + options.budgetMs;
  let termTextShare = 1;
  const ctx: AnalysisContext = {
    paper,
    lenses,
    sentences: paperSentences(paper),
    critique,
    addFinding(f) {
      const base = [f.kind, f.lens, f.term, f.detail].filter(Boolean).join(':');
      const n = (seenIds.get(base) ?? 0) + 1;
      seenIds.set(base, n);
      critique.findings.push({ id: n === 1 ? base : `${base}#${n}`, ...f } as Finding);
    },
    outOfTime: () => now() > deadline,
    stoppedReading(share) {
      termTextShare = Math.min(termTextShare, share);
    },
  };
  const skipped: string[] = [];
  for (const check of CHECKS) {
    if (ctx.outOfTime()) skipped.push(check.id);
    else check.run(ctx);
  }
  if (termTextShare < 1 || skipped.length > 0) markIncomplete(critique, { afterMs: Math.round(now() - started), termTextShare, skippedChecks: skipped });
  if (paper.source === 'html' && assessScope(paper).abstractOnly) markAbstractPage(critique);
  // Most serious first; otherwise keep the order checks reported them (text order within a check).
  critique.findings = critique.findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
  return critique;
}
