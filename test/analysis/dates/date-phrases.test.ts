import { describe, expect, it } from 'vitest';
import { findDateMentions, formatDate, readDateSentence } from '../../../src/analysis/dates';

const searchDates = (text: string) => readDateSentence(text, true).searchDates.map(formatDate);

describe('date mentions', () => {
  it('reads month names, day-month-year, month-day-year and ISO forms', () => {
    const got = findDateMentions('3 May 2024, May 3, 2024, Dec. 2023, 2024-05-03 and 25/05/2024').map(formatDate);
    expect(got).toEqual(['2024-05', '2024-05', '2023-12', '2024-05', '2024-05']);
  });

  it('keeps only the year of an ambiguous numeric date', () => {
    expect(findDateMentions('on 12/05/2024').map(formatDate)).toEqual(['2024']);
  });

  it('does not read the modal verb "may" as a month', () => {
    expect(findDateMentions('results may 2024 differ').map(formatDate)).toEqual(['2024']);
  });
});

describe('search dates in sentences', () => {
  it.each([
    ['Databases were searched in December 2023 and again in May 2024.', ['2023-12', '2024-05']],
    ['The search was last searched 3 May 2024.', ['2024-05']],
    ['MEDLINE was last searched on 3 May 2024.', ['2024-05']],
    ['Searches were conducted in December 2023 and updated in May 2024.', ['2023-12', '2024-05']],
    ['The search was run on 2024-05-03 in all databases.', ['2024-05']],
    ['We searched PubMed and Embase up to May 2024.', ['2024-05']],
    ['Searches were conducted on 12/05/2024.', ['2024']],
    ['In March 2024 we searched five databases.', ['2024-03']],
    ['The searches were conducted between 1 and 15 March 2024.', ['2024-03']],
  ])('%s', (text, expected) => {
    expect(searchDates(text)).toEqual(expected);
  });

  it('"from inception to May 2024" is a search date from inception, not a date limit', () => {
    const r = readDateSentence('We searched MEDLINE, Embase and PsycINFO from inception to May 2024.', true);
    expect(r.searchDates.map(formatDate)).toEqual(['2024-05']);
    expect(r.fromInception).toBe(true);
    expect(r.limit).toBeNull();
  });

  it('a searched period stated to the month is a limit and a search date', () => {
    const r = readDateSentence('Databases were searched between January 2000 and March 2024.', true);
    expect(r.limit).toEqual({ from: 2000, to: 2024 });
    expect(r.searchDates.map(formatDate)).toEqual(['2024-03']);
  });

  it('ignores citation years and access dates', () => {
    expect(searchDates('Following Higgins et al. (2019), we searched four databases.')).toEqual([]);
    expect(searchDates('The search filter (accessed 3 May 2024) was adapted for PubMed.')).toEqual([]);
    expect(searchDates('In 2019 the WHO issued guidance; databases were searched in June 2023.')).toEqual(['2023-06']);
  });
});

describe('date limits', () => {
  it.each([
    ['Studies published between 2014 and 2024 were eligible.', { from: 2014, to: 2024 }],
    ['We included studies published since 2010.', { from: 2010, to: null }],
    ['Articles from 2010 onwards were included.', { from: 2010, to: null }],
    ['Eligible trials were published 2010–2024.', { from: 2010, to: 2024 }],
    ['Only studies published after 2009 were included.', { from: 2010, to: null }],
    ['We searched PubMed (2000 to 2024) for trials.', { from: 2000, to: 2024 }],
  ])('%s', (text, limit) => {
    expect(readDateSentence(text, false).limit).toEqual(limit);
  });

  it.each([
    'No date restrictions were applied.',
    'We searched without language or date limits.',
    'There were no limits on publication date.',
    'Studies were eligible regardless of publication year.',
    'Restrictions on language or publication date were not applied.',
  ])('explicit no-restriction: %s', (text) => {
    const r = readDateSentence(text, true);
    expect(r.noRestriction).toBe(true);
    expect(r.limit).toBeNull();
  });

  it('"no restrictions on language" alone is not a date statement', () => {
    expect(readDateSentence('No restrictions on language were applied.', true).noRestriction).toBe(false);
  });
});
