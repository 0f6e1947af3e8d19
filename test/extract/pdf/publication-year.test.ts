import { describe, expect, it } from 'vitest';
import { publicationYear } from '../../../src/extract/pdf/publication-year';

describe('publication year printed on a first page', () => {
  it.each([
    ['Received: January 30, 2025\nAccepted: April 7, 2025\nPublished: May 14, 2025', 2025],
    ['Published online 3 March 2021', 2021],
    ['Epub 2020 Jan 5', 2020],
    ['Available online 12 June 2019', 2019],
    ['Publicado em: 10 de março de 2021', 2021],
    ['Published: 2014', 2014],
    // The paper's own suggested citation, read like a reference entry.
    ['Citation: Phelipon R, Bertrand L (2025) Characterisation of facial expressions. PLoS One 20(5): e0319315.', 2025],
    ['Como citar: Souza CM, Iser BM. Diabetes gestacional. Cad Saúde Colet, 2023;31(3):e31030043.', 2023],
    ['CITE AS: Dias, C.H.S.; Miranda, I.S. 2023. Differentiating diversity. Acta Amazonica 53: 271-280.', 2023],
    ['© 2014 The Author(s)', 2014],
    ['Copyright: © 2021 Smith et al. This is an open access article', 2021],
    ['© The Author(s) 2023. Open Access', 2023],
    // Acceptance is the last resort, after any publication evidence.
    ['Recebido em: Mar. 27, 2020. Aprovado em: Abr. 10, 2021', 2021],
  ])('%s → %i', (text, year) => {
    expect(publicationYear(text)).toBe(year);
  });

  it('prefers the publication date to an earlier acceptance, and never reads a received date', () => {
    expect(publicationYear('Accepted: 20 December 2019\nPublished: 8 January 2020')).toBe(2020);
    expect(publicationYear('Received: 3 March 2019')).toBeNull();
  });

  it('takes an acceptance date only from the manuscript history, not an ethics approval', () => {
    expect(publicationYear('Received on October 27, 2020, final version resubmitted on January 21, 2021 and approved on February 22, 2021.')).toBe(2021);
    expect(publicationYear('The protocol was approved on 12 March 2018 by the ethics committee of the hospital.')).toBeNull();
  });

  it('does not take years the page mentions for other reasons', () => {
    expect(publicationYear('We included studies published in 2010 or later.')).toBeNull();
    expect(publicationYear('the literature published from 1972 to 2018 by authors')).toBeNull();
    expect(publicationYear('publicada de 1972 a 2018 pelos pesquisadores')).toBeNull();
    expect(publicationYear('Data from the 2013 National Health Survey')).toBeNull();
  });
});
