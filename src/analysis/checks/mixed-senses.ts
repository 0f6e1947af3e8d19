/**
 * Mixed senses: a paper (its reference titles included) that uses a term in its core sense and
 * also in a clearly different sense — "peer" as peer support and as peer victimisation — so that
 * counts, search results or included studies may mix things that are not the same.
 *
 * Rules:
 * - Senses marked `ignoreForMixing` ("peer review") and the default (unmarked) sense never count:
 *   "peer-reviewed" alone can never trigger this finding.
 * - A sense other than the core sense counts as present when it is used at least twice, or at
 *   least once where included studies show through (a reference entry or the results). A single
 *   passing "peer pressure" in the introduction of a peer-support paper is ordinary prose, not
 *   a mix-up.
 * - For a term with a core sense, the finding needs the core sense to be a topic of the paper
 *   (used in the title or abstract, or at least three times outside the references) and at least
 *   one other present sense; for a term without one (a reader's own lens), two present senses.
 *   Papers that never use the core sense (an adolescent-development paper about peer
 *   victimisation and friendships) are not flagged: their use is consistent for their topic.
 * - Severity `concern` when the core sense is the paper's topic (its most used sense, or used in
 *   the title or abstract) and another sense shows up in the references or results, i.e. among
 *   the included studies; `caution` otherwise.
 */
import type { Check } from '../context';
import type { Evidence, Occurrence, TermReport } from '../critique';
import type { LensSense } from '../lens';
import { evidenceFromOccurrence } from '../text';

const STUDY_ROLES = new Set(['references', 'results']);

function inStudies(o: Occurrence): boolean {
  return o.inReference || STUDY_ROLES.has(o.role);
}

function inFront(occs: Occurrence[]): boolean {
  return occs.some((o) => o.role === 'title' || o.role === 'abstract');
}

function coreIsTopicOf(occs: Occurrence[]): boolean {
  return inFront(occs) || occs.filter((o) => !o.inReference).length >= 3;
}

function mixingSenses(report: TermReport, senses: LensSense[], defaultSense: string): Map<string, Occurrence[]> {
  const ignored = new Set(senses.filter((s) => s.ignoreForMixing).map((s) => s.id));
  ignored.add(defaultSense);
  const bySense = new Map<string, Occurrence[]>();
  for (const o of report.occurrences) {
    if (ignored.has(o.sense)) continue;
    const list = bySense.get(o.sense);
    if (list) list.push(o);
    else bySense.set(o.sense, [o]);
  }
  return bySense;
}

export const mixedSenses: Check = {
  id: 'mixed-senses',
  run(ctx) {
    for (const report of ctx.critique.terms) {
      const term = ctx.lenses.find((l) => l.id === report.lens)?.terms.find((t) => t.id === report.term);
      if (!term?.senses?.length) continue;
      const bySense = mixingSenses(report, term.senses, term.defaultSense ?? 'unspecified');
      const core = term.senses.find((s) => s.core)?.id;
      const present = [...bySense.entries()].filter(
        ([id, occs]) => id === core || occs.length >= 2 || occs.some(inStudies),
      );
      const others = present.filter(([id]) => id !== core);
      const coreOccs = core ? bySense.get(core) : undefined;
      if (core ? !coreOccs || others.length === 0 : present.length < 2) continue;
      // The core sense must be what the paper is about, not an aside: used in the title or
      // abstract, or at least three times in the running text. A paper about digital cameras
      // that once mentions digital health is not mixing senses of a term it relies on.
      if (core && coreOccs && !coreIsTopicOf(coreOccs)) continue;

      const label = (id: string) => term.senses!.find((s) => s.id === id)?.label ?? id;
      const ordered = core && coreOccs ? [[core, coreOccs] as const, ...others] : present;
      const evidence: Evidence[] = ordered.map(([id, occs]) => {
        // Core sense: quote the running text. Other senses: prefer a reference title, which shows
        // an included or cited study using the word differently.
        const pick = id === core ? (occs.find((o) => !o.inReference) ?? occs[0]!) : (occs.find((o) => o.inReference) ?? occs.find(inStudies) ?? occs[0]!);
        return evidenceFromOccurrence(pick);
      });
      const coreIsTopic =
        !!core && !!coreOccs && (inFront(coreOccs) || others.every(([, occs]) => occs.length <= coreOccs.length));
      const othersInStudies = others.some(([, occs]) => occs.some(inStudies));
      const names = ordered.map(([id, occs]) => `${label(id)} (${occs.length})`);
      ctx.addFinding({
        kind: 'mixed-senses',
        theme: 'terms',
        lens: report.lens,
        term: report.term,
        detail: ordered.map(([id]) => id).join('+'),
        severity: coreIsTopic && othersInStudies ? 'concern' : 'caution',
        summary:
          `'${report.label}' is used in ${ordered.length} different senses: ${names.join('; ')}` +
          (othersInStudies ? ', including in reference titles or results, so cited or included studies may not be about the same thing.' : '.'),
        evidence,
      });
    }
  },
};
