/**
 * Reference-year F1 of PDF extraction on the shared corpus (Chromium-printed two-column pages
 * and real published PDFs with a JATS twin). Fails loudly when ../shared/corpus is absent.
 */
import { describe, expect, it } from 'vitest';
import { evaluateCorpus, formatReport } from './corpus-eval';

const TARGET_F1 = 0.97;

describe('PDF extraction on the shared corpus', () => {
  it(`finds reference entries whose years match the truth (F1 ≥ ${TARGET_F1})`, async () => {
    const result = await evaluateCorpus();
    console.log(formatReport(result));
    const scored = result.files.filter((f) => f.score);
    expect(scored.length).toBeGreaterThanOrEqual(10);
    expect(result.f1).toBeGreaterThanOrEqual(TARGET_F1);
    // Every real PDF yields a reference list of some size (none silently lost), and the list ends
    // before the article history that some journals print after it ("RECEIVED: 13/10/2022").
    for (const f of result.files) expect(f.refs, f.file).toBeGreaterThan(0);
    for (const f of result.files) expect(f.historyEntries, f.file).toEqual([]);
    // The publication year, which reference ages are measured from, is read off every first page.
    const withYear = result.files.filter((f) => f.yearOk !== null);
    expect(withYear.length).toBeGreaterThanOrEqual(10);
    for (const f of withYear) expect(f.yearOk, `${f.file}: publication year`).toBe(true);
    // A DOI, when one is read, is the article's (not a figure's or the abstract's, as eLife prints).
    const withDoi = result.files.filter((f) => f.doiOk !== null && f.doi !== null);
    expect(withDoi.length).toBeGreaterThanOrEqual(5);
    for (const f of withDoi) expect(f.doiOk, `${f.file}: DOI ${f.doi}`).toBe(true);
    // Printed pages carry no author metadata: their authors come from the byline alone.
    const printed = result.files.filter((f) => f.file.startsWith('printed/'));
    expect(printed.length).toBeGreaterThanOrEqual(10);
    for (const f of printed) expect(f.authorsOk, `${f.file}: authors as the JATS twin lists them`).toBe(true);
  }, 300_000);
});
