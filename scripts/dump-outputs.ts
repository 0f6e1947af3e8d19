/**
 * Writes every term use (match, sense, reason) and every finding's summary for the corpus and
 * fixture pages, one line per page, to the file named: run it before and after a change to the
 * engine and compare the two files to see exactly which outputs moved.
 *   npx tsx scripts/dump-outputs.ts /tmp/before.txt
 */
import '../src/shared/node-polyfills';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { analysePaper } from '../src/analysis/engine';
import { extractHtml } from '../src/extract/html/index';
import { parseHtmlInNode } from '../src/extract/html/node-dom';
const out: string[] = [];
for (const dir of ['../shared/corpus/gold', '../shared/corpus/html', '../shared/corpus/real', 'test/fixtures/publishers', 'examples']) {
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.html')).sort()) {
    const c = analysePaper(extractHtml(parseHtmlInNode(readFileSync(`${dir}/${f}`, 'utf8')), null));
    out.push(f + ' ' + JSON.stringify(c.terms.map((t) => t.occurrences.map((o) => [o.match, o.sense, o.senseFrom]))) + JSON.stringify(c.findings.map((f) => f.summary)));
  }
}
writeFileSync(process.argv[2]!, out.join('\n'));
