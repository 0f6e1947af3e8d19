import '../src/shared/node-polyfills';
import { readFileSync } from 'node:fs';
import { extractHtml } from '../src/extract/html/index';
import { parseHtmlInNode } from '../src/extract/html/node-dom';
const [file, ...qs] = process.argv.slice(2);
const paper = extractHtml(parseHtmlInNode(readFileSync(file!, 'utf8')), null);
for (const q of qs) {
  const n = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');
  for (const b of paper.blocks) {
    const i = n(b.text).indexOf(n(q));
    if (i >= 0) console.log(`[${b.id}] ${b.kind} role=${b.role} path=${b.sectionPath.join(' › ')}\n   …${b.text.slice(Math.max(0, i - 200), i + q.length + 200)}…`);
  }
}
