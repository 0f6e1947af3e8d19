/**
 * Builds a Paper from a short list of blocks for the term checks' tests. A heading opens a
 * section (its role from the title, by the extractors' own heading rules); paragraphs and references
 * belong to the last heading. Papers are written inline in each test so the text a test reasons
 * about is visible next to its assertions.
 */
import type { Block, Paper, SectionRole } from '../../../src/analysis/model';
import { roleForHeading } from '../../../src/extract/html/sections';

export type BlockSpec =
  | { heading: string; role?: SectionRole }
  | { paragraph: string; role?: SectionRole }
  | { reference: string; included?: boolean }
  | { title: string };


export function makePaper(specs: BlockSpec[], title = 'Test paper'): Paper {
  let section: string[] = [];
  let role: SectionRole = 'other';
  const blocks: Block[] = specs.map((spec, id) => {
    const anchor = { type: 'dom' as const, path: `body>*:nth-child(${id + 1})` };
    if ('title' in spec) {
      return { id, kind: 'heading', text: spec.title, sectionPath: [], role: 'title', anchor };
    }
    if ('heading' in spec) {
      // A heading written "> Title" is a subsection of the current top-level section.
      const sub = spec.heading.startsWith('> ');
      const text = sub ? spec.heading.slice(2) : spec.heading;
      section = sub ? [section[0] ?? text, text] : [text];
      role = spec.role ?? (sub ? role : roleForHeading(text) ?? 'other');
      return { id, kind: 'heading', text, sectionPath: [...section], role, anchor };
    }
    if ('reference' in spec) {
      const block: Block = { id, kind: 'reference', text: spec.reference, sectionPath: [...section], role: 'references', anchor, list: section[0] ?? 'References' };
      if (spec.included !== undefined) block.included = spec.included;
      return block;
    }
    return { id, kind: 'paragraph', text: spec.paragraph, sectionPath: [...section], role: spec.role ?? role, anchor };
  });
  return {
    metadata: { title, authors: [], journal: null, published: null, year: null, doi: null, pdfUrl: null, url: null },
    blocks,
    source: 'html',
    warnings: [],
  };
}
