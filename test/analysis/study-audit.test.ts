/**
 * The included-studies audit on an invented review of 40 studies, marked in each of the three
 * ways reviews mark them (asterisks, an "Included studies" list, a characteristics table): every
 * flag fires on the studies built to earn it and on no other. All names and titles are invented.
 */
import { describe, expect, it } from 'vitest';
import type { Critique, StudyFlagKind } from '../../src/analysis/critique';
import { analysePaper } from '../../src/analysis/engine';
import { critiqueToMarkdown } from '../../src/analysis/markdown';
import type { Paper } from '../../src/analysis/model';
import { entryTitle, firstAuthorSurname } from '../../src/analysis/study-audit/entry';
import { makePaper, type BlockSpec } from './make-paper';

type Kind = 'support' | 'harm' | 'bullying' | 'training' | 'chatbot' | 'in-person' | 'older-adults';

interface Study {
  surname: string;
  year: number;
  title: string;
  kind: Kind;
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'sa', 'tu', 'vel', 'dor', 'an', 'bri'];
const surname = (i: number) => {
  const s = SYLLABLES[i % 10]! + SYLLABLES[(i * 3 + 1) % 10]! + SYLLABLES[(i * 7 + 2) % 10]!;
  return s[0]!.toUpperCase() + s.slice(1);
};

const TITLES: Record<Kind, (i: number) => string> = {
  support: (i) => `An online peer support group for young people with low mood: trial ${i}`,
  harm: (i) => `Peer victimisation and wellbeing among adolescents on a social media site: cohort ${i}`,
  bullying: (i) => `Peer bullying in an online game used by adolescents: survey ${i}`,
  training: (i) => `Teaching youth workers about peer support: evaluation of e-learning module ${i}`,
  chatbot: (i) => `A chatbot offering peer-like support to young people: pilot ${i}`,
  'in-person': (i) => `Face-to-face peer support groups for young people in schools: study ${i}`,
  'older-adults': (i) => `An online peer support forum for older adults living alone: trial ${i}`,
};

/** 40 studies: most are digital peer support for young people; some are built to earn each flag. */
function studies(): Study[] {
  const kinds: Kind[] = Array.from({ length: 40 }, () => 'support');
  for (const i of [3, 17]) kinds[i] = 'harm';
  kinds[25] = 'bullying';
  for (const i of [8, 30]) kinds[i] = 'training';
  for (const i of [12, 33]) kinds[i] = 'chatbot';
  kinds[21] = 'in-person';
  kinds[36] = 'older-adults';
  // Years 1998–2023; the review's limit is 2010, its last search 2024.
  return kinds.map((kind, i) => ({ surname: surname(i), year: 1998 + ((i * 7) % 26), title: TITLES[kind](i + 1), kind }));
}

const entry = (s: Study) => `${s.surname}, A., & Other, B. (${s.year}). ${s.title}. Journal of Invented Youth Studies, ${s.year - 1990}, 1–12.`;
const OTHER_REFERENCES = Array.from({ length: 8 }, (_, i) => `Background${surname(i + 50)}, C. (${2015 + i}). A background paper on wellbeing, number ${i + 1}. Invented Review, ${i + 3}, 20–30.`);

const HEAD: BlockSpec[] = [
  { text: 'Digital peer support for young people: a systematic review', role: 'title', kind: 'heading' },
  { text: 'This systematic review asks whether digital peer support improves the wellbeing of young people.', role: 'abstract', section: 'Abstract' },
  { text: 'We searched MEDLINE and PsycINFO in March 2024. The search was limited to studies published from 2010 onwards.', role: 'methods', section: 'Methods' },
];

type Marking = 'asterisk' | 'list' | 'table';

function review(marking: Marking): Paper {
  const all = studies();
  const blocks: BlockSpec[] = [...HEAD];
  if (marking === 'asterisk') {
    blocks.push({ text: 'Studies included in the review are marked with an asterisk in the reference list.', role: 'methods', section: 'Methods' });
    for (const s of all) blocks.push({ text: `*${entry(s)}`, role: 'references', section: 'References' });
    for (const r of OTHER_REFERENCES) blocks.push({ text: r, role: 'references', section: 'References' });
    const paper = makePaper(blocks, { title: HEAD[0]!.text, year: 2024 });
    // What the HTML and PDF extractors do with the asterisk note (see their tests).
    for (const b of paper.blocks) if (b.kind === 'reference') b.included = b.text.startsWith('*');
    return paper;
  }
  if (marking === 'list') {
    for (const s of all) blocks.push({ text: entry(s), role: 'references', section: ['References', 'Included studies'], included: true, list: 'Included studies' });
    for (const r of OTHER_REFERENCES) blocks.push({ text: r, role: 'references', section: ['References', 'Other references'], included: false });
    return makePaper(blocks, { title: HEAD[0]!.text, year: 2024 });
  }
  blocks.push({ text: 'Table 1. Characteristics of included studies', kind: 'caption', role: 'results', section: 'Results' });
  blocks.push({ text: 'Study | Country | Participants', kind: 'table', role: 'results', section: 'Results' });
  for (const s of all) blocks.push({ text: `${s.surname} et al. (${s.year}) | Invented Land | 40`, kind: 'table', role: 'results', section: 'Results' });
  for (const s of all) blocks.push({ text: entry(s), role: 'references', section: 'References' });
  for (const r of OTHER_REFERENCES) blocks.push({ text: r, role: 'references', section: 'References' });
  return makePaper(blocks, { title: HEAD[0]!.text, year: 2024 });
}

