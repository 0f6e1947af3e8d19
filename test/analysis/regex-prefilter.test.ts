import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPETING_INTERESTS } from '../../src/analysis/checks/competing-interests';
import { FUNDING } from '../../src/analysis/checks/funding';
import { INVOLVEMENT } from '../../src/analysis/checks/involvement';
import { POSITIONALITY } from '../../src/analysis/checks/positionality';
import { foldCase, LiteralAutomaton } from '../../src/analysis/literal-automaton';
import { guardedTest, requiredLiterals } from '../../src/analysis/regex-prefilter';
import { scannable } from '../../src/analysis/literal-groups';
import { paperSentences, type Sentence } from '../../src/analysis/text';
import { compileLens, findTermHits, termsPossiblyIn } from '../../src/analysis/term-matcher';
import { DEFAULT_LENSES } from '../../src/analysis/lenses/default';
import { extractHtml } from '../../src/extract/html/index';
import { parseHtmlInNode } from '../../src/extract/html/node-dom';

const ROOT = join(import.meta.dirname, '..', '..');

/** Sentences of the built-in example and of every publisher fixture: real statements of all kinds. */
function fixtureSentenceRecords(): Sentence[] {
  const files = [join(ROOT, 'examples', 'digital-peer-support-meta-analysis.html')];
  const publishers = join(ROOT, 'test', 'fixtures', 'publishers');
  for (const f of readdirSync(publishers)) if (f.endsWith('.html')) files.push(join(publishers, f));
  return files.flatMap((f) => paperSentences(extractHtml(parseHtmlInNode(readFileSync(f, 'utf8')), 'https://example.org/')));
}

function fixtureSentences(): string[] {
  return fixtureSentenceRecords().map((s) => s.text);
}

describe('requiredLiterals (what every match of a regex must contain)', () => {
  it('reads literals through alternation, groups, classes and quantifiers', () => {
    expect(requiredLiterals(/\b(?:we|I)\s+(?:\w+\s+){0,3}?(?:searched|updated)\b/i)).toEqual(['searched', 'updated']);
    expect(requiredLiterals(/\b[Tt]his (?:study|review) was funded\b/)).toEqual([' was funded']);
    expect(requiredLiterals(/co-?(?:produced|designed)/)).toEqual(['produced', 'designed']);
    expect(requiredLiterals(/ab{2}c/)).toEqual(['abbc']);
    expect(requiredLiterals(/peer(?! review)/i)).toEqual(['peer']);
    expect(requiredLiterals(/\bGRIPP2?\b/)).toEqual(['gripp']);
  });

  it('leaves the last letter of a run of text to the quantifier after it', () => {
    // "papers?" matches "paper": the "s" is optional, so it is no part of the requirement.
    expect(requiredLiterals(/\bpapers?\b/)).toEqual(['paper']);
    expect(requiredLiterals(/\bsearche*d\b/)).toEqual(['search']);
    expect(requiredLiterals(/fundings+/)).toEqual(['funding']);
    expect(requiredLiterals(/fundin{1,2}g/)).toEqual(['fundi']);
  });

  it('prefers a rarer part of a sequence to words found in every sentence', () => {
    expect(requiredLiterals(/\b(?:this|the|our)\s+(?:study|project)\b[^.;]{0,40}?\bco-?(?:produced|designed)\b/i)).toEqual(['produced', 'designed']);
  });

  it('gives up (null: always run the regex) when a match need not contain a usable literal', () => {
    expect(requiredLiterals(/\d{4}/)).toBeNull();
    expect(requiredLiterals(/(?:funding)?\s*:/i)).toBeNull();
    expect(requiredLiterals(/grants?|\bno\b/i)).toBeNull(); // "no" is too short to be worth a test
    expect(requiredLiterals(/[A-Z]{2,}/)).toBeNull();
    // Unicode case folding: /mask/iu matches "maſk", whose lower case has no "mask" in it.
    expect(/mask/iu.test('maſk')).toBe(true);
    expect(requiredLiterals(/mask/iu)).toBeNull();
    // Syntax it does not read, such as the inline modifiers of newer engines ("(?i:pre)" would
    // match "PREvention"), is never guessed at. Node 20 cannot compile it, so a RegExp-shaped
    // stand-in carries the source.
    const modifiers = { source: '(?i:pre)vention', ignoreCase: false, unicode: false } as RegExp;
    expect(requiredLiterals(modifiers)).toBeNull();
  });

  it('never rules out a sentence that a statement phrase matches, on the example and every publisher fixture', () => {
    const sentences = fixtureSentences();
    const specs = [FUNDING, COMPETING_INTERESTS, POSITIONALITY, INVOLVEMENT];
    let matched = 0;
    for (const spec of specs) {
      for (const re of [...spec.phrases, ...(spec.backMatterPhrases ?? []), ...(spec.methodsPhrases ?? [])]) {
        const literals = requiredLiterals(re);
        if (!literals) continue;
        for (const s of sentences) {
          if (!re.test(s)) continue;
          matched++;
          const lower = s.toLowerCase();
          expect(literals.some((l) => lower.includes(l)), `${re.source.slice(0, 60)} on "${s}"`).toBe(true);
        }
      }
    }
    // The fixtures do state funding, competing interests, involvement and positionality.
    expect(matched).toBeGreaterThan(20);
  });
});

