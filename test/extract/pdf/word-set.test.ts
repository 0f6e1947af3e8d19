import { describe, expect, it } from 'vitest';
import { WordSet } from '../../../src/extract/pdf/join';

/** The definition WordSet implements without allocating: words as a regex finds them, lower-cased. */
function referenceWords(texts: string[]): Set<string> {
  const out = new Set<string>();
  for (const t of texts) for (const w of t.match(/[A-Za-z\u00C0-\u024F]+(?:-[A-Za-z\u00C0-\u024F]+)*/g) ?? []) out.add(w.toLowerCase());
  return out;
}

/** A small deterministic generator, so a failure names a reproducible case. */
function* randomTexts(seed: number, count: number): Generator<string> {
  const alphabet = ['a', 'e', 'r', 'T', 'P', '-', '-', ' ', ' ', '.', '1', 'é', 'Ç', 'ß', 'İ', 'Ⱥ', 'ſ', 'ω', '’', '\u00ad', 'ǅ'];
  let x = seed;
  for (let n = 0; n < count; n++) {
    let s = '';
    const len = 1 + (n % 40);
    for (let i = 0; i < len; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      s += alphabet[x % alphabet.length];
    }
    yield s;
  }
}

describe('WordSet (the document spellings hyphenation decisions rest on)', () => {
  it('knows exactly the words a regex finds, lower-cased, on real sentences', () => {
    const texts = ['Peer-led, co-designed inter-', 'vention for Self-Management and well-being.', 'A line ending in a hyphen-', 'and İstanbul, naïve ÉCOLE — x-ray 3-D'];
    const set = new WordSet();
    for (const t of texts) set.addWordsOf(t);
    const reference = referenceWords(texts);
    for (const w of reference) expect(set.has(w), w).toBe(true);
    for (const absent of ['intervention', 'hyphen-and', 'peer', 'x', '3-d', 'ray-x', 'well-being.', 'istanbul']) expect(set.has(absent), absent).toBe(reference.has(absent));
  });

  it('agrees with the regex definition on thousands of generated texts with accents, hyphens and odd case mappings', () => {
    const texts = [...randomTexts(7, 3000)];
    const set = new WordSet();
    for (const t of texts) set.addWordsOf(t);
    const reference = referenceWords(texts);
    for (const w of reference) expect(set.has(w), w).toBe(true);
    // Candidates that are not words: every word with a letter changed, added or cut.
    let checked = 0;
    for (const w of reference) {
      for (const candidate of [w + 'a', 'r' + w, w.slice(1), w.replace(/-/g, ''), `${w}-${w}`]) {
        expect(set.has(candidate), candidate).toBe(reference.has(candidate));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
