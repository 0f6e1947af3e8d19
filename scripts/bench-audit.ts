/**
 * `npm run bench -- audit`: the batch audit's time on a folder of 40 invented study pages matched
 * to an invented review that includes them (the command as shipped, Node start-up included).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FILLER = 'The programme ran for eight weeks in two regions; outcomes were recorded before and after it by researchers not involved in delivering it. ';

function page(title: string, metas: string, sections: string[]): string {
  const body = sections.map((h) => `<section><h2>${h}</h2><p>${FILLER.repeat(12)}Peer supporters met participants online every week.</p></section>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="citation_title" content="${title}">${metas}</head><body><article><h1>${title}</h1>${body}</article></body></html>`;
}

export function benchAudit(table: (head: string[], rows: (string | number)[][]) => string): void {
  const dir = mkdtempSync(join(tmpdir(), 'cr-bench-audit-'));
  try {
    const folder = join(dir, 'studies');
    mkdirSync(folder);
    const studies = Array.from({ length: 40 }, (_, i) => ({ author: `${['Ash', 'Birch', 'Cedar', 'Elm', 'Fir'][i % 5]}${['wood', 'field', 'ley', 'ton', 'more', 'by', 'worth', 'well'][Math.floor(i / 5)]}`, year: 1995 + (i % 29), doi: `10.5555/bench.${i}`, title: `An online peer support group for adults, invented study number ${i + 1}` }));
    const refs = studies.map((s) => `<li>*${s.author}, K. (${s.year}). ${s.title}. Invented Journal, 3, 1–9. https://doi.org/${s.doi}</li>`).join('');
    const review = join(dir, 'review.html');
    writeFileSync(review, page('Online peer support for adults: an invented systematic review', '', ['Abstract', 'Methods', 'Results', 'Discussion']).replace('</article>', `<p>Studies included in the review are marked with an asterisk.</p><section><h2>References</h2><ol>${refs}</ol></section></article>`));
    for (const s of studies) writeFileSync(join(folder, `${s.author}.html`), page(s.title, `<meta name="citation_doi" content="${s.doi}"><meta name="citation_author" content="${s.author}, Kay">`, ['Introduction', 'Methods', 'Results', 'Discussion']));
    const times: number[] = [];
    let matched = 0;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      const out = execFileSync(process.execPath, ['dist/cli/critical-reader.mjs', 'audit', '--json', review, folder], { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 });
      times.push(performance.now() - started);
      matched = (JSON.parse(out.toString()) as { studies: { file: string | null }[] }).studies.filter((s) => s.file).length;
    }
    times.sort((a, b) => a - b);
    console.log('\n## Included-studies audit (command line, 40 study pages)\n');
    console.log(table(['studies matched', 'fastest s', 'median s', 'slowest s'], [[`${matched} of 40`, (times[0]! / 1000).toFixed(2), (times[1]! / 1000).toFixed(2), (times[2]! / 1000).toFixed(2)]]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
