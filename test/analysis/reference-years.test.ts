import { describe, expect, it } from 'vitest';
import { referenceYear } from '../../src/analysis/reference-years';
import { scoreYears } from '../../src/eval/score-years';

const NOW = 2026;
const year = (text: string) => referenceYear(text, NOW);

describe('referenceYear: the styled position of the year, across styles', () => {
  it.each([
    ['APA', 'Fortuna, K. L., Naslund, J. A., & Aschbrenner, K. A. (2019). Digital peer support mental health interventions. Current Treatment Options in Psychiatry, 6(3), 203–219.', 2019],
    ['APA with letter', 'Smith, J. (2004a). Peer support in practice. Journal of Care, 12, 1–9.', 2004],
    ['APA with date', 'Jones, P. (2020, March 3). Why peers matter [Blog post]. Retrieved from https://example.org/2018/peers', 2020],
    ['Vancouver', 'Page MJ, McKenzie JE, Bossuyt PM. The PRISMA 2020 statement: an updated guideline. BMJ. 2021;372:n71.', 2021],
    ['Vancouver with month', 'Solomon P. Peer support/peer provided services. Psychiatr Rehabil J. 2004 Spring;27(4):392-401.', 2004],
    ['Vancouver, month and day', 'Doe J. A trial. Lancet. 2010 Jan 2;375(9708):1-2. doi:10.1016/S0140-6736(09)61999-1', 2010],
    ['Springer', 'Locker D (1988) Measuring oral health: a conceptual framework. Community Dent Health 5:3–18', 1988],
    ['Elsevier', 'A. Author, B. Author, Peer work in 2009 and after, Soc. Sci. Med. 12 (2011) 100–110.', 2011],
    ['Harvard', 'Mead, S., Hilton, D. and Curtis, L. 2001. Peer support: a theoretical perspective. Psychiatric Rehabilitation Journal, 25(2), pp.134-141.', 2001],
    ['MLA', 'Mead, Shery. "Peer Support." Psychiatric Rehabilitation Journal 25.2 (2001): 134-41.', 2001],
    ['nineteenth century', 'Darwin C. On the origin of species by means of natural selection. London: John Murray; 1859.', 1859],
    ['run-together tagged fields', 'AverySVMicrobial cell individuality and the underlying sources of heterogeneityNat Rev Microbiol2006457758710.1038/nrmicro146016845428', 2006],
    ['book in NLM style', 'Fleagle J. Primate adaptation and evolution, second edition. 1999:528.', 1999],
    ['page count before the year', 'Ptashne M. A genetic switch. Cold Spring Harbor: CSHL Press. 154 p. 2004.', 2004],
    ['non-English month', 'Reece EA, Moore T. Diagnostic criteria. Am J Obstet Gynecol. 2013 abr;208(4):255-9.', 2013],
  ])('%s', (_style, text, expected) => {
    expect(year(text)).toBe(expected);
  });
});

describe('referenceYear: hard negatives', () => {
  it('never reads a year from a DOI', () => {
    expect(year('Liberati A, et al. The PRISMA statement. PLoS Med. doi:10.1371/journal.pmed.1000097')).toBeNull();
    expect(year('Author A. Title. https://doi.org/10.1016/j.jad.2019.01.001')).toBeNull();
    expect(year('Kim B (2015) Title. J X 4:1–2. https://doi.org/10.1016/j.x.2019.01.001')).toBe(2015);
  });

  it('never reads a year from a URL', () => {
    expect(year('NHS England. Peer support workers. Available from: https://www.england.nhs.uk/2019/05/peer-support/')).toBeNull();
  });

  it('ignores access, retrieval and citation dates', () => {
    expect(year('WHO. Mental health atlas. Geneva: WHO; 2017. Accessed 12 March 2023.')).toBe(2017);
    expect(year('Mind. Peer support [Internet]. London: Mind; 2015 [cited 2023 Jan 5]. Available from: https://mind.org.uk')).toBe(2015);
    expect(year('Peer Support Canada. About us. Accessed March 3, 2023. https://peersupportcanada.ca')).toBeNull();
    expect(year('Dahlberg, I. Teoria do conceito. Ciência da Informação, v. 7, n. 2, p. 101-107, 1978. Acesso em: 11 ago. 2020.')).toBe(1978);
  });

  it('does not take page numbers, volumes or counts for years', () => {
    expect(year('Smith J. A long paper. J Hist Med. 12:1990–2005.')).toBeNull();
    expect(year('Jones K. Title. Science, 330, 1774.')).toBeNull();
    expect(year('Survey of peer workers (n = 2000 respondents). Report, vol. 1999.')).toBeNull();
  });

  it('prefers the publication year over a year in the title', () => {
    expect(year('Doe J. The 2009 H1N1 pandemic and peer networks. Lancet. 2010;375:1100-8.')).toBe(2010);
    expect(year('Brown A (2012) Lessons from the 2009 pandemic. J Virol 86:1–8')).toBe(2012);
    expect(year('Valier MR. Coverage, United States, December 2020-September 2022. MMWR 2023 Jan 6;72(1):1-8.')).toBe(2023);
    expect(year('Kuo S. Lessons learned. J Am Pharm Assoc (2003). 2021;61(1):e12-5.')).toBe(2021);
  });

  it('returns null for entries without a date', () => {
    expect(year('Smith, J. (n.d.). Peer support toolkit. Retrieved from https://example.org')).toBeNull();
    expect(year('Jones, K. (in press). Peer work in the 2010s. Journal of Things.')).toBeNull();
    expect(year('Green, L. (forthcoming). Digital peer support.')).toBeNull();
    expect(year('Smith A. Unpublished manuscript.')).toBeNull();
  });

  it('keeps a real year next to an in-press note when it is in the styled place', () => {
    expect(year('Lee H, Park J. Digital peers. JMIR Ment Health. 2024;11:e5 (in press).')).toBe(2024);
  });

  it('rejects future and implausibly old numbers', () => {
    expect(year('Plan for 2099. Agency report.')).toBeNull();
    expect(year('Codex 1234 in the archive.')).toBeNull();
  });
});

describe('scoreYears', () => {
  it('matches years as multisets per paper and tolerates printed years the truth left untagged', () => {
    const s = scoreYears([2001, 2001, 2010, 2015, null, 1999], [2001, 2010, 2010, null, 2020, null], [null, null, null, 2015, null, null]);
    // 2001 ✓, 2001 ✗ (only one in truth), 2010 ✓, 2015 tolerated, 1999 ✗; missing 2010 and 2020.
    expect(s).toEqual({ tp: 2, fp: 2, fn: 2 });
  });
});
