/**
 * Scoring the engine against hand-annotated real papers (`../shared/corpus/gold/NAME.gold.json`,
 * schema in that folder's README): definition status per term, the sense of each annotated use
 * of "peer", the four statements, and a review's search dates and publication-date limit.
 * Pure: a critique and its gold record in, per-area outcomes out; `scripts/eval.ts` prints them.
 */
import type { Critique, TermReport } from '../analysis/critique';

export type DefinitionStatus = 'own' | 'cited' | 'none';

export interface GoldRecord {
  name: string;
  title?: string;
  kind: 'review' | 'primary' | 'protocol' | 'other';
  definitions: Record<string, { status: DefinitionStatus; quote: string | null }>;
  peerSenses: { sentence: string; match: string; sense: string }[];
  positionality: { present: boolean; quote: string | null };
  involvement: { present: boolean; quote: string | null };
  competingInterests: { present: boolean; quote: string | null };
  funding: { present: boolean; quote: string | null };
  search?: { dates: string[]; dateLimit: { from: string | null; to: string | null } | null };
}

export const GOLD_STATEMENTS = ['positionality', 'involvement', 'competingInterests', 'funding'] as const;
export type GoldStatement = (typeof GOLD_STATEMENTS)[number];

/** The gold set's term names and the built-in lens's term ids that carry their definitions. */
const GOLD_TERM_IDS: Record<string, string> = {
  'peer support': 'peer',
  'digital peer support': 'digital-peer-support',
  'lived experience': 'lived-experience',
};

export interface DefinitionOutcome {
  term: string;
  truth: DefinitionStatus;
  predicted: DefinitionStatus;
  /** The engine's defining sentences, for the lines that show what went wrong. */
  quotes: string[];
}

export interface SenseOutcome {
  sentence: string;
  match: string;
  truth: string;
  /** The engine's sense, or "(not found)" when it reported no such use in that sentence. */
  predicted: string;
}

export interface StatementOutcome {
  field: GoldStatement;
  truth: boolean;
  found: boolean;
  evidence: string | null;
}

export interface SearchOutcome {
  truthDates: string[];
  dates: string[];
  truthLimit: string;
  limit: string;
}

export interface GoldOutcome {
  name: string;
  definitions: DefinitionOutcome[];
  senses: SenseOutcome[];
  statements: StatementOutcome[];
  search: SearchOutcome | null;
}

export const NOT_FOUND = '(not found)';

