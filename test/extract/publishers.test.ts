/**
 * The whole HTML pipeline (parse → extractHtml → analysePaper) on pages that copy the article
 * markup of ten publishers (test/fixtures/publishers/README.md). Each fixture's expected.json says
 * what a reader would see on the real page: its metadata, its reference list and the years in it,
 * its body sections, and which declarations it has. A failure means a reader of that publisher's
 * pages would get a wrong answer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Critique } from '../../src/analysis/critique';
import { analysePaper } from '../../src/analysis/engine';
import type { Paper } from '../../src/analysis/model';
import { referenceYear } from '../../src/analysis/reference-years';
import { extractHtml } from '../../src/extract/html/index';
import { parseHtmlInNode } from '../../src/extract/html/node-dom';

interface PublisherExpectation {
  publisher: string;
  url: string;
  title: string;
  doi: string;
  year: number;
  authors: string[];
  sectionTitles: string[];
  refYears: (number | null)[];
  hasCompetingInterests: boolean;
  hasFunding: boolean;
  hasPositionality: boolean;
  hasInvolvement: boolean;
  forbiddenText: string[];
}

const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/publishers/', import.meta.url));
const FIXTURES = readdirSync(FIXTURE_DIR)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.slice(0, -'.expected.json'.length))
  .sort();

/** Typography a reader does not notice: curly vs straight quotes, Unicode hyphens, spacing, case. */
function normalise(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.\s]+$/, '')
    .toLowerCase();
}

/** "2.1. Methods", "1 INTRODUCTION", "IV. Results" → "methods", "introduction", "results". */
function normaliseHeading(s: string): string {
  return normalise(s).replace(/^(?:\d+(?:\.\d+)*\.?|[ivx]+\.)\s+/, '');
}

function normaliseDoi(s: string | null): string | null {
  return s ? s.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '').toLowerCase() : null;
}

function familyName(author: string): string {
  return normalise(author).split(' ').at(-1)!;
}

/** Distinct top-level section titles in reading order. */
function topLevelSections(paper: Paper): string[] {
  const out: string[] = [];
  for (const b of paper.blocks) {
    const top = b.sectionPath[0];
    if (top !== undefined && out.at(-1) !== normaliseHeading(top)) out.push(normaliseHeading(top));
  }
  return out;
}

/** Whether `wanted` appears in `seen` in the same order (other entries may sit in between). */
function isOrderedSubsequence(wanted: string[], seen: string[]): boolean {
  let i = 0;
  for (const s of seen) if (i < wanted.length && s === wanted[i]) i++;
  return i === wanted.length;
}

interface Loaded {
  expected: PublisherExpectation;
  paper: Paper;
  critique: Critique;
}

const cache = new Map<string, Loaded>();
function load(name: string): Loaded {
  let hit = cache.get(name);
  if (!hit) {
    const expected = JSON.parse(readFileSync(join(FIXTURE_DIR, `${name}.expected.json`), 'utf8')) as PublisherExpectation;
    const html = readFileSync(join(FIXTURE_DIR, `${name}.html`), 'utf8');
    const paper = extractHtml(parseHtmlInNode(html), expected.url);
    hit = { expected, paper, critique: analysePaper(paper) };
    cache.set(name, hit);
  }
  return hit;
}

describe('publisher fixtures', () => {
  it('are all present (ten publishers, each with a page and its expectations)', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(10);
    for (const name of FIXTURES) expect(() => readFileSync(join(FIXTURE_DIR, `${name}.html`))).not.toThrow();
  });
});

describe.each(FIXTURES)('%s page', (name) => {
  it('gives the article title, DOI and publication year', () => {
    const { expected, paper } = load(name);
    expect(normalise(paper.metadata.title ?? ''), 'title').toBe(normalise(expected.title));
    expect(normaliseDoi(paper.metadata.doi), 'doi').toBe(normaliseDoi(expected.doi));
    expect(paper.metadata.year, 'year').toBe(expected.year);
  });

  it('lists the authors in byline order', () => {
    const { expected, paper } = load(name);
    const got = paper.metadata.authors;
    expect(got, `authors: ${JSON.stringify(got)}`).toHaveLength(expected.authors.length);
    expected.authors.forEach((a, i) => {
      expect(normalise(got[i] ?? ''), `author ${i + 1}`).toContain(familyName(a));
    });
  });

  it('finds every reference in the visible list, and nothing else, with the right year for each', () => {
    const { expected, paper } = load(name);
    const refs = paper.blocks.filter((b) => b.kind === 'reference');
    const summary = refs.map((r, i) => `${i + 1}. ${r.text.slice(0, 90)}`).join('\n');
    expect(refs.length, `reference entries found:\n${summary}`).toBe(expected.refYears.length);
    const years = refs.map((r) => referenceYear(r.text));
    expect(years, `years per reference:\n${summary}`).toEqual(expected.refYears);
  });

  it('keeps site furniture (navigation, cookie banner, related articles, footer) out of the paper', () => {
    const { expected, paper } = load(name);
    for (const needle of expected.forbiddenText) {
      const leak = paper.blocks.find((b) => normalise(b.text).includes(normalise(needle)));
      expect(leak ? `block ${leak.id} (${leak.kind}, ${leak.sectionPath.join(' › ')}): ${leak.text.slice(0, 120)}` : null, `"${needle}"`).toBeNull();
    }
  });

  it('keeps the body sections in reading order', () => {
    const { expected, paper } = load(name);
    const seen = topLevelSections(paper);
    const wanted = expected.sectionTitles.map(normaliseHeading);
    expect(isOrderedSubsequence(wanted, seen), `expected ${JSON.stringify(wanted)} in order within ${JSON.stringify(seen)}`).toBe(true);
  });

  it('reports exactly the declarations the article makes', () => {
    const { expected, critique } = load(name);
    const s = critique.statements;
    const got = {
      competingInterests: s.competingInterests.found,
      funding: s.funding.found,
      positionality: s.positionality.found,
      involvement: s.involvement.found,
    };
    expect(got).toEqual({
      competingInterests: expected.hasCompetingInterests,
      funding: expected.hasFunding,
      positionality: expected.hasPositionality,
      involvement: expected.hasInvolvement,
    });
  });
});
