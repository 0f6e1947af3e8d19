/**
 * Competing-interests and funding statements in the corpus PDFs that have truth (pages printed to
 * two-column PDFs by Chromium, and real published PDFs with a JATS twin), read through the real
 * PDF extractor. Same truth disputes as the HTML pages (matched by file stem).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { competingInterests } from '../../../src/analysis/checks/competing-interests';
import { funding } from '../../../src/analysis/checks/funding';
import { adjudicatedTruth, scoreStatements, summariseStatementScores, type StatementTruth } from '../../../src/eval/statements';
import { extractPdfInNode } from '../../../src/extract/pdf/node';
import { requireCorpus } from '../../corpus';
import { runChecks } from '../make-paper';

function pdfsWithTruth(): string[] {
  const printed = requireCorpus('printed');
  const real = requireCorpus('pdf');
  const dirs = [printed, ...readdirSync(real).map((d) => join(real, d))];
  return dirs
    .flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.pdf')).map((f) => join(d, f)))
    .filter((f) => existsSync(f.replace(/\.pdf$/, '.truth.json')))
    .sort();
}

describe('competing-interests and funding statements in the corpus PDFs', () => {
  it('accuracy ≥ 0.95 for each statement (truth with documented disputes)', async () => {
    const files = pdfsWithTruth();
    expect(files.length, 'no PDFs with truth found in the corpus').toBeGreaterThanOrEqual(15);
    const results = [];
    for (const file of files) {
      const paper = await extractPdfInNode(new Uint8Array(readFileSync(file)));
      const critique = runChecks(paper, [competingInterests, funding]);
      const truth = JSON.parse(readFileSync(file.replace(/\.pdf$/, '.truth.json'), 'utf8')) as StatementTruth;
      results.push({ name: file.split('/').pop()!, outcomes: scoreStatements(critique, adjudicatedTruth(file, truth)) });
    }
    const summary = summariseStatementScores(results);
    for (const [field, c] of Object.entries(summary)) {
      console.info(`PDF ${field}: accuracy ${c.accuracy.toFixed(3)} over ${c.n} (TP ${c.tp} FP ${c.fp} FN ${c.fn} TN ${c.tn})`);
      // A PDF's text is noisier than a page's (mashed columns, lost headings): a lower bar than 0.99.
      expect(c.accuracy, `${field} misclassified: ${c.errors.join(', ')}`).toBeGreaterThanOrEqual(0.95);
    }
  }, 180_000);
});
