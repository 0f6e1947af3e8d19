/**
 * `critical-reader audit REVIEW FOLDER` on an invented review and a folder of six invented study
 * pages: matched by DOI, by title alone, and one file that matches nothing; one entry has no file.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';

interface InventedStudy {
  author: string;
  year: number;
  title: string;
  doi: string | null;
  /** Written as a page in the folder (with this DOI in its meta tags, or none). */
  file: string | null;
  metaDoi: boolean;
  body: string;
}

const SUPPORT = 'Peer supporters with lived experience met participants weekly in an online group, and peer support was defined as mutual help between people who share an experience.';
const HARM = 'Peer victimisation was measured with a questionnaire; bullying by peers online was common among the pupils.';
const BOT = 'The chatbot, an automated conversational agent, sent daily messages; no human peers took part.';

const STUDIES: InventedStudy[] = [
  { author: 'Quillfeather', year: 2016, title: 'An online peer support group for new parents: a randomised trial', doi: '10.5555/inv.2016.001', file: 'quillfeather.html', metaDoi: true, body: SUPPORT },
  { author: 'Marrowby', year: 2012, title: 'Peer victimisation among pupils on a school messaging app', doi: '10.5555/inv.2012.014', file: 'marrowby.html', metaDoi: true, body: HARM },
  { author: 'Thistledown', year: 2021, title: 'A chatbot offering peer-like support to students: a pilot study', doi: '10.5555/inv.2021.007', file: 'thistledown.html', metaDoi: true, body: BOT },
  { author: 'Ashgrove', year: 2009, title: 'Moderated web forums for carers of people with dementia', doi: null, file: 'ashgrove-forums.html', metaDoi: false, body: SUPPORT },
  { author: 'Brackenridge', year: 2018, title: 'Text message peer support after discharge from hospital', doi: null, file: 'brackenridge.html', metaDoi: false, body: SUPPORT },
  { author: 'Cobblestone', year: 2003, title: 'Telephone befriending for isolated older adults', doi: '10.5555/inv.2003.022', file: null, metaDoi: false, body: '' },
];

function entry(s: InventedStudy): string {
  return `${s.author}, K., & Fenwick, L. (${s.year}). ${s.title}. Journal of Invented Care, 4, 1–9.${s.doi ? ` https://doi.org/${s.doi}` : ''}`;
}

function page(title: string, metas: string, sections: [string, string][]): string {
  const body = sections.map(([h, p]) => `<section><h2>${h}</h2><p>${p}</p></section>`).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title><meta name="citation_title" content="${title}">${metas}</head><body><article><h1>${title}</h1>${body}</article></body></html>`;
}

const FILLER = 'The study took place over several months in two regions, with outcomes recorded before and after the programme by researchers who were not involved in delivering it. ';

let dir: string;
let review: string;
let folder: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cr-audit-'));
  folder = join(dir, 'studies');
  await mkdir(folder);
  review = join(dir, 'review.html');
  const refs = [...STUDIES.map((s) => `<li>*${entry(s)}</li>`), '<li>Background, A. (2019). A background paper on wellbeing. Invented Review, 2, 3–9.</li>'].join('\n');
  await writeFile(
    review,
    page(
      'Digital peer support for adults: an invented systematic review',
      '<meta name="citation_publication_date" content="2024/06/01">',
      [
        ['Abstract', 'This systematic review pooled invented studies of digital peer support for adults.'],
        ['Methods', `We searched three databases in March 2024. Studies included in the review are marked with an asterisk. ${FILLER.repeat(3)}`],
        ['Results', FILLER.repeat(4)],
        ['Discussion', FILLER.repeat(3)],
      ],
    ).replace('</article>', `<section><h2>References</h2><ol>${refs}</ol></section></article>`),
  );
  for (const s of STUDIES.filter((x) => x.file)) {
    const metas = `<meta name="citation_author" content="${s.author}, Kay"><meta name="citation_publication_date" content="${s.year}/03/01">${s.metaDoi ? `<meta name="citation_doi" content="${s.doi}">` : ''}`;
    await writeFile(join(folder, s.file!), page(s.title, metas, [['Introduction', FILLER + s.body], ['Methods', FILLER.repeat(2) + s.body], ['Results', FILLER.repeat(2)], ['Discussion', FILLER]]));
  }
  // A study the review does not include.
  await writeFile(join(folder, 'unrelated.html'), page('Sleep hygiene advice in general practice: an invented audit', '<meta name="citation_doi" content="10.5555/inv.other.1">', [['Introduction', FILLER.repeat(2)], ['Methods', FILLER.repeat(2)], ['Results', FILLER.repeat(2)], ['Discussion', FILLER]]));
});

async function audit(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(['audit', ...args], { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

describe('critical-reader audit', () => {
  it('matches every file it can (DOI first, then title), lists the rest, and reads each study from its own text', async () => {
    const { code, out, err } = await audit('--json', review, folder);
    expect(code).toBe(0);
    // Progress on stderr, one line per file.
    expect(err.match(/^\[\d+\/6\] /gm)).toHaveLength(6);
    const report = JSON.parse(out);
    const by = Object.fromEntries(report.studies.map((s: { row: { firstAuthor: string }; matchedBy: string | null }) => [s.row.firstAuthor, s.matchedBy]));
    expect(by).toEqual({ Quillfeather: 'DOI', Marrowby: 'DOI', Thistledown: 'DOI', Ashgrove: 'title', Brackenridge: 'title', Cobblestone: null });
    expect(report.unmatchedFiles.map((f: string) => f.split('/').pop())).toEqual(['unrelated.html']);
    const study = (author: string) => report.studies.find((s: { row: { firstAuthor: string } }) => s.row.firstAuthor === author).study;
    expect(study('Marrowby').dominantSense).toBe('harm');
    expect(study('Thistledown').automated).toBe(true);
    expect(study('Quillfeather')).toMatchObject({ dominantSense: 'support', automated: false });
  });

  it('prints Markdown with every study, the unmatched entry and file', async () => {
    const { code, out } = await audit(review, folder);
    expect(code).toBe(0);
    for (const s of STUDIES) expect(out).toContain(`| ${s.author} | ${s.year} |`);
    expect(out).toMatch(/## Entries with no file\n\n- (?:\\\*)?Cobblestone/);
    expect(out).toMatch(/## Files that match no entry\n\n- unrelated\.html/);
  });

  it('writes CSV with one row per included study', async () => {
    const { out } = await audit('--csv', review, folder);
    expect(out.trim().split('\r\n')).toHaveLength(STUDIES.length + 1);
  });

  it('refuses a paper that is not a review with included studies, and a wrong call', async () => {
    const { code, err } = await audit(join(folder, 'unrelated.html'), folder);
    expect(code).toBe(1);
    expect(err).toMatch(/no included studies/);
    expect((await audit(review)).code).toBe(2);
  });
});

describe('matching by DOI', () => {
  it('takes a DOI whole, not as the start of a longer one', async () => {
    const { containsDoi } = await import('../../src/analysis/study-audit/match');
    expect(containsDoi('Smith, J. (2020). Title. Journal. https://doi.org/10.5555/x.1.', '10.5555/x.1')).toBe(true);
    expect(containsDoi('Smith, J. (2020). Title. Journal. https://doi.org/10.5555/x.10', '10.5555/x.1')).toBe(false);
    expect(containsDoi('Smith, J. (2020). Title. doi:10.5555/X.1/abc', '10.5555/x.1')).toBe(false);
  });
});
