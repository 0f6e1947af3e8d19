/**
 * extractHtml + referenceYear over every publisher-like page of the evaluation corpus
 * (../shared/corpus/html): reference-year F1 against the JATS ground truth, and the title, DOI
 * and year of every page. Fails loudly when the corpus is absent.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceYear } from '../../src/analysis/reference-years';
import { addScores, precisionRecallF1, type YearScore } from '../../src/eval/score-years';
import { scoreYears } from '../../src/eval/score-years';
import { extractHtml } from '../../src/extract/html';
import { parseHtmlInNode } from '../../src/extract/html/node-dom';
import { requireCorpus } from '../corpus';

interface PageTruth {
  title: string;
  doi: string | null;
  year: number | null;
  refYears: (number | null)[];
  refYearsUntagged: (number | null)[];
}

const dir = requireCorpus('html');
const pages = readdirSync(dir).filter((f) => f.endsWith('.html')).sort();

const results = pages.map((file) => {
  const truth = JSON.parse(readFileSync(join(dir, file.replace(/\.html$/, '.truth.json')), 'utf8')) as PageTruth;
  const paper = extractHtml(parseHtmlInNode(readFileSync(join(dir, file), 'utf8')), null);
  const years = paper.blocks.filter((b) => b.kind === 'reference').map((b) => referenceYear(b.text));
  return { file, truth, paper, years, score: scoreYears(years, truth.refYears, truth.refYearsUntagged) };
});

describe(`HTML corpus (${pages.length} pages)`, () => {
  it('has pages to test', () => {
    expect(pages.length).toBeGreaterThan(0);
  });

  it('finds one year per reference entry with F1 ≥ 0.995', () => {
    const total = results.reduce<YearScore>((acc, r) => addScores(acc, r.score), { tp: 0, fp: 0, fn: 0 });
    const { precision, recall, f1 } = precisionRecallF1(total);
    console.log(`reference years: tp=${total.tp} fp=${total.fp} fn=${total.fn} P=${precision.toFixed(4)} R=${recall.toFixed(4)} F1=${f1.toFixed(4)}`);
    expect(f1).toBeGreaterThanOrEqual(0.995);
  });

  it('splits every reference list into as many entries as the source has', () => {
    const wrong = results.filter((r) => r.years.length !== r.truth.refYears.length).map((r) => `${r.file}: ${r.years.length} vs ${r.truth.refYears.length}`);
    expect(wrong).toEqual([]);
  });

  it('extracts the title, DOI and year of every page', () => {
    const wrong = results
      .filter((r) => r.paper.metadata.title !== r.truth.title || r.paper.metadata.doi !== r.truth.doi || r.paper.metadata.year !== r.truth.year)
      .map((r) => `${r.file}: ${JSON.stringify([r.paper.metadata.title, r.paper.metadata.doi, r.paper.metadata.year])}`);
    expect(wrong).toEqual([]);
  });

  it('leaves out the site header, navigation, related-articles box and footer', () => {
    const leaked = results.filter((r) => r.paper.blocks.some((b) => /^Related articles$|Browse · Submit|^© \d{4}/.test(b.text))).map((r) => r.file);
    expect(leaked).toEqual([]);
  });

  it('puts competing-interests and funding statements under declarations where the truth has them', () => {
    const missing = results
      .filter((r) => {
        const t = r.truth as PageTruth & { hasCompetingInterests?: boolean; hasFunding?: boolean };
        const decl = r.paper.blocks.filter((b) => b.role === 'declarations' || b.role === 'acknowledgements').map((b) => `${b.sectionPath.join(' ')} ${b.text}`).join('\n');
        return (t.hasCompetingInterests && !/compet|conflict|interest|disclos/i.test(decl)) || (t.hasFunding && !/fund|grant|support|financ/i.test(decl));
      })
      .map((r) => r.file);
    expect(missing).toEqual([]);
  });
});
