import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/analysis/text';
import { makePaper } from './make-paper';

function split(text: string): string[] {
  return splitSentences(makePaper([{ text }]).blocks[0]!).map((s) => s.text);
}

/**
 * The rule as one regex, the way the splitter was first written: a boundary is ".", "!" or "?",
 * closing quotes or brackets, white space, and a capital or digit (perhaps after an opening quote
 * or bracket); a full stop that ends an abbreviation or an initial is not one.
 */
function splitByRegex(text: string): string[] {
  const out: string[] = [];
  const abbreviation = /(?:\b(?:e\.g|i\.e|cf|vs|al|etc|approx|Fig|Figs|Tab|No|Vol|pp|Ref|Refs|Dr|Prof|Mr|Mrs|Ms|St|Jr|Sr|Inc|Ltd|Co|ca|viz|resp|Suppl|Eq|Eqs|Sect|Ch|ed|eds)\.|\b[A-Z]\.)$/;
  const re = /[.!?]["'”’)\]]*\s+(?=["'“‘(\[]?[A-Z0-9])/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (abbreviation.test(text.slice(start, m.index + 1))) continue;
    const s = text.slice(start, m.index + m[0].trimEnd().length).trim();
    if (s) out.push(s);
    start = m.index + m[0].length;
  }
  const last = text.slice(start).trim();
  if (last) out.push(last);
  return out;
}

describe('sentence splitting', () => {
  it('splits at sentence ends but not after abbreviations, initials or inside numbers', () => {
    expect(split('Peer support helps (e.g. in groups). It was defined by Smith et al. 2020. See Fig. 2 and J. R. Jones! Was it? "Yes." (No.) 3.5 percent.')).toEqual([
      'Peer support helps (e.g. in groups).',
      'It was defined by Smith et al. 2020.',
      'See Fig. 2 and J. R. Jones!',
      'Was it?',
      '"Yes."',
      '(No.) 3.5 percent.',
    ]);
    expect(split('Ends here.\u00a0Next one starts.  “Quoted” start.')).toEqual(['Ends here.', 'Next one starts.', '“Quoted” start.']);
    expect(split('lower case after. a full stop does not split')).toEqual(['lower case after. a full stop does not split']);
  });

  it('agrees with the regex statement of the rule on thousands of generated texts', () => {
    const alphabet = ['.', '.', '!', '?', ' ', ' ', ' ', '\u00a0', '\n', 'A', 'B', 'a', 'b', '1', '"', '”', '“', '’', '(', ')', '[', ']', 'al', 'e.g', 'Fig', 'I'];
    let x = 11;
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const len = 1 + (n % 50);
      for (let i = 0; i < len; i++) {
        x = (Math.imul(x, 1103515245) + 12345) >>> 0;
        text += alphabet[x % alphabet.length];
      }
      expect(split(text), JSON.stringify(text)).toEqual(splitByRegex(text));
    }
  });
});
