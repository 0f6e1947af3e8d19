import { describe, expect, it } from 'vitest';
import { pdfPagesToPaper } from '../../../src/extract/pdf/layout';
import { column, filler, page, type LineSpec } from './synthetic';

const TITLE: LineSpec = { text: 'Peer support for people with psychosis: a mixed-methods study', x: 50, y: 120, size: 18 };
const BODY = column([[filler('Abstract text about peer support', 90), filler('and more of it', 90), 'ends here.']], 50, 200).lines;

/** The journal read from a first page (800 high) with `line` at height `y`. */
function journalWith(text: string, y: number): string | null {
  return pdfPagesToPaper([page(1, [{ text, x: 50, y, size: 8 }, TITLE, ...BODY])]).metadata.journal;
}

describe('journal name from a PDF first page header or footer', () => {
  it.each([
    ['Salehi et al. BMC Health Services Research (2023) 23:1447', 'BMC Health Services Research'],
    ['Clinical Science (2014) 126, 305–313 (Printed in Great Britain)', 'Clinical Science'],
    ['Cad. Saúde Colet., 2023; 31(3):e31030043 | https://doi.org/10.1590/1414-462X202331030043', 'Cad. Saúde Colet.'],
    ['Datta et al. Journal of Trauma Management & Outcomes 2010, 4:1', 'Journal of Trauma Management & Outcomes'],
    ['TransInformação, Campinas, 33:e200057, 2021', 'TransInformação'],
    ['PLOS One | https://doi.org/10.1371/journal.pone.0319315 May 14, 2025', 'PLOS One'],
  ])('reads "%s"', (text, journal) => {
    expect(journalWith(text, 40)).toBe(journal);
    expect(journalWith(text, 780)).toBe(journal);
  });

  it('reads only the margins, and names nothing it is unsure of', () => {
    expect(journalWith('Salehi et al. BMC Health Services Research (2023) 23:1447', 400)).toBeNull();
    expect(journalWith('Received (2021) 3 January', 40)).toBeNull();
    expect(journalWith('Smith et al. (2023) 12:34', 40)).toBeNull();
    expect(journalWith('Proceedings of the 58th Annual Meeting, pages 2270–2282, 2020', 40)).toBeNull();
  });
});