describe('LiteralAutomaton', () => {
  it('finds literals that overlap or sit inside longer ones', () => {
    const sets = new LiteralAutomaton([['research'], ['researcher'], ['searcher'], ['hero']]);
    expect(sets.present('the researcher said')).toBe(0b0111);
    expect(sets.present('a research team')).toBe(0b0001);
    expect(sets.present('superhero')).toBe(0b1000);
    expect(sets.present('nothing here')).toBe(0);
  });

  it('reads only the range it is given', () => {
    const sets = new LiteralAutomaton([['research'], ['hero']]);
    const text = 'research. A superhero. research';
    expect(sets.present(text, 10, 22)).toBe(0b10);
    // "research" cut at either end of the range is not there.
    expect(sets.present(text, 1, 22)).toBe(0b10);
    expect(sets.present(text, 23, text.length - 1)).toBe(0);
  });

  it('reads the text case-folded, as the regexes it stands in for do', () => {
    const sets = new LiteralAutomaton([['funding'], ['conflict of interest'], ['straße'], ['σύγκρουση']]);
    expect(sets.present('FUNDING: none.')).toBe(0b0001);
    expect(sets.present('Conflict Of Interest')).toBe(0b0010);
    expect(sets.present('STRAßE')).toBe(0b0100);
    // Final sigma and capital sigma fold to σ; a case-insensitive regex treats them alike.
    expect(sets.present('ΣΎΓΚΡΟΥΣΗ')).toBe(0b1000);
    expect(sets.present('fund ing, conflicts of interests')).toBe(0);
    // "İ" lower-cases to "i" + a combining dot; the dot breaks the word, as in lower-cased text.
    expect(new LiteralAutomaton([['in']]).present('İN')).toBe(0);
    expect(new LiteralAutomaton([['i̇n']]).present('İN')).toBe(1);
  });

  it('never folds apart two characters that a case-insensitive regex or lower-casing treats as one', () => {
    // Irregexp's non-Unicode case-insensitive equality is "same upper case" (when that is one
    // character), so it suffices to check each character against its upper and lower case.
    const apart: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      for (const other of [ch.toUpperCase(), ch.toLowerCase()]) {
        if (other.length !== 1 || other === ch) continue;
        const same = new RegExp(`^\\u${other.charCodeAt(0).toString(16).padStart(4, '0')}$`, 'i').test(ch) || other === ch.toLowerCase();
        if (same && foldCase(ch) !== foldCase(other)) apart.push(ch);
      }
    }
    expect(apart).toEqual([]);
  });

  it('finds every literal at every place on random text, as a plain substring search does', () => {
    const literals = [['abra', 'cad'], ['bra'], ['dab', 'a'], ['racadab'], ['zz']];
    const sets = new LiteralAutomaton(literals);
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 500; n++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 30) }, () => 'abcdrzAB'[Math.floor(random() * 8)]).join('');
      const expected = literals.reduce((m, set, i) => (set.some((l) => text.toLowerCase().includes(l)) ? m | (1 << i) : m), 0);
      expect(sets.present(text), text).toBe(expected);
    }
  });
});

describe('guardedTest', () => {
  it('answers exactly as the regex does, case-insensitively or not', () => {
    const sentence = (text: string) => ({ ...scannable(text), text });
    const claim = guardedTest(/\bhealthy (?:adults|volunteers)\b/i);
    expect(claim(sentence('We recruited HEALTHY Adults.'))).toBe(true);
    expect(claim(sentence('We recruited adults who were healthy.'))).toBe(false);
    const strict = guardedTest(/\b[Tt]his study\b/);
    expect(strict(sentence('This study'))).toBe(true);
    expect(strict(sentence('THIS STUDY'))).toBe(false);
  });

  it('refuses global regexes, whose lastIndex would leak between sentences', () => {
    expect(() => guardedTest(/x/g)).toThrow(/global/);
  });
});

describe('lens term anchors in the shared scan', () => {
  it('never rule out a sentence in which a term is found, on the example and every publisher fixture', () => {
    const compiled = compileLens(DEFAULT_LENSES[0]!);
    let found = 0;
    let ruledOut = 0;
    for (const s of fixtureSentenceRecords()) {
      const possible = termsPossiblyIn(compiled, s);
      if (possible === 0) ruledOut++;
      compiled.terms.forEach((t, i) => {
        if (findTermHits(t, s.text).length === 0) return;
        found++;
        expect(possible & (1 << i), `${t.term.id} in "${s.text}"`).not.toBe(0);
      });
    }
    // The fixtures use the terms, and most of their sentences are skipped without a term search.
    expect(found).toBeGreaterThan(50);
    expect(ruledOut).toBeGreaterThan(found);
  });
});