/** Which studies should carry each flag, by construction. */
function expected(): Record<StudyFlagKind, string[]> {
  const all = studies();
  const named = (f: (s: Study) => boolean) => all.filter(f).map((s) => s.surname).sort();
  return {
    'other-sense': named((s) => s.kind === 'harm' || s.kind === 'bullying'),
    automated: named((s) => s.kind === 'chatbot'),
    training: named((s) => s.kind === 'training'),
    'not-digital': named((s) => s.kind === 'in-person'),
    'before-date-limit': named((s) => s.year < 2010),
    'older-than-10-years': named((s) => s.year < 2014),
    population: named((s) => s.kind === 'older-adults'),
  };
}

function flagged(c: Critique): Record<StudyFlagKind, string[]> {
  const out = Object.fromEntries(Object.keys(expected()).map((k) => [k, [] as string[]])) as Record<StudyFlagKind, string[]>;
  for (const r of c.audit!.rows) for (const f of r.flags) out[f.kind].push(r.firstAuthor!);
  for (const k of Object.keys(out) as StudyFlagKind[]) out[k].sort();
  return out;
}

describe('included-studies audit', () => {
  it.each(['asterisk', 'list', 'table'] as const)('finds all 40 studies marked by %s and flags exactly the ones built to be flagged', (marking) => {
    const c = analysePaper(review(marking));
    expect(c.audit).not.toBeNull();
    expect(c.audit!.rows).toHaveLength(40);
    expect(c.audit!.referenceYear).toBe(2024);
    expect(c.audit!.dateLimitFrom).toBe(2010);
    expect(flagged(c)).toEqual(expected());
    // Rows read from an entry link back to it.
    expect(c.audit!.rows.every((r) => r.anchor !== null && r.entry !== null)).toBe(true);
  });

  it('gives a summary line a reader can quote, with the counts of the flags', () => {
    const c = analysePaper(review('asterisk'));
    const e = expected();
    expect(c.audit!.summary).toContain(`${e['other-sense'].length} of 40 included studies use "peer" in another sense`);
    expect(c.audit!.summary).toContain(`${e['older-than-10-years'].length} of 40 predate 2014`);
    expect(c.audit!.summary).toContain(`${e['before-date-limit'].length} of 40 predate the review's limit of 2010`);
  });

  it('reads each study’s sense of "peer", digital mode and population', () => {
    const rows = analysePaper(review('list')).audit!.rows;
    const all = studies();
    const row = (kind: Kind) => rows[all.findIndex((s) => s.kind === kind)]!;
    expect(row('support')).toMatchObject({ sense: 'support', senseFrom: 'title', modes: ['website / forum'], population: ['young people'] });
    expect(row('harm').sense).toBe('harm');
    expect(row('chatbot').modes).toEqual(['chatbot / AI']);
    expect(row('in-person').modes).toEqual([]);
  });

  it('lists every study in the Markdown, not the first few', () => {
    const md = critiqueToMarkdown(analysePaper(review('table')));
    const section = md.slice(md.indexOf('## Included studies'));
    for (const s of studies()) expect(section).toContain(`| ${s.surname} | ${s.year} |`);
  });

  it('says when the included studies are only in a supplement', () => {
    const paper = makePaper(
      [
        ...HEAD,
        { text: 'The characteristics of the included studies are given in Supplementary Table S2.', role: 'results', section: 'Results' },
        ...OTHER_REFERENCES.map((r): BlockSpec => ({ text: r, role: 'references', section: 'References' })),
      ],
      { title: HEAD[0]!.text, year: 2024 },
    );
    const audit = analysePaper(paper).audit!;
    expect(audit.rows).toEqual([]);
    expect(audit.summary).toMatch(/supplement that is not here/);
    expect(audit.supplement).toContain('Supplementary Table S2');
  });

  it('is absent for a paper that is not a review', () => {
    const paper = makePaper([{ text: 'We ran an invented trial of an online peer support group.', role: 'methods', section: 'Methods' }], { title: 'An invented trial of online peer support' });
    expect(analysePaper(paper).audit).toBeNull();
  });
});

describe('reading a reference entry as a study', () => {
  it.each([
    ['Lindqvist, M., & Abara, T. (2019). A trial of something online. Invented Journal, 3, 1–9.', 'Lindqvist', 'A trial of something online'],
    ['*van der Berg, A. (2001). Forums for carers: a survey. Invented Journal, 2, 4–8.', 'van der Berg', 'Forums for carers: a survey'],
    ['12. Okafor-Reyes K, Lee JH, Brandt P. Text messages after discharge: a pilot. J Invented Res. 2015;4:10-19.', 'Okafor-Reyes', 'Text messages after discharge: a pilot'],
  ])('%s', (text, author, title) => {
    expect(firstAuthorSurname(text)).toBe(author);
    expect(entryTitle(text)).toBe(title);
  });
});
