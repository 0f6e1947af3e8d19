/**
 * What an included study's own text says about itself, for the batch audit: how it uses "peer",
 * whether it defines peer support, whether its "peer" is automated, how it is delivered and whom it
 * studied. Plain data, so a worker thread can send it back.
 */
import type { Critique } from '../critique';
import type { Paper } from '../model';
import { firstAuthorSurname } from './entry';
import { DIGITAL_MODES, modeLabel, POPULATIONS } from './vocabulary';

export interface StudyProfile {
  doi: string | null;
  title: string | null;
  firstAuthor: string | null;
  year: number | null;
  /** Uses of "peer" per sense in the study's own text (reference list excluded). */
  peerSenses: Record<string, number>;
  /** The sense with most uses, "unspecified" uses aside; "not stated" when none. */
  dominantSense: string;
  definesPeerSupport: boolean;
  /** Uses of "peer" in the automated sense, or an automated-peer finding. */
  automated: boolean;
  /** Digital modes named in at least two sentences, most named first. */
  modes: string[];
  /** Population words in the title, abstract and methods, most named first. */
  population: string[];
}

function ranked(counts: Map<string, number>, min: number): string[] {
  return [...counts].filter(([, n]) => n >= min).sort((a, b) => b[1] - a[1]).map(([id]) => id);
}

export function studyProfile(paper: Paper, critique: Critique): StudyProfile {
  const peer = critique.terms.find((t) => t.term === 'peer');
  const senses = { ...(peer?.senses ?? {}) };
  let dominant = 'not stated';
  for (const [sense, n] of Object.entries(senses)) if (sense !== 'unspecified' && n > 0 && (dominant === 'not stated' || n > senses[dominant]!)) dominant = sense;
  const body = paper.blocks.filter((b) => b.kind !== 'reference' && b.role !== 'references');
  const modeCounts = new Map<string, number>();
  for (const b of body) for (const m of DIGITAL_MODES) if (m.pattern.test(b.text)) modeCounts.set(m.id, (modeCounts.get(m.id) ?? 0) + 1);
  const populationCounts = new Map<string, number>();
  const described = [critique.paper.title ?? '', ...body.filter((b) => b.role === 'abstract' || b.role === 'methods' || b.role === 'title').map((b) => b.text)];
  for (const text of described) for (const p of POPULATIONS) if (p.pattern.test(text)) populationCounts.set(p.id, (populationCounts.get(p.id) ?? 0) + 1);
  const firstAuthor = critique.paper.authors[0] ?? null;
  return {
    doi: critique.paper.doi,
    title: critique.paper.title,
    // "Jane Q. Smith" or "Smith, Jane": the surname either way.
    firstAuthor: firstAuthor ? (firstAuthor.includes(',') ? firstAuthorSurname(firstAuthor) : firstAuthor.trim().split(/\s+/).pop() ?? null) : null,
    year: critique.paper.year,
    peerSenses: senses,
    dominantSense: dominant,
    definesPeerSupport: critique.terms.some((t) => (t.term === 'peer' || t.term === 'digital-peer-support') && t.definitions.length > 0),
    automated: (senses['automated'] ?? 0) > 0 || critique.findings.some((f) => f.kind === 'automated-peer'),
    modes: ranked(modeCounts, 2).map(modeLabel),
    population: ranked(populationCounts, 1),
  };
}

