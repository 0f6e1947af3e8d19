/**
 * The included-studies audit: one row per study a review includes — year, what "peer" means in it,
 * how it is digital, whom it studied — and the reasons it does not fit the review's own terms.
 *
 * Read from the review alone: the study's reference entry (its title) and the review's sentences
 * that cite it. Where the included studies come from is the reference-dates check's business
 * (`ReferenceEntry.included`); a characteristics table of "Author (Year)" rows is matched to the
 * reference entries when nothing is marked.
 */
import { cells, INCLUDED_TABLE_CAPTION, STUDY_COLUMN, tables } from '../checks/reference-dates';
import type { Critique, Occurrence, StudyAudit, StudyFlag, StudyFlagKind, StudyRow, TermReport } from '../critique';
import type { Lens, LensSense } from '../lens';
import type { Paper, TextAnchor } from '../model';
import { referenceYear } from '../reference-years';
import type { Sentence } from '../text';
import { entryTitle, firstAuthorSurname } from './entry';
import { citationCount, citingSentences, usesNumberedCitations } from './citing';
import { HUMAN_PEERS, modeLabel, modesIn, NOT_DIGITAL, populationConflict, populationsIn } from './vocabulary';

export const FLAG_KINDS: readonly StudyFlagKind[] = ['other-sense', 'automated', 'training', 'not-digital', 'before-date-limit', 'older-than-10-years', 'population'];

export const FLAG_LABELS: Record<StudyFlagKind, string> = {
  'other-sense': '"peer" in another sense',
  automated: 'no human peer (automated)',
  training: 'training about peer support',
  'not-digital': 'not digital',
  'before-date-limit': 'before the date limit',
  'older-than-10-years': 'over 10 years older',
  population: 'other population',
};

/** A study before its rows are judged. */
interface Candidate {
  entry: string | null;
  anchor: TextAnchor | null;
  firstAuthor: string | null;
  year: number | null;
  /** 1-based position in the reference list (numbered citations). */
  number: number | null;
}

const REVIEW = /\b(?:systematic(?:ally)? review|scoping review|meta-analys[ie]s|meta-synthes[ie]s|umbrella review|rapid review|literature review|integrative review|realist review|narrative review)\b/i;
const SUPPLEMENT_LIST =
  /\b(?:included (?:studies|trials|articles)|studies included|(?:list|references?|characteristics) of (?:the )?(?:included )?studies)\b[^.]{0,120}\b(?:supplement\w*|appendix|additional file|online resource|supporting information|multimedia appendix)\b|\b(?:supplement\w*|appendix|additional file|online resource|supporting information|multimedia appendix)\b[^.]{0,120}\b(?:included (?:studies|trials|articles)|studies included)\b/i;

function peerTerm(critique: Critique): TermReport | undefined {
  return critique.terms.find((t) => t.term === 'peer');
}

function sensesOf(lenses: Lens[], report: TermReport | undefined): LensSense[] {
  const term = lenses.find((l) => l.id === report?.lens)?.terms.find((t) => t.id === 'peer');
  return term?.senses ?? [];
}

/** The studies the review includes: marked entries, else an included-studies table matched to the entries. */
function candidates(paper: Paper, critique: Critique): { source: string; list: Candidate[] } | null {
  const entries = critique.references.entries;
  const all = entries.map((e, i) => ({ entry: e.text, anchor: e.anchor, firstAuthor: firstAuthorSurname(e.text), year: e.year, number: i + 1, included: e.included }));
  const marked = all.filter((c) => c.included);
  if (marked.length) return { source: critique.includedStudies?.how ?? 'marked in the reference list', list: marked };
  const rows: Candidate[] = [];
  for (const t of tables(paper.blocks)) {
    const header = cells(t.rows[0]!);
    const studyCol = header.findIndex((c) => STUDY_COLUMN.test(c));
    if (studyCol < 0 && !INCLUDED_TABLE_CAPTION.test(t.caption)) continue;
    const body = studyCol >= 0 ? t.rows.slice(1) : t.rows;
    for (const r of body) {
      const cell = cells(r)[Math.max(0, studyCol)] ?? '';
      const author = firstAuthorSurname(cell);
      const year = referenceYear(cell);
      if (!author || !year) continue;
      const match = all.find((c) => c.year === year && c.firstAuthor?.toLowerCase() === author.toLowerCase());
      rows.push(match ?? { entry: null, anchor: null, firstAuthor: author, year, number: null });
    }
  }
  return rows.length >= 2 ? { source: 'table of included studies', list: rows } : null;
}

