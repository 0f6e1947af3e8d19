/**
 * Term usage: every use of every lens term in every block (reference entries included and
 * flagged), with its sentence, section, sense and anchor, and counts per sense and per top-level
 * section. A counted use is one outside the reference list (`count`, `senses`, `sections`); uses
 * in reference entries are counted apart (`referenceUses`). Every tab, the Markdown and the JSON
 * give these same numbers. Later checks (definitions, mixed senses, automated peers) read these reports.
 */
import type { Check } from '../context';
import { PAPER_SUBJECT_REASON, type Occurrence, type TermReport } from '../critique';
import type { LensTerm } from '../lens';
import type { Block, SectionRole } from '../model';
import { compileLens, findTermHits, termsPossiblyIn } from '../term-matcher';
import { blockPage, sectionLabel } from '../text';

/** The top-level section a block belongs to, as a reader would name it. */
export function topSection(block: Block): string {
  const first = block.sectionPath[0];
  if (first) return first;
  return block.role === 'other' ? '(no section)' : block.role[0]!.toUpperCase() + block.role.slice(1);
}

export const termUsage: Check = {
  id: 'term-usage',
  run(ctx) {
    for (const lens of ctx.lenses) {
      const compiled = compileLens(lens);
      const reports: TermReport[] = compiled.terms.map((t) => ({
        lens: lens.id,
        term: t.term.id,
        label: t.term.label,
        count: 0,
        referenceUses: 0,
        senses: {},
        sections: {},
        occurrences: [],
        definitions: [],
        expectDefinition: t.term.expectDefinition,
      }));
      // Uses whose sense only a distant cue decided: the paper's subject may overrule it.
      const weaklyCued = new Set<Occurrence>();
      // One pass over the sentences (each block's text once); each term's regex runs over it.
      const sentences = ctx.sentences;
      for (let si = 0; si < sentences.length; si++) {
        const s = sentences[si]!;
        // The clock is read every 64 sentences: often enough on a hostile page, cheap on a normal one.
        if ((si & 63) === 63 && ctx.outOfTime()) {
          ctx.stoppedReading(si / sentences.length);
          break;
        }
        const possible = termsPossiblyIn(compiled, s);
        if (possible === 0) continue;
        const block = ctx.paper.blocks[s.blockId]!;
        compiled.terms.forEach((t, i) => {
          if (!(possible & (1 << i))) return;
          const hits = findTermHits(t, s.text);
          if (hits.length === 0) return;
          const report = reports[i]!;
          for (const h of hits) {
            const occ: Occurrence = {
              match: h.text,
              sentence: sentenceAround(s.text, h.start, h.end),
              sense: h.sense,
              ...(h.cue !== undefined ? { senseFrom: h.cue } : {}),
              section: sectionLabel(block),
              role: block.role,
              anchor: { blockId: block.id, start: s.start + h.start, end: s.start + h.end },
              inReference: block.kind === 'reference' || block.role === 'references',
            };
            const page = blockPage(block);
            if (page !== undefined) occ.page = page;
            report.occurrences.push(occ);
            if (h.weak) weaklyCued.add(occ);
            // A counted use is one in the paper's own text: a reference entry's title is someone
            // else's usage (listed, flagged, and counted apart).
            if (occ.inReference) {
              report.referenceUses++;
              continue;
            }
            report.count++;
            report.senses[h.sense] = (report.senses[h.sense] ?? 0) + 1;
            const top = topSection(block);
            report.sections[top] = (report.sections[top] ?? 0) + 1;
          }
        });
      }
      compiled.terms.forEach((t, i) => applyPaperSubject(reports[i]!, t.term, weaklyCued));
      ctx.critique.terms.push(...reports);
    }
  },
};

/** Sentences longer than this are shown cut around each use (a table read as one sentence). */
const LONGEST_SHOWN_SENTENCE = 1000;
/** Characters kept on each side of the use when a sentence is cut. */
const CUT_CONTEXT = 400;

/**
 * The sentence a use sits in, as shown to the reader and written to the JSON. Each use carries
 * its own copy, so a huge "sentence" with thousands of uses once made a JSON of over 100 MB;
 * beyond LONGEST_SHOWN_SENTENCE characters it is cut to the words around the use, marked "…".
 */
export function sentenceAround(sentence: string, start: number, end: number): string {
  if (sentence.length <= LONGEST_SHOWN_SENTENCE) return sentence;
  const from = Math.max(0, start - CUT_CONTEXT);
  const to = Math.min(sentence.length, end + CUT_CONTEXT);
  return `${from > 0 ? '…' : ''}${sentence.slice(from, to)}${to < sentence.length ? '…' : ''}`;
}

/** Roles whose uses say most plainly what a paper is about; their cued uses weigh double. */
const FRONT_ROLES: ReadonlySet<SectionRole> = new Set<SectionRole>(['title', 'abstract']);
/** The subject sense must carry this share of the cued uses in subject senses. */
const SUBJECT_SHARE = 0.6;
/** …and at least this weight (title and abstract uses count twice). */
const SUBJECT_MIN_WEIGHT = 2;

/**
 * The paper's subject as a prior for uses no cue decides. Real papers say "peer support" once and
 * then "peers", "peer forums", "talked with peers": a reader takes those in the sense the paper is
 * about, and so does this. The subject is the sense (among the lens's `subject` senses) that most
 * uses outside the reference list have from a near cue, when it clearly dominates; title and
 * abstract count double. It then goes to the uses no cue decided, and to those that only a
 * distant cue gave a narrow sense such as harm or automated ("blood pressure … peer averages" is
 * not peer pressure; "peer feedback, automated replies" lists two things). A distant cue of another
 * subject sense stands ("family, friends and peers"), as do near cues and reference entries.
 */
export function applyPaperSubject(report: TermReport, term: LensTerm, weaklyCued: Set<Occurrence>): void {
  const subjects = new Set((term.senses ?? []).filter((s) => s.subject).map((s) => s.id));
  if (subjects.size === 0) return;
  const unmarked = term.defaultSense ?? 'unspecified';
  const weight = new Map<string, number>();
  let total = 0;
  for (const o of report.occurrences) {
    if (o.inReference || o.sense === unmarked || weaklyCued.has(o) || !subjects.has(o.sense)) continue;
    const w = FRONT_ROLES.has(o.role) ? 2 : 1;
    weight.set(o.sense, (weight.get(o.sense) ?? 0) + w);
    total += w;
  }
  let subject: string | null = null;
  let best = 0;
  for (const [sense, w] of weight) {
    if (w > best) {
      best = w;
      subject = sense;
    }
  }
  if (subject === null || best < SUBJECT_MIN_WEIGHT || best / total < SUBJECT_SHARE) return;
  for (const o of report.occurrences) {
    const overrulable = o.sense === unmarked || (weaklyCued.has(o) && !subjects.has(o.sense));
    if (o.inReference || !overrulable || o.sense === subject) continue;
    report.senses[o.sense] = (report.senses[o.sense] ?? 0) - 1;
    if (report.senses[o.sense] === 0) delete report.senses[o.sense];
    o.sense = subject;
    o.senseFrom = PAPER_SUBJECT_REASON;
    report.senses[subject] = (report.senses[subject] ?? 0) + 1;
  }
}
