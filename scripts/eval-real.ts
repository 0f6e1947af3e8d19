/**
 * Saved real publisher pages (`../shared/corpus/real`, facts read by hand in NAME.truth.json):
 * title, DOI, year, reference count, first and last reference year, competing interests and
 * funding, each right or wrong, plus whether the page was taken as an article at all. Part of
 * `npm run eval`; `npm run eval -- real` runs it alone.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assessArticle } from '../src/analysis/article-check';
import { analysePaper } from '../src/analysis/engine';
import type { Critique } from '../src/analysis/critique';
import type { Paper } from '../src/analysis/model';
import { extractHtml } from '../src/extract/html/index';
import { collectMetaTags } from '../src/extract/html/metadata';
import { titleWords } from './eval-pages';
import { parseHtmlInNode } from '../src/extract/html/node-dom';

interface RealTruth {
  title: string;
  doi: string;
  year: number;
  refCount: number | null;
  firstRefYear: number | null;
  lastRefYear: number | null;
  competingInterests: boolean;
  funding: boolean;
}


export function evalReal(corpus: string): void {
  const dir = join(corpus, 'real');
  if (!existsSync(dir)) {
    console.log(`\n## Saved real publisher pages\n\nAbsent: expected ${dir}.`);
    return;
  }
  const rows: string[] = [];
  const signals: string[] = [];
  // SOURCES.tsv says which pages are abstract (landing) pages and which full text.
  const kinds = new Map<string, string>();
  const sources = join(dir, 'SOURCES.tsv');
  if (existsSync(sources)) {
    const [header, ...lines] = readFileSync(sources, 'utf8').trim().split(/\r?\n/).map((l) => l.split('\t'));
    const pathCol = header!.indexOf('path');
    const kindCol = header!.indexOf('kind');
    for (const l of lines) kinds.set(l[pathCol]!, l[kindCol]!);
  }
  const wrong: string[] = [];
  let right = 0;
  let total = 0;
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.html')).sort()) {
    const truth = JSON.parse(readFileSync(join(dir, f.replace(/\.html$/, '.truth.json')), 'utf8')) as RealTruth;
    const doc = parseHtmlInNode(readFileSync(join(dir, f), 'utf8'));
    const paper = extractHtml(doc, null);
    const verdict = assessArticle(paper);
    const c = analysePaper(paper);
    const entries = c.references.entries;
    const facts: [string, unknown, unknown, boolean][] = [
      ['title', truth.title, c.paper.title, titleWords(truth.title) === titleWords(c.paper.title)],
      ['DOI', truth.doi, c.paper.doi, truth.doi.toLowerCase() === (c.paper.doi ?? '').toLowerCase()],
      ['year', truth.year, c.paper.year, truth.year === c.paper.year],
      ['references', truth.refCount, entries.length, (truth.refCount ?? 0) === entries.length],
      ['first reference year', truth.firstRefYear, entries[0]?.year ?? null, truth.firstRefYear === (entries[0]?.year ?? null)],
      ['last reference year', truth.lastRefYear, entries.at(-1)?.year ?? null, truth.lastRefYear === (entries.at(-1)?.year ?? null)],
      ['competing interests', truth.competingInterests, c.statements.competingInterests.found, truth.competingInterests === c.statements.competingInterests.found],
      ['funding', truth.funding, c.statements.funding.found, truth.funding === c.statements.funding.found],
    ];
    signals.push(`| ${f} | ${signalsOf(doc, paper, c)} |`);
    const ok = facts.filter((x) => x[3]).length;
    right += ok;
    total += facts.length;
    rows.push(`| ${f} | ${ok}/${facts.length} | ${verdict.isArticle ? 'yes' : 'refused'} | ${c.paper.scope} | ${kinds.get(f) ?? '?'} |`);
    if (kinds.has(f) && (kinds.get(f) === 'abstract') !== (c.paper.scope === 'abstract')) wrong.push(`${f}: read as ${c.paper.scope}, but it is ${kinds.get(f)}`);
    for (const [name, t, got, good] of facts) if (!good) wrong.push(`${f} ${name}: truth ${JSON.stringify(t)}, engine ${JSON.stringify(got)}`);
    if (!verdict.isArticle) wrong.push(`${f}: refused — ${verdict.reason}`);
  }
  console.log(`\n## Saved real publisher pages (../shared/corpus/real): ${right} of ${total} facts right\n`);
  console.log('| page | facts right | taken as an article | read as | page kind (SOURCES.tsv) |');
  console.log('|---|---:|---|---|---|');
  for (const r of rows) console.log(r);
  if (wrong.length) console.log(`\nWhat is wrong (${wrong.length}):\n  ` + wrong.join('\n  '));
  console.log('\nWhere each fact came from:\n');
  console.log('| page | title | DOI | year | references | competing interests / funding |');
  console.log('|---|---|---|---|---|---|');
  for (const r of signals) console.log(r);
}

/** Which of the signals publishers share gave each fact (for the reader of the eval, not the engine). */
function signalsOf(doc: Document, paper: Paper, c: Critique): string {
  const tags = collectMetaTags(doc);
  const has = (...keys: string[]) => keys.find((k) => tags[k]?.length);
  const title = has('citation_title') ?? has('dc.title', 'dcterms.title', 'prism.title') ?? has('og:title') ?? (doc.querySelector('script[type="application/ld+json"]') ? 'JSON-LD / h1' : 'h1');
  const doi = has('citation_doi') ?? has('dc.identifier', 'dcterms.identifier', 'prism.doi', 'doi') ?? (c.paper.doi?.startsWith('10.48550/') ? 'arXiv id' : c.paper.doi ? 'JSON-LD' : '—');
  const year = has('citation_publication_date', 'citation_online_date', 'citation_date', 'citation_cover_date') ?? has('dc.date', 'dcterms.issued', 'dcterms.date', 'prism.publicationdate', 'article:published_time') ?? (c.paper.year ? 'JSON-LD or printed date' : '—');
  const refBlocks = paper.blocks.filter((b) => b.kind === 'reference');
  const refs = !refBlocks.length ? '—' : refBlocks.every((b) => b.anchor.type === 'meta') ? 'citation_reference tags' : 'the page\'s reference list';
  const statement = (s: Critique['statements']['funding']) => (s.found ? s.evidence[0]?.role ?? 'found' : '—');
  return [title, doi, year, refs, `${statement(c.statements.competingInterests)} / ${statement(c.statements.funding)}`].join(' | ');
}
