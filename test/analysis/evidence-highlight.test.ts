/**
 * What the page paints for a piece of evidence: the term itself for a use in another sense, the
 * defining clause for a definition; the export still quotes the whole sentence.
 */
import { describe, expect, it } from 'vitest';
import { definingClause } from '../../src/analysis/checks/definitions';
import { analysePaper } from '../../src/analysis/engine';
import { evidenceTarget } from '../../src/sidebar/targets';
import { makePaper } from './make-paper';

describe('the defining clause of a definition sentence', () => {
  const clause = (text: string, term: string) => definingClause({ text, start: 100 }, text.indexOf(term)).highlight ?? null;

  it('leaves out a lead-in separated by a comma', () => {
    const text = 'Throughout this report, mutual aid refers to help exchanged between people facing the same problem.';
    expect(clause(text, 'mutual aid')).toEqual({ start: 100 + text.indexOf('mutual aid'), end: 100 + text.length, text: text.slice(text.indexOf('mutual aid')) });
  });

  it('starts after a semicolon or colon that closes an earlier clause', () => {
    const text = 'Two terms need care: mentoring means guidance from someone further along the same path.';
    expect(clause(text, 'mentoring')?.text).toBe('mentoring means guidance from someone further along the same path.');
  });

  it('is the whole sentence when the sentence is the definition', () => {
    expect(clause('We define mutual aid as help exchanged between equals.', 'mutual aid')).toBeNull();
    expect(clause('Mutual aid, which we define as help between equals, was offered online.', 'Mutual aid')).toBeNull();
  });
});

describe('evidence painted on the page', () => {
  const paper = makePaper([
    { kind: 'heading', text: 'Introduction', section: 'Introduction', role: 'introduction' },
    { text: 'For the purposes of this review, peer support is defined as emotional help offered by people who share a lived experience.', section: 'Introduction', role: 'introduction' },
    { text: 'Peer support groups met online each week, and peer support workers answered messages in the evening.', section: 'Introduction', role: 'introduction' },
    { kind: 'heading', text: 'Methods', section: 'Methods', role: 'methods' },
    { text: 'Outcomes included peer victimisation at school, measured with a standard bullying scale.', section: 'Methods', role: 'methods' },
    { text: 'The app paired each student with a peer mentor through video calls, and peer support sessions followed.', section: 'Methods', role: 'methods' },
    { kind: 'heading', text: 'Results', section: 'Results', role: 'results' },
    { text: 'Two included trials reported peer victimisation as their main outcome.', section: 'Results', role: 'results' },
  ]);
  const critique = analysePaper(paper);

  it('paints the defining clause, and quotes the whole sentence', () => {
    const def = critique.terms.flatMap((t) => t.definitions).find((d) => d.text.startsWith('For the purposes'));
    expect(def, 'the definition is found').toBeDefined();
    expect(def!.highlight?.text).toBe('peer support is defined as emotional help offered by people who share a lived experience.');
    const block = paper.blocks[def!.anchor.blockId]!;
    expect(block.text.slice(def!.highlight!.start, def!.highlight!.end)).toBe(def!.highlight!.text);
  });

  it('paints only the term for a use in another sense, and the target the page gets is that term', () => {
    const mixed = critique.findings.find((f) => f.kind === 'mixed-senses');
    expect(mixed, 'mixed senses are found').toBeDefined();
    const harm = mixed!.evidence.find((e) => e.quote.includes('victimisation'))!;
    expect(harm.quote).toMatch(/^(Outcomes included|Two included trials reported) peer victimisation/);
    const target = evidenceTarget('t', harm)!;
    expect(target.quote.toLowerCase()).toMatch(/^peer( victimisation)?$/);
    const block = paper.blocks[target.anchor.blockId]!;
    expect(block.text.slice(target.anchor.start, target.anchor.end)).toBe(target.quote);
  });
});