function senseLabelOf(senses: LensSense[], id: string): string {
  return senses.find((s) => s.id === id)?.label ?? (id === 'not stated' ? 'not stated' : id);
}

/** The most frequent sense among uses that say something (not the default "unspecified"). */
function dominantSense(uses: Occurrence[]): string | null {
  const counts = new Map<string, number>();
  for (const o of uses) if (o.sense !== 'unspecified') counts.set(o.sense, (counts.get(o.sense) ?? 0) + 1);
  let best: string | null = null;
  for (const [sense, n] of counts) if (best === null || n > counts.get(best)!) best = sense;
  return best;
}

function within(o: Occurrence, s: Sentence): boolean {
  return o.anchor.blockId === s.blockId && o.anchor.start >= s.start && o.anchor.end <= s.end;
}

export function auditIncludedStudies(paper: Paper, critique: Critique, lenses: Lens[], sentences: Sentence[]): StudyAudit | null {
  const title = paper.metadata.title ?? paper.blocks.find((b) => b.role === 'title')?.text ?? '';
  const abstract = paper.blocks.filter((b) => b.role === 'abstract').map((b) => b.text).join(' ');
  const bodySentences = sentences.filter((s) => paper.blocks[s.blockId]!.kind !== 'reference');
  const isReview = REVIEW.test(title) || REVIEW.test(abstract) || critique.includedStudies !== null;
  if (!isReview) return null;

  const found = candidates(paper, critique);
  const lastSearch = critique.search.dates.length ? Math.max(...critique.search.dates.map((d) => Number(d.slice(0, 4)))) : null;
  const referenceYearOf = lastSearch ?? paper.metadata.year ?? null;
  const dateLimitFrom = critique.search.dateLimit?.from ?? null;
  const reviewPopulation = populationsIn(`${title} ${abstract}`);
  const base = {
    referenceYear: referenceYearOf,
    referenceYearIs: lastSearch !== null ? ('last search' as const) : referenceYearOf !== null ? ('publication' as const) : null,
    dateLimitFrom,
    population: reviewPopulation,
  };
  const emptyCounts = Object.fromEntries(FLAG_KINDS.map((k) => [k, 0])) as Record<StudyFlagKind, number>;
  if (!found) {
    const note = bodySentences.find((s) => SUPPLEMENT_LIST.test(s.text));
    if (!note) return null;
    return {
      ...base,
      source: 'supplement',
      rows: [],
      counts: emptyCounts,
      summary: 'The review lists its included studies in a supplement that is not here: audit them from their own files with `critical-reader audit`.',
      supplement: note.text,
    };
  }

  const peer = peerTerm(critique);
  const senses = sensesOf(lenses, peer);
  const core = senses.find((s) => s.core)?.id ?? 'support';
  const numbered = usesNumberedCitations(bodySentences);
  const rows: StudyRow[] = found.list.map((c) => {
    // Sentences about this study, not ones listing many ("apps [3], chatbots [4] and forums [5–9]").
    const citing = citingSentences(bodySentences, c, numbered).filter((s) => citationCount(s.text, numbered) <= 2);
    const inTitle = (peer?.occurrences ?? []).filter((o) => o.inReference && c.anchor && o.anchor.blockId === c.anchor.blockId);
    const inText = (peer?.occurrences ?? []).filter((o) => !o.inReference && citing.some((s) => within(o, s)));
    const titleText = c.entry ? entryTitle(c.entry) : '';
    const fromTitle = dominantSense(inTitle);
    const fromText = fromTitle ? null : dominantSense(inText);
    const sense = fromTitle ?? fromText ?? 'not stated';
    // The title says what the study is; the review's sentences fill in what it does not.
    const context = [titleText, ...citing.map((s) => s.text)].join(' ');
    const titleModes = modesIn(titleText);
    const modes = titleModes.length ? titleModes : modesIn(context);
    const titlePopulation = populationsIn(titleText);
    const population = titlePopulation.length ? titlePopulation : populationsIn(context);
    const age = c.year !== null && referenceYearOf !== null ? referenceYearOf - c.year : null;
    const flags: StudyFlag[] = [];
    const where = fromTitle ? 'its title' : 'the review’s text about it';
    const cue = (fromTitle ? inTitle : inText).find((o) => o.sense === sense)?.senseFrom;
    const because = cue ? ` ("${cue}")` : '';
    if (sense === 'training') flags.push({ kind: 'training', reason: `${where} is about training in peer support${because}` });
    else if (sense === 'automated') flags.push({ kind: 'automated', reason: `${where} names an automated "peer"${because}` });
    else if (sense !== 'not stated' && sense !== core) flags.push({ kind: 'other-sense', reason: `${where} uses "peer" as ${senseLabelOf(senses, sense)}${because}` });
    if (sense !== 'automated' && modes.includes('chatbot') && !HUMAN_PEERS.test(titleModes.includes('chatbot') ? titleText : context)) {
      flags.push({ kind: 'automated', reason: `${titleModes.includes('chatbot') ? 'its title' : 'the review’s text about it'} names a chatbot or AI agent and no human peer` });
    }
    if (!modes.length && NOT_DIGITAL.test(context)) flags.push({ kind: 'not-digital', reason: `delivered in person ("${NOT_DIGITAL.exec(context)![0]}")` });
    if (c.year !== null && dateLimitFrom !== null && c.year < dateLimitFrom) flags.push({ kind: 'before-date-limit', reason: `${c.year}, before the review's limit of ${dateLimitFrom}` });
    if (age !== null && age > 10) flags.push({ kind: 'older-than-10-years', reason: `${age} years before the ${base.referenceYearIs} (${referenceYearOf})` });
    const conflict = populationConflict(reviewPopulation, population);
    if (conflict) flags.push({ kind: 'population', reason: conflict });
    return {
      firstAuthor: c.firstAuthor,
      year: c.year,
      title: titleText || [c.firstAuthor, c.year].filter(Boolean).join(' '),
      entry: c.entry,
      anchor: c.anchor,
      sense,
      senseLabel: senseLabelOf(senses, sense),
      senseFrom: fromTitle ? 'title' : fromText ? 'review text' : null,
      modes: modes.map(modeLabel),
      population,
      age,
      flags,
    };
  });
  const counts = { ...emptyCounts };
  for (const r of rows) for (const k of new Set(r.flags.map((f) => f.kind))) counts[k]++;
  return { ...base, source: found.source, rows, counts, summary: summaryLine(rows, counts, base.referenceYear, dateLimitFrom), supplement: null };
}

