/**
 * The DOI a PDF's critique cites: a publisher's DOI for a part of the article (an eLife abstract,
 * a PLOS figure) is not the article's.
 */
import { describe, expect, it } from 'vitest';
import { articleDoi, findDoi } from '../../../src/extract/pdf/doi';

describe('findDoi', () => {
  it('reads the first DOI without the punctuation around it', () => {
    expect(findDoi('Cite as: eLife 2013;2:e00971. (https://doi.org/10.7554/eLife.00971).')).toBe('10.7554/eLife.00971');
    expect(findDoi('DOI: 10.1186/s12913-023-10430-w;')).toBe('10.1186/s12913-023-10430-w');
    expect(findDoi('no identifier here')).toBeNull();
  });

  it("gives the article's DOI where a page prints a component's", () => {
    // eLife prints the abstract's DOI under it, often the only DOI on page 1.
    expect(findDoi('Abstract … DOI: 10.7554/eLife.00013.001')).toBe('10.7554/eLife.00013');
  });
});

describe('articleDoi', () => {
  it('strips the component suffixes eLife, PLOS and PeerJ use', () => {
    expect(articleDoi('10.7554/eLife.04953.012')).toBe('10.7554/eLife.04953');
    expect(articleDoi('10.1371/journal.pone.0046041.g001')).toBe('10.1371/journal.pone.0046041');
    expect(articleDoi('10.1371/journal.pcbi.1004152.s003')).toBe('10.1371/journal.pcbi.1004152');
    expect(articleDoi('10.7717/peerj.1234/fig-2')).toBe('10.7717/peerj.1234');
  });

  it('leaves article DOIs alone, including ones that end in digits after a dot', () => {
    for (const doi of ['10.7554/eLife.00013', '10.1371/journal.pone.0046041', '10.1016/j.jad.2023.01.001', '10.1177/0004867420953748', '10.7554/eLife.88000.3']) {
      expect(articleDoi(doi)).toBe(doi);
    }
  });
});
