/**
 * The Markdown export as a Markdown parser reads it (marked, as pasted into Obsidian, Zotero or a
 * Markdown-aware editor): the headings a reader navigates by, findings as list items with every
 * piece of evidence quoted, the DOI and page as links, optional YAML front matter, no stray
 * double spaces in running text.
 */
import { marked, type Token, type Tokens } from 'marked';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysePaper } from '../../src/analysis/engine';
import { critiqueToMarkdown } from '../../src/analysis/markdown';
import { extractHtml } from '../../src/extract/html';
import { parseHtmlInNode } from '../../src/extract/html/node-dom';

const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'digital-peer-support-meta-analysis.html');
const critique = analysePaper(extractHtml(parseHtmlInNode(readFileSync(EXAMPLE, 'utf8')), 'https://journal.example/articles/dps-review'));

function walk(tokens: Token[], visit: (t: Token) => void): void {
  for (const t of tokens) {
    visit(t);
    const children = (t as { tokens?: Token[] }).tokens;
    if (children) walk(children, visit);
    if (t.type === 'list') for (const item of (t as Tokens.List).items) walk(item.tokens, visit);
  }
}

describe('the Markdown export, parsed', () => {
  const md = critiqueToMarkdown(critique, { date: new Date('2026-01-02') });
  const tokens = marked.lexer(md);
  const headings = tokens.filter((t): t is Tokens.Heading => t.type === 'heading').map((h) => `${h.depth} ${h.text}`);

  it('has the headings a reader navigates by, with terms named by their labels', () => {
    expect(headings[0]).toMatch(/^1 Critical reading: Digital peer support/);
    for (const h of ['2 Summary', '2 Findings', '3 Terms and definitions', '2 Terms', '2 Statements', '2 Reference years', '2 My notes']) expect(headings).toContain(h);
    expect(md).toContain('(digital peer support)');
    expect(md).not.toContain('(digital-peer-support)');
  });

  it('links the DOI and the page read', () => {
    const links: string[] = [];
    walk(tokens, (t) => {
      if (t.type === 'link') links.push((t as Tokens.Link).href);
    });
    expect(links).toContain(`https://doi.org/${critique.paper.doi}`);
    expect(links).toContain('https://journal.example/articles/dps-review');
  });

  it('quotes every old study, not the first three', () => {
    const spread = critique.findings.find((f) => f.kind === 'date-spread')!;
    expect(spread.evidence.length).toBeGreaterThan(3);
    const findings = tokens.slice(headings.indexOf('2 Findings'));
    const quotes: string[] = [];
    walk(findings, (t) => {
      // Consecutive quoted lines are one blockquote to the parser: one quote a line.
      if (t.type === 'blockquote') quotes.push(...(t as Tokens.Blockquote).text.split('\n'));
    });
    const oldStudyQuotes = quotes.filter((q) => spread.evidence.some((e) => q.includes(e.quote.slice(2, 40))));
    expect(oldStudyQuotes.length).toBeGreaterThanOrEqual(spread.evidence.length);
  });

  it('has no double spaces inside running text', () => {
    const prose = md.split('```')[0]!.split('\n').map((l) => l.trimStart());
    expect(prose.filter((l) => /\S {2,}\S/.test(l))).toEqual([]);
  });

  it('can start with YAML front matter that a title with a colon and quotes cannot break', () => {
    const tricky = { ...critique, paper: { ...critique.paper, title: 'Peers: "who" counts?\u001b' } };
    const withFm = critiqueToMarkdown(tricky, { date: new Date('2026-01-02'), frontMatter: true });
    const fm = /^---\n([\s\S]*?)\n---\n/.exec(withFm);
    expect(fm).not.toBeNull();
    const lines = fm![1]!.split('\n');
    expect(lines).toContain('title: "Peers: \\"who\\" counts?"');
    expect(lines).toContain(`doi: "${critique.paper.doi}"`);
    expect(lines).toContain('year: 2025');
    expect(lines).toContain('  - critical-reading');
    expect(lines.filter((l) => l.startsWith('  - ')).length).toBeGreaterThan(critique.paper.authors.length);
    // The Markdown after it still parses to the same first heading.
    expect(marked.lexer(withFm.slice(fm![0].length)).find((t) => t.type === 'heading')).toMatchObject({ depth: 1 });
  });
});
