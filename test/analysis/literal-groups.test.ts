import { describe, expect, it } from 'vitest';
import { ALWAYS, literalGroup, mayHold, scannable } from '../../src/analysis/literal-groups';
import { paperSentences } from '../../src/analysis/text';
import { makePaper } from './make-paper';

describe('literal groups (one scan of each sentence for every check)', () => {
  it('answers each registered question from one scan, case-insensitively', () => {
    const funding = literalGroup(['funding', 'grant']);
    const search = literalGroup(['searched', 'pubmed']);
    const text = scannable('We SEARCHED PubMed; no Funding was received.');
    expect(mayHold(text, funding)).toBe(true);
    expect(mayHold(text, search)).toBe(true);
    expect(mayHold(scannable('The authors declare none.'), funding)).toBe(false);
  });

  it('gives identical literal sets one group, however they are written', () => {
    const a = literalGroup(['Peer', 'peers']);
    expect(literalGroup(['peers', 'peer', 'PEER'])).toBe(a);
    expect(literalGroup(['peer'])).not.toBe(a);
  });

  it('reads a sentence from its block, within its own bounds only', () => {
    const paper = makePaper([{ text: 'Peer workers led the groups. Funding came from a grant.' }]);
    const [first, second] = paperSentences(paper);
    const funding = literalGroup(['funding']);
    expect(first!.text).toBe('Peer workers led the groups.');
    expect(mayHold(first!, funding)).toBe(false);
    expect(mayHold(second!, funding)).toBe(true);
  });

  it('answers a question registered after a sentence was first scanned', () => {
    const [sentence] = paperSentences(makePaper([{ text: 'Participants were inpatients on a psychiatric ward.' }]));
    expect(mayHold(sentence!, literalGroup(['participants']))).toBe(true);
    const later = literalGroup(['psychiatric ward']);
    expect(mayHold(sentence!, later)).toBe(true);
    expect(mayHold(sentence!, literalGroup(['outpatient clinic']))).toBe(false);
  });

  it('rules nothing out for a question without literals, or past the 31 groups that have a bit', () => {
    expect(literalGroup(null)).toBe(ALWAYS);
    expect(literalGroup([])).toBe(ALWAYS);
    const groups = Array.from({ length: 40 }, (_, i) => literalGroup([`marker${i}x`]));
    expect(groups.filter((g) => g === ALWAYS).length).toBeGreaterThan(0);
    const text = scannable('nothing to see here');
    // Every question is answered soundly: "no" only where the text really lacks the literal.
    groups.forEach((g) => expect(mayHold(text, g)).toBe(g === ALWAYS));
    expect(mayHold(scannable('see marker39x'), groups[39]!)).toBe(true);
  });
});
