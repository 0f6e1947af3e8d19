import '../src/shared/node-polyfills';
import { readFileSync } from 'node:fs';
import { analysePaper } from '../src/analysis/engine';
import { extractHtml } from '../src/extract/html/index';
import { parseHtmlInNode } from '../src/extract/html/node-dom';
const [file, field] = process.argv.slice(2);
const c = analysePaper(extractHtml(parseHtmlInNode(readFileSync(file!, 'utf8')), null));
console.log(JSON.stringify(field === 'search' ? c.search : field === 'terms' ? c.terms.map(t => ({ term: t.term, count: t.count, senses: t.senses, defs: t.definitions })) : (c.statements as any)[field!], null, 1).slice(0, 4000));
