/** Small lookups over a critique, so assertions read like what a reader sees. */
import type { Critique, Finding, TermReport } from '../../../src/analysis/critique';

export function term(c: Critique, id: string, lens = 'digital-peer-support'): TermReport {
  const r = c.terms.find((t) => t.lens === lens && t.term === id);
  if (!r) throw new Error(`no term report for ${lens}/${id}`);
  return r;
}

export function findings(c: Critique, kind: Finding['kind'], termId?: string): Finding[] {
  return c.findings.filter((f) => f.kind === kind && (termId === undefined || f.term === termId));
}

/** Sense of each use of a term, as "match→sense", in text order. */
export function senses(c: Critique, id: string): string[] {
  return term(c, id).occurrences.map((o) => `${o.match}→${o.sense}`);
}
