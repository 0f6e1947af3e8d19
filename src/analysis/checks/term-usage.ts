/**
 * Term usage: every use of every lens term in every block (reference entries included and
 * flagged), with its sentence, section, sense and anchor, and counts per sense and per top-level
 * section. Later checks (definitions, mixed senses, automated peers) read these reports.
 */
import type { Check } from '../context';
import type { Occurrence, TermReport } from '../critique';
import type { Block } from '../model';
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
        senses: {},
        sections: {},
        occurrences: [],
        definitions: [],
        expectDefinition: t.term.expectDefinition,
      }));
      // One pass over the sentences (each block's text once); each term's regex runs over it.
      for (const s of ctx.sentences) {
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
              sentence: s.text,
              sense: h.sense,
              section: sectionLabel(block),
              role: block.role,
              anchor: { blockId: block.id, start: s.start + h.start, end: s.start + h.end },
              inReference: block.kind === 'reference' || block.role === 'references',
            };
            const page = blockPage(block);
            if (page !== undefined) occ.page = page;
            report.occurrences.push(occ);
            report.count++;
            report.senses[h.sense] = (report.senses[h.sense] ?? 0) + 1;
            const top = topSection(block);
            report.sections[top] = (report.sections[top] ?? 0) + 1;
          }
        });
      }
      ctx.critique.terms.push(...reports);
    }
  },
};
