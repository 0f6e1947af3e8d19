import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';
import { analysePaper } from '../../../src/analysis/engine';
import { extractHtml } from '../../../src/extract/html/index';
import { parseHtmlInNode } from '../../../src/extract/html/node-dom';
it('probe', () => {
  const dir = '/work/shared/corpus/html';
  const counts: Record<string, number> = {};
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
    const c = analysePaper(extractHtml(parseHtmlInNode(readFileSync(join(dir, f), 'utf8'))));
    for (const x of c.findings) {
      const k = x.kind + ':' + x.severity;
      counts[k] = (counts[k] ?? 0) + 1;
      if (['population-mismatch', 'involvement-vague', 'no-date-limit'].includes(x.kind) || (x.kind === 'date-spread' && x.severity !== 'info')) console.log(f, x.kind, x.severity, x.summary.slice(0, 200));
    }
    if (c.statements.positionality.found || c.statements.involvement.found) console.log(f, 'POS/INV', JSON.stringify(c.statements.positionality.evidence.concat(c.statements.involvement.evidence).map((e) => e.quote.slice(0, 150))));
  }
  console.log(JSON.stringify(counts));
});