/** "7 of 41 included studies use "peer" in another sense; 27 of 41 predate 2014." */
export function summaryLine(rows: StudyRow[], counts: Record<StudyFlagKind, number>, referenceYear: number | null, dateLimitFrom: number | null): string {
  const n = rows.length;
  const parts: string[] = [];
  if (counts['other-sense']) parts.push(`${counts['other-sense']} of ${n} included studies use "peer" in another sense`);
  if (counts.automated) parts.push(`${counts.automated} of ${n} have no human peer (automated)`);
  if (counts.training) parts.push(`${counts.training} of ${n} are about training in peer support`);
  if (counts['not-digital']) parts.push(`${counts['not-digital']} of ${n} are not digital`);
  if (counts['before-date-limit'] && dateLimitFrom !== null) parts.push(`${counts['before-date-limit']} of ${n} predate the review's limit of ${dateLimitFrom}`);
  if (counts['older-than-10-years'] && referenceYear !== null) parts.push(`${counts['older-than-10-years']} of ${n} predate ${referenceYear - 10}`);
  if (counts.population) parts.push(`${counts.population} of ${n} studied another population`);
  if (!parts.length) return `${n} included studies; none flagged.`;
  const line = parts.join('; ');
  return `${line[0]!.toUpperCase()}${line.slice(1)}.`;
}
