/**
 * The engine's output. Its JSON form is a documented, stable interface (see README "JSON output"):
 * scripts read it, so rename nothing without bumping `schemaVersion`.
 */
import type { PaperMetadata, SectionRole, TextAnchor } from './model';

export type Severity = 'info' | 'caution' | 'concern';

export type FindingKind =
  | 'definition-gap'
  | 'mixed-senses'
  | 'automated-peer'
  | 'no-date-limit'
  | 'date-spread'
  | 'missing-positionality'
  | 'missing-involvement'
  | 'missing-competing-interests'
  | 'missing-funding'
  | 'involvement-vague'
  | 'population-mismatch';

/** Finding themes, for grouping in the sidebar and the Markdown. */
export type Theme = 'terms' | 'dates' | 'statements' | 'population';

export interface Evidence {
  /** The exact text quoted (a sentence, or the matched words for short evidence). */
  quote: string;
  /** Section path joined with " › " (e.g. "Methods › Search strategy"). */
  section: string;
  role: SectionRole;
  /** Where the quote sits; null when it comes from metadata. */
  anchor: TextAnchor | null;
  /** 1-based PDF page, when the paper came from a PDF. */
  page?: number;
  /**
   * The words that are the evidence (the term used in another sense, the defining clause), when
   * narrower than the quote: the page paints these, the export quotes the whole sentence.
   */
  highlight?: { start: number; end: number; text: string };
}

export interface Finding {
  /** Stable id within one critique (kind + term + detail), so reader notes can attach to it. */
  id: string;
  kind: FindingKind;
  theme: Theme;
  /** Lens id the finding came from (term findings only). */
  lens?: string;
  term?: string;
  detail?: string;
  severity: Severity;
  /** One sentence a reader understands without the evidence. */
  summary: string;
  evidence: Evidence[];
}

export interface Occurrence {
  /** The words matched, as written. */
  match: string;
  /** The sentence around the match (a sentence over 1,000 characters cut to ±400 around it, marked "…"). */
  sentence: string;
  sense: string;
  /**
   * Why the sense: the cue words as written ("supporters", "peer review"), or
   * `PAPER_SUBJECT_REASON` when no cue decided and the paper's subject did. Absent for the default sense.
   */
  senseFrom?: string;
  section: string;
  role: SectionRole;
  anchor: TextAnchor;
  page?: number;
  /** True when the occurrence is in a reference entry (e.g. an included study's title). */
  inReference: boolean;
}

/** `Occurrence.senseFrom` for a use whose sense comes from what the paper is about. */
export const PAPER_SUBJECT_REASON = "paper's subject";

export interface Definition {
  /** The defining sentence. */
  text: string;
  /** `own`: the authors define it; `cited`: the definition is quoted or borrowed with a citation only. */
  origin: 'own' | 'cited';
  /** Which phrase marked it ("is defined as", "refers to", "i.e."…). */
  marker: string;
  section: string;
  role: SectionRole;
  anchor: TextAnchor;
  /** The defining clause, when narrower than the sentence (a lead-in such as "In this review," left out). */
  highlight?: { start: number; end: number; text: string };
  page?: number;
  /** Number of uses of the term before this definition. */
  usesBefore: number;
}

export interface TermReport {
  lens: string;
  /** Term id within the lens, e.g. "peer", "digital", "lived-experience", "digital-peer-support". */
  term: string;
  label: string;
  /** Uses in the paper's own text: every occurrence outside the reference list. */
  count: number;
  /** Uses in reference entries (listed in `occurrences` with `inReference`, not in `count`). */
  referenceUses: number;
  /** Counted uses per sense id (e.g. { support: 12, review: 3 }); they add up to `count`. */
  senses: Record<string, number>;
  /** Counted uses per top-level section title. */
  sections: Record<string, number>;
  occurrences: Occurrence[];
  definitions: Definition[];
  expectDefinition: boolean;
}

export interface YearStats {
  count: number;
  /** Entries with a year. */
  withYear: number;
  min: number | null;
  max: number | null;
  median: number | null;
  /** Year → number of entries. */
  histogram: Record<string, number>;
  /** Share (0–1) of dated entries more than 10 years older than `referenceYear`. */
  shareOlderThan10Years: number | null;
  /** The year ages are measured from: the last search year, else the publication year. */
  referenceYear: number | null;
}

export interface ReferenceEntry {
  text: string;
  year: number | null;
  included: boolean;
  anchor: TextAnchor | null;
}

