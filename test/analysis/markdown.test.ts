import { describe, expect, it } from 'vitest';
import { emptyCritique } from '../../src/analysis/engine';
import { DEFAULT_LENSES } from '../../src/analysis/lenses/default';
import { critiqueToMarkdown } from '../../src/analysis/markdown';
import type { Paper } from '../../src/analysis/model';
import type { Critique } from '../../src/analysis/critique';

function paper(title: string): Paper {
  return {
    source: 'html',
    warnings: [],
    metadata: { title, authors: ['Ada Lovelace', 'Alan Turing'], journal: 'J Test', published: '2024', year: 2024, doi: '10.5555/abc', pdfUrl: null, url: null },
    blocks: [],
  };
}

function critiqueWith(patch: (c: Critique) => void, title = 'A review'): Critique {
  const c = emptyCritique(paper(title), DEFAULT_LENSES);
  patch(c);
  return c;
}

const hostile = '<img src=x onerror=alert(1)> **bold** [link](http://evil) | pipe';

describe('Markdown export', () => {
  it('starts with a citation line a reader can paste', () => {
    const md = critiqueToMarkdown(critiqueWith(() => {}), { date: new Date('2026-01-02') });
    expect(md).toContain('**Citation:** Ada Lovelace, Alan Turing (2024). A review. *J Test*. <https://doi.org/10.5555/abc>');
    expect(md).toContain('2026-01-02');
    expect(md).toMatch(/## My notes\s*$/);
  });

  it('never lets paper text become markup: HTML and Markdown syntax are escaped', () => {
    const c = critiqueWith((c) => {
      c.findings.push({
        id: 'x', kind: 'mixed-senses', theme: 'terms', severity: 'concern', term: 'peer',
        summary: hostile,
        evidence: [{ quote: hostile, section: '<h2>Methods</h2>', role: 'methods', anchor: null }],
      });
    }, hostile);
    const md = critiqueToMarkdown(c);
    expect(md).not.toMatch(/<img/i);
    expect(md).not.toMatch(/<h2>/i);
    expect(md).not.toContain('[link](http://evil)');
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(md).toContain('\\*\\*bold\\*\\*');
  });

  it('a note cannot smuggle markup into the export: links, images, link definitions, headings, control and bidi characters', () => {
    const evil = [
      '[click me](javascript:alert(1))',
      '![tracker](https://evil.example/pixel.png)',
      '[ref]: https://evil.example/',
      '# Fake heading',
      '===',
      'Normal words\u202eevil\u001b[31m red',
    ].join('\n');
    const md = critiqueToMarkdown(critiqueWith(() => {}), { notes: [{ id: 'n', text: evil, created: '2026-01-01' }] });
    const notes = md.slice(md.indexOf('## My notes') + '## My notes'.length);
    expect(notes).not.toMatch(/(?<!\\)\]\(/); // no link or image: every "](" has its bracket escaped
    expect(notes).not.toMatch(/^\s*-?\s*#/m); // no heading
    expect(notes).not.toMatch(/^\s*\[ref\]:/m); // no link definition
    expect(notes).not.toMatch(/^===/m); // no setext underline
    expect(notes).not.toMatch(/[\u202e\u001b]/);
    expect(notes).toContain('Normal words');
  });

  it('groups findings by theme with quote and location, and carries the reader\'s verdicts and notes', () => {
    const c = critiqueWith((c) => {
      c.findings.push({
        id: 'missing-funding', kind: 'missing-funding', theme: 'statements', severity: 'concern',
        summary: 'No funding statement was found.', evidence: [],
      });
      c.findings.push({
        id: 'definition-gap:digital-peer-support:none', kind: 'definition-gap', theme: 'terms', severity: 'concern',
        term: 'digital peer support', detail: 'none', summary: 'Used 12 times, never defined.',
        evidence: [{ quote: 'Digital peer support is promising.', section: 'Introduction', role: 'introduction', anchor: null, page: 3 }],
      });
    });
    const md = critiqueToMarkdown(c, {
      notes: [
        { id: 'n1', text: 'Fair point.', findingId: 'definition-gap:digital-peer-support:none', verdict: 'agree', created: '2026-01-01' },
        { id: 'n2', text: 'Check the PRISMA flow.\nSecond line <b>', quote: 'We searched five databases', section: 'Methods', page: 4, category: 'question', created: '2026-01-01' },
      ],
    });
    const terms = md.indexOf('### Terms and definitions');
    const statements = md.indexOf('### Statements and declarations');
    expect(terms).toBeGreaterThan(0);
    expect(statements).toBeGreaterThan(terms);
    expect(md).toContain('> "Digital peer support is promising." — Introduction, p. 3');
    expect(md).toContain('*My view:* I agree. Fair point.');
    const notes = md.slice(md.indexOf('## My notes'));
    expect(notes).toContain('> "We searched five databases" — Methods, p. 4');
    expect(notes).toContain('Second line &lt;b&gt;');
    expect(notes).toContain('[question]');
  });

  it('draws the reference-year histogram as text, marking included studies', () => {
    const c = critiqueWith((c) => {
      const years = [1990, 2010, 2010, 2012, 2020];
      c.references.entries = years.map((y, i) => ({ text: `Ref ${i} (${y})`, year: y, included: i < 2, anchor: null }));
      c.references.count = 5;
      c.references.withYear = 5;
      c.references.min = 1990;
      c.references.max = 2020;
      c.references.median = 2010;
      c.references.histogram = { '1990': 1, '2010': 2, '2012': 1, '2020': 1 };
    });
    const md = critiqueToMarkdown(c);
    const chart = md.slice(md.indexOf('## Reference years'));
    expect(chart).toMatch(/1990–1994 \| █ 1 \(1 included\)/);
    expect(chart).toMatch(/2010–2014 \| █▒▒ 3 \(1 included\)/);
    expect(chart).toMatch(/2020–2024 \| ▒ 1\n/);
  });
});
