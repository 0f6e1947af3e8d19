import { describe, expect, it } from 'vitest';
import { locateAcrossPieces, locateInBlock, locateInItems } from '../../src/viewer/text-match';

// Items as pdf.js gives them for two lines of a column: a line-end hyphen, a ligature, an empty item.
const items = ['Header', 'Digital peer sup-', '', 'port is ofﬁcially', 'peer-led; peer work', 'Footer'];
const block = { text: 'Digital peer support is officially peer-led; peer work', firstItem: 1, lastItem: 4 };

describe('locateInItems', () => {
  it('maps a block range across a hyphenated line break onto both items', () => {
    const start = block.text.indexOf('support');
    expect(locateInItems(items, block, start, start + 'support'.length)).toEqual([
      { item: 1, start: 13, end: 16 }, // "sup", not the hyphen
      { item: 3, start: 0, end: 4 },
    ]);
  });

  it('picks the same occurrence of a repeated word as in the block (third "peer")', () => {
    const start = block.text.lastIndexOf('peer');
    expect(locateInItems(items, block, start, start + 4)).toEqual([{ item: 4, start: 10, end: 14 }]);
  });

  it('matches through a ligature the text layer keeps unexpanded', () => {
    const start = block.text.indexOf('officially');
    expect(locateInItems(items, block, start, start + 'officially'.length)).toEqual([{ item: 3, start: 8, end: 17 }]);
  });

  it('returns null for text that is not on the page', () => {
    expect(locateInItems(items, { text: 'nothing here', firstItem: 1, lastItem: 4 }, 0, 7)).toBeNull();
  });
});

describe('locateInBlock', () => {
  it('maps a text-layer selection back to block offsets', () => {
    const r = locateInBlock(items, block, { item: 4, offset: 10 }, { item: 4, offset: 19 });
    expect(r && block.text.slice(r.start, r.end)).toBe('peer work');
  });

  it('maps a selection spanning the hyphenated break to the rejoined word', () => {
    const r = locateInBlock(items, block, { item: 1, offset: 13 }, { item: 3, offset: 4 });
    expect(r && block.text.slice(r.start, r.end)).toBe('support');
  });
});

describe('locateAcrossPieces (a paragraph running over a page break)', () => {
  const block = 'Readers were offered mutual help by people who share the same condition, online or in person.';
  const pageOne = ['Header text', 'Readers were offered mutual help by peo-', 'ple who share'];
  const pageTwo = ['the same condition, online', 'or in person.', 'Footer'];
  const pieces = [
    { page: 4, items: pageOne, firstItem: 1, lastItem: 2 },
    { page: 5, items: pageTwo, firstItem: 0, lastItem: 1 },
  ];

  it('returns segments on both pages for a quote that crosses the break', () => {
    const start = block.indexOf('people');
    const end = block.indexOf(', online');
    const segments = locateAcrossPieces(pieces, block, start, end)!;
    expect(segments.map((s) => s.page)).toEqual([4, 4, 5]);
    expect(segments.map((s) => (s.page === 4 ? pageOne : pageTwo)[s.item]!.slice(s.start, s.end))).toEqual(['peo', 'ple who share', 'the same condition']);
  });

  it('keeps a quote wholly on the second page there', () => {
    const start = block.indexOf('in person');
    const segments = locateAcrossPieces(pieces, block, start, start + 'in person'.length)!;
    expect(segments).toEqual([{ page: 5, item: 1, start: 3, end: 12 }]);
  });

  it('returns null for text the pieces do not hold', () => {
    expect(locateAcrossPieces(pieces, 'Something else entirely.', 0, 9)).toBeNull();
  });
});