export interface SearchReport {
  /** Stated search dates, "YYYY-MM" (or "YYYY" when no month is given), in text order, unique. */
  dates: string[];
  dateLimit: { from: number | null; to: number | null } | null;
  fromInception: boolean;
  /** The paper says explicitly that no date restriction was applied. */
  noRestriction: boolean;
  /** A reason given for the date limit or the lack of one. */
  justification: string | null;
  evidence: Evidence[];
}

export interface StatementReport {
  found: boolean;
  evidence: Evidence[];
  /** Only for involvement: whether the paper says who, at which stages, with what influence. */
  who?: boolean;
  stages?: boolean;
  influence?: boolean;
  /** "patients were not involved": reported, but as no involvement. */
  negative?: boolean;
}

/** Why an included study does not fit what the review says it studies. */
export type StudyFlagKind = 'other-sense' | 'automated' | 'training' | 'not-digital' | 'before-date-limit' | 'older-than-10-years' | 'population';

export interface StudyFlag {
  kind: StudyFlagKind;
  /** The reason in words a reader can check ("title: 'peer victimisation'"). */
  reason: string;
}

/** One included study as the review presents it. */
export interface StudyRow {
  firstAuthor: string | null;
  year: number | null;
  title: string;
  /** The reference entry as printed (null when the study is only named in a table). */
  entry: string | null;
  anchor: TextAnchor | null;
  /** Sense id of "peer" (support, relationship, harm, training, automated…) or "not stated". */
  sense: string;
  senseLabel: string;
  /** Where the sense was read: the study's title, or the review's sentences citing it. */
  senseFrom: 'title' | 'review text' | null;
  /** Digital modes (app, website / forum, video call, phone, SMS, chatbot / AI, VR, game); empty when not stated. */
  modes: string[];
  /** Population words (clinical, students, young people, healthy…). */
  population: string[];
  /** Years between the study and the last search (or the publication, when no search date is given). */
  age: number | null;
  flags: StudyFlag[];
}

/** The included studies, one row each, with what does not fit the review's own terms. */
export interface StudyAudit {
  /** How the review marks them: asterisk-marked, included-studies list, table of included studies. */
  source: string;
  rows: StudyRow[];
  /** The year ages are measured from and whether it is the last search. */
  referenceYear: number | null;
  referenceYearIs: 'last search' | 'publication' | null;
  dateLimitFrom: number | null;
  /** The review's own population words (title and abstract). */
  population: string[];
  counts: Record<StudyFlagKind, number>;
  /** One line a reader can quote. */
  summary: string;
  /** Set when the review keeps its included studies in a supplement that is not here. */
  supplement: string | null;
}

export interface Critique {
  schemaVersion: 1;
  generator: string;
  /**
   * `scope`: "abstract" for an abstract / landing page (the full text is not on it: statements
   * and definitions are not judged), else "full-text".
   */
  paper: PaperMetadata & { source: 'html' | 'pdf' | 'text'; scope: 'full-text' | 'abstract' };
  lenses: { id: string; name: string }[];
  references: YearStats & { entries: ReferenceEntry[] };
  includedStudies: (YearStats & { how: string }) | null;
  /** The included studies audited one by one (reviews only; null otherwise). */
  audit: StudyAudit | null;
  search: SearchReport;
  terms: TermReport[];
  statements: {
    positionality: StatementReport;
    involvement: StatementReport;
    competingInterests: StatementReport;
    funding: StatementReport;
  };
  findings: Finding[];
  warnings: string[];
  /**
   * Present only when the analysis ran out of time (a huge or hostile page): what it still did.
   * `termTextShare` is the share of the text the term check read (1 when it finished);
   * `skippedChecks` the checks that did not run at all.
   */
  incomplete?: { afterMs: number; termTextShare: number; skippedChecks: string[] };
}

/** What a reader is told about an analysis that ran out of time (sidebar warnings, Markdown). */
export function incompleteMessage(i: NonNullable<Critique['incomplete']>): string {
  const read = i.termTextShare < 1 ? ` Terms were read in the first ${Math.floor(i.termTextShare * 100)}% of the text.` : '';
  const skipped = i.skippedChecks.length > 0 ? ` Not checked: ${i.skippedChecks.map((id) => id.replace(/-/g, ' ')).join(', ')}.` : '';
  return `Analysis stopped after ${(i.afterMs / 1000).toFixed(1)} s: this page is too large to read in full in time, so the findings are partial.${read}${skipped}`;
}
