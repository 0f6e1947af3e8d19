import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';
import { populationMismatch } from '../../../src/analysis/checks/population-mismatch';
import { referenceDates } from '../../../src/analysis/checks/reference-dates';
import { searchDates } from '../../../src/analysis/checks/search-dates';
import { extractHtml } from '../../../src/extract/html/index';
import { parseHtmlInNode } from '../../../src/extract/html/node-dom';
import { runChecks } from '../make-paper';
it('probe', () => {
  const dir = '/work/shared/corpus/html';
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
    const paper = extractHtml(parseHtmlInNode(readFileSync(join(dir, f), 'utf8')));
    const c = runChecks(paper, [referenceDates, searchDates, populationMismatch]);
    const s = c.search;
    if (s.dates.length || s.dateLimit || s.fromInception || s.noRestriction) console.log(f, JSON.stringify({ d: s.dates, l: s.dateLimit, i: s.fromInception, n: s.noRestriction, j: s.justification?.slice(0, 80), ev: s.evidence.map((e) => e.quote.slice(0, 220)) }));
    for (const x of c.findings) if (x.kind !== 'date-spread' || x.severity !== 'info') console.log(f, x.kind, x.severity, x.summary, JSON.stringify(x.evidence.map((e) => e.quote.slice(0, 160))));
  }
});