/** Case, white space and typographic quotes/dashes folded, so quotes compare as a reader reads them. */
export function normaliseQuote(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b]/g, "'")
    .replace(/[\u201c\u201d\u201f]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

function definitionStatus(report: TermReport | undefined): { status: DefinitionStatus; quotes: string[] } {
  // The definitions check already lets only core-sense (or unmarked) uses carry a definition, so
  // a "peer review" sentence never defines "peer support".
  const defs = report?.definitions ?? [];
  const status: DefinitionStatus = defs.some((d) => d.origin === 'own') ? 'own' : defs.length ? 'cited' : 'none';
  return { status, quotes: defs.map((d) => d.text) };
}

function senseOutcomes(critique: Critique, gold: GoldRecord): SenseOutcome[] {
  const peer = critique.terms.find((t) => t.term === 'peer');
  // A long sentence is shown cut around the use, marked "…": compare what is left.
  const occurrences = (peer?.occurrences ?? []).map((o) => ({ o, sentence: normaliseQuote(o.sentence.replace(/^…|…$/g, '')), match: normaliseQuote(o.match) }));
  const used = new Set<number>();
  return gold.peerSenses.map((g) => {
    const sentence = normaliseQuote(g.sentence);
    const match = normaliseQuote(g.match);
    // The engine may split sentences a little differently: either may contain the other. The
    // annotators wrote the phrase a reader sees ("peer support", "peer network"); the engine
    // reports the word of the lens ("peer"), so one may begin with the other.
    const index = occurrences.findIndex(
      (x, i) =>
        !used.has(i) &&
        (x.match === match || match.startsWith(x.match + ' ') || x.match.startsWith(match + ' ')) &&
        (x.sentence.includes(sentence) || sentence.includes(x.sentence)),
    );
    if (index >= 0) used.add(index);
    return { sentence: g.sentence, match: g.match, truth: g.sense, predicted: index >= 0 ? occurrences[index]!.o.sense : NOT_FOUND };
  });
}

function limitText(limit: { from: string | number | null; to: string | number | null } | null | undefined): string {
  if (!limit) return 'none';
  return `${limit.from ?? '…'}–${limit.to ?? '…'}`;
}

export function scoreGold(critique: Critique, gold: GoldRecord): GoldOutcome {
  const definitions = Object.entries(gold.definitions).map(([term, truth]) => {
    const report = critique.terms.find((t) => t.term === GOLD_TERM_IDS[term]);
    const { status, quotes } = definitionStatus(report);
    return { term, truth: truth.status, predicted: status, quotes };
  });
  const statements = GOLD_STATEMENTS.map((field) => {
    const s = critique.statements[field];
    return { field, truth: gold[field].present, found: s.found, evidence: s.evidence[0]?.quote ?? null };
  });
  const search = gold.search
    ? {
        truthDates: gold.search.dates,
        dates: critique.search.dates,
        truthLimit: limitText(gold.search.dateLimit),
        limit: limitText(critique.search.dateLimit),
      }
    : null;
  return { name: gold.name, definitions, senses: senseOutcomes(critique, gold), statements, search };
}

export interface BinaryScore {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export function binaryScore(pairs: { truth: boolean; found: boolean }[]): BinaryScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const p of pairs) {
    if (p.truth && p.found) tp++;
    else if (!p.truth && p.found) fp++;
    else if (p.truth) fn++;
    else tn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : null;
  const recall = tp + fn ? tp / (tp + fn) : null;
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : precision === null && recall === null ? null : 0;
  return { tp, fp, fn, tn, precision, recall, f1 };
}

export interface GoldSummary {
  papers: number;
  definitionAccuracy: { correct: number; total: number };
  senseAccuracy: { correct: number; total: number };
  /** truth sense → predicted sense → count. */
  senseConfusion: Record<string, Record<string, number>>;
  statements: Record<GoldStatement, BinaryScore>;
  searchDates: { correct: number; total: number };
  searchLimit: { correct: number; total: number };
}

/**
 * A sense is right when it equals the truth; `unspecified` is wrong unless the truth is "other"
 * (a reader who sees peer support is not helped by "unspecified").
 */
export function senseCorrect(o: SenseOutcome): boolean {
  return o.predicted === o.truth || (o.truth === 'other' && o.predicted === 'unspecified');
}

export function summariseGold(outcomes: GoldOutcome[]): GoldSummary {
  const defs = outcomes.flatMap((o) => o.definitions);
  const senses = outcomes.flatMap((o) => o.senses);
  const confusion: Record<string, Record<string, number>> = {};
  for (const s of senses) {
    const row = (confusion[s.truth] ??= {});
    row[s.predicted] = (row[s.predicted] ?? 0) + 1;
  }
  const statements = Object.fromEntries(
    GOLD_STATEMENTS.map((f) => [f, binaryScore(outcomes.map((o) => o.statements.find((s) => s.field === f)!))]),
  ) as Record<GoldStatement, BinaryScore>;
  const searches = outcomes.flatMap((o) => (o.search ? [o.search] : []));
  return {
    papers: outcomes.length,
    definitionAccuracy: { correct: defs.filter((d) => d.truth === d.predicted).length, total: defs.length },
    senseAccuracy: { correct: senses.filter(senseCorrect).length, total: senses.length },
    senseConfusion: confusion,
    statements,
    searchDates: { correct: searches.filter((s) => s.dates.join(',') === s.truthDates.join(',')).length, total: searches.length },
    searchLimit: { correct: searches.filter((s) => s.limit === s.truthLimit).length, total: searches.length },
  };
}
