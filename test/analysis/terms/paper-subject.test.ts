/**
 * The sense of a bare "peer(s)" comes from what the paper is about, as a reader takes it; each use
 * says why it has its sense. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { PAPER_SUBJECT_REASON } from '../../../src/analysis/critique';
import { analysePaper } from '../../../src/analysis/engine';
import { makePaper } from './make-paper';
import { senses, term } from './helpers';

describe('the paper\'s subject decides uses no cue decides', () => {
  const supportTrial = analysePaper(
    makePaper([
      { title: 'A text-message peer mentoring programme for people leaving prison' },
      { heading: 'Introduction' },
      { paragraph: 'Peer mentors have served time themselves. Peer supporters meet mentees weekly.' },
      { heading: 'Methods' },
      { paragraph: 'Participants exchanged messages with peers every day.' },
      { paragraph: 'Each peer network met online once a month.' },
      { paragraph: 'Staff had training in violence prevention at the prison, and later participants compared notes with peers.' },
      { heading: 'Discussion' },
      { paragraph: 'Young people are more sensitive to rejection than their same-school peers.' },
    ]),
  );

  it('bare "peers" and "peer network" in a peer-support trial are peer support, said to come from the subject', () => {
    const peer = term(supportTrial, 'peer');
    const bare = peer.occurrences.filter((o) => /exchanged messages|peer network/.test(o.sentence));
    expect(bare.map((o) => o.sense)).toEqual(['support', 'support']);
    expect(bare.every((o) => o.senseFrom === PAPER_SUBJECT_REASON)).toBe(true);
  });

  it('a cued use keeps its cue as the reason', () => {
    const mentors = term(supportTrial, 'peer').occurrences.find((o) => o.sentence.startsWith('Peer mentors'))!;
    expect(mentors.sense).toBe('support');
    expect(mentors.senseFrom).toBe('mentors');
  });

  it('a narrow sense from a distant cue in another clause gives way to the subject', () => {
    const use = term(supportTrial, 'peer').occurrences.find((o) => o.sentence.includes('violence prevention'))!;
    expect(use.sense).toBe('support');
  });

  it('comparisons with age-mates stay peer relationships in a peer-support paper', () => {
    const use = term(supportTrial, 'peer').occurrences.find((o) => o.sentence.includes('same-school'))!;
    expect(use.sense).toBe('relationship');
  });

  it('in a paper about peer relationships, the same bare uses are relationships', () => {
    const c = analysePaper(
      makePaper([
        { title: 'Peer relationships and friendship quality in early adolescence' },
        { heading: 'Introduction' },
        { paragraph: 'Peer relationships shape self-esteem. Peer influence grows in the teenage years. Friends and peer acceptance matter.' },
        { heading: 'Methods' },
        { paragraph: 'Pupils named the peers they spent breaks with.' },
      ]),
    );
    const use = term(c, 'peer').occurrences.find((o) => o.sentence.startsWith('Pupils'))!;
    expect(use.sense).toBe('relationship');
    expect(use.senseFrom).toBe(PAPER_SUBJECT_REASON);
  });

  it('a paper with no dominant subject leaves bare uses unspecified', () => {
    const c = analysePaper(
      makePaper([
        { title: 'Working lives of hospital pharmacists' },
        { heading: 'Results' },
        { paragraph: 'Some pharmacists valued peer support groups. Others valued peer relationships at work. A few talked with peers.' },
      ]),
    );
    expect(senses(c, 'peer')).toEqual(['peer→support', 'peer→relationship', 'peers→unspecified']);
  });

  it('peer review in any paper is never taken for the subject', () => {
    const c = analysePaper(
      makePaper([
        { title: 'Peer support by phone after stroke' },
        { heading: 'Methods' },
        { paragraph: 'Peer supporters called weekly. The protocol underwent peer review.' },
      ]),
    );
    expect(senses(c, 'peer')).toEqual(['Peer→support', 'Peer→support', 'peer→review']);
  });

  it('uses in reference entries keep their own sense', () => {
    const c = analysePaper(
      makePaper([
        { title: 'Online peer support for carers' },
        { heading: 'Methods' },
        { paragraph: 'Peer supporters moderated the forum. Carers wrote to peers.' },
        { heading: 'References' },
        { reference: 'Lee A. Peers at school. J Educ. 2015;2:1-9.' },
      ]),
    );
    const ref = term(c, 'peer').occurrences.find((o) => o.inReference)!;
    expect(ref.sense).toBe('unspecified');
  });
});

describe('role nouns and relationship words from the issue\'s list', () => {
  it.each([
    ['Peer moderators removed harmful posts.', 'support'],
    ['Peer navigators helped patients find services.', 'support'],
    ['Peer norms shape drinking at university.', 'relationship'],
    ['Adolescents compared with their peers reported more worry.', 'relationship'],
    ['Peer coaches helped participants use the app.', 'supported-intervention'],
  ])('%s', (sentence, sense) => {
    const c = analysePaper(makePaper([{ title: 'A study' }, { heading: 'Methods' }, { paragraph: sentence }]));
    expect(term(c, 'peer').occurrences[0]!.sense).toBe(sense);
  });
});
