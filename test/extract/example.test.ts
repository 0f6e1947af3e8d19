/**
 * The built-in example (examples/digital-peer-support-meta-analysis.html, described in
 * examples/README.md) is a made-up meta-analysis written with known weaknesses and strengths.
 * `npm start` shows it to new users, so the whole pipeline (parse → extractHtml → analysePaper)
 * must report each weakness it was written with, and must not report the strengths as missing.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Critique, Finding, FindingKind } from '../../src/analysis/critique';
import { analysePaper } from '../../src/analysis/engine';
import type { Paper } from '../../src/analysis/model';
import { extractHtml } from '../../src/extract/html/index';
import { parseHtmlInNode } from '../../src/extract/html/node-dom';

const EXAMPLE = fileURLToPath(new URL('../../examples/digital-peer-support-meta-analysis.html', import.meta.url));
const URL_OF_EXAMPLE = 'https://journals.example.org/jdmh/article/10.5555/jdmh.2025.0142';

let paper: Paper;
let critique: Critique;
beforeAll(() => {
  paper = extractHtml(parseHtmlInNode(readFileSync(EXAMPLE, 'utf8')), URL_OF_EXAMPLE);
  critique = analysePaper(paper);
});

const findings = (kind: FindingKind, term?: string): Finding[] =>
  critique.findings.filter((f) => f.kind === kind && (term === undefined || f.term === term));
const listed = () => critique.findings.map((f) => f.id).join(', ');

describe('the built-in example paper', () => {
  it('is read as the article it is: metadata, 51 references, 33 of them marked as included studies', () => {
    expect(paper.metadata.title).toBe('Digital peer support for mental health in adults: a systematic review and meta-analysis');
    expect(paper.metadata.doi).toBe('10.5555/jdmh.2025.0142');
    expect(paper.metadata.year).toBe(2025);
    expect(paper.metadata.authors).toHaveLength(5);
    expect(paper.metadata.pdfUrl).toMatch(/\/pdf$/);
    const refs = paper.blocks.filter((b) => b.kind === 'reference');
    expect(refs).toHaveLength(51);
    expect(refs.filter((r) => r.included)).toHaveLength(33);
  });

  it('leaves the site furniture (cookie banner, navigation, related articles, footer) out', () => {
    for (const needle of ['We use cookies', 'Sign up for table-of-contents alerts', 'Who moderates the moderators', 'Online communities and loneliness in later life', 'Article accesses', 'ISSN 2999-0142']) {
      expect(paper.blocks.find((b) => b.text.includes(needle))?.text ?? null, needle).toBeNull();
    }
  });

  it('reports that "digital peer support" is never defined by the authors (only a borrowed definition)', () => {
    expect(findings('definition-gap', 'digital-peer-support').length, listed()).toBeGreaterThan(0);
  });

  it('reports that "peer" is used in several senses (victimisation, conflict, coaches guiding an app…)', () => {
    expect(findings('mixed-senses', 'peer').length, listed()).toBeGreaterThan(0);
  });

  it('reports that chatbots and AI companions count as "peers"', () => {
    expect(findings('automated-peer').length, listed()).toBeGreaterThan(0);
  });

  it('does not take "peer-reviewed journals" for peer support', () => {
    const peer = critique.terms.find((t) => t.term === 'peer');
    const reviewed = peer?.occurrences.filter((o) => /^peer[- ]?review/i.test(o.match)) ?? [];
    expect(reviewed.length).toBeGreaterThan(0);
    for (const o of reviewed) expect(o.sense, o.sentence).not.toBe('support');
  });

  it('reads the search dates and that there was no publication-date limit', () => {
    expect(critique.search.dates).toEqual(expect.arrayContaining(['2023-12', '2024-05']));
    expect(critique.search.fromInception).toBe(true);
    expect(critique.search.noRestriction).toBe(true);
    // The results sentence "published between 1990 and 2024" describes included studies, not a search limit.
    expect(critique.search.dateLimit, JSON.stringify(critique.search.evidence.map((e) => e.quote))).toBeNull();
    expect(critique.search.justification).toBeNull();
  });

  it('reports the missing, unjustified date limit', () => {
    expect(findings('no-date-limit').length, listed()).toBeGreaterThan(0);
  });

  it('reports how old many included studies are (13 of 33 before 2014)', () => {
    expect(findings('date-spread').length, listed()).toBeGreaterThan(0);
    expect(critique.includedStudies?.count).toBe(33);
    expect(critique.includedStudies?.min).toBe(1990);
    expect(critique.includedStudies?.max).toBe(2024);
  });

  it('reports that "healthy adults" does not match the psychiatric inpatients and outpatients included', () => {
    expect(findings('population-mismatch').length, listed()).toBeGreaterThan(0);
  });

  it('reports the missing positionality statement', () => {
    expect(critique.statements.positionality.found).toBe(false);
    expect(findings('missing-positionality').length, listed()).toBeGreaterThan(0);
  });

  it('reports the missing lived-experience involvement statement (an advisory-board seat in the competing interests is not involvement)', () => {
    const ev = critique.statements.involvement.evidence.map((e) => `${e.section}: ${e.quote}`);
    expect(critique.statements.involvement.found, JSON.stringify(ev)).toBe(false);
    expect(findings('missing-involvement').length, listed()).toBeGreaterThan(0);
  });

  it('finds the competing-interests and funding statements it does have', () => {
    expect(critique.statements.competingInterests.found).toBe(true);
    expect(critique.statements.funding.found).toBe(true);
    expect(findings('missing-competing-interests'), listed()).toHaveLength(0);
    expect(findings('missing-funding'), listed()).toHaveLength(0);
  });
});
