/**
 * Patient, public and lived-experience involvement in the research (GRIPP2, BMJ PPI statements,
 * Lancet Psychiatry 2024). A claim of involvement should say *who* was involved, at *which stages*,
 * and with what *influence* (Colder Carras et al. 2023); a claim missing any of them is reported as
 * vague. "Patients were not involved" is a statement too (reported, negative).
 * Participants "involved in the trial" and "public involvement in health policy" are not claims.
 */
import type { Check } from '../context';
import type { Sentence } from '../text';
import { findStatement, statementSpec, isResearchWithPeople, listWords, type StatementSpec } from '../statement-patterns';
import { COMPETING_INTERESTS } from './competing-interests';
import { FUNDING } from './funding';

const PEOPLE =
  String.raw`(?:people|persons|individuals|service[- ]users?|patients?|consumers?|carers?|caregivers?|members of the public|(?:the\s+)?public|young people|youth|peers?|survivors|family members|parents|mothers|fathers|families|community members)`;
const STAGE =
  String.raw`(?:design\w*|development|develop(?:ing)?|conduct\w*|analys\w*|analy[sz]\w*|interpret\w*|dissemination|disseminating|recruitment|recruiting|planning|writing|drafting|prioriti\w+|research questions?|outcome measures?|protocol|materials|(?:every|all|each) stages?|the research process|data collection|coding|piloting)`;

/**
 * Members of a community a study may be about, as the subject of an involvement sentence ("autistic
 * students", "mothers", "people who use drugs"). Only used together with an involvement verb or an
 * advisory group, never alone: "students were recruited" is about participants.
 */
const COMMUNITY =
  String.raw`(?:people|persons|individuals|adults|young people|youth|adolescents|children|women|men|mothers|fathers|parents|families|family members|carers|caregivers|students|graduates|pupils|patients|service[- ]users|consumers|survivors|veterans|residents|citizens|community members|members of the public|people who use drugs)`;

/** Professional groups: an advisory board of clinicians or academics is expert advice, not involvement. */
const PROFESSIONALS =
  String.raw`(?:clinicians?|experts?(?!\s+by)|academics?|researchers?|scientists?|statisticians?|professionals?|psychiatrists?|psychologists?|physicians?|doctors?|nurses?|pharmacists?|practitioners?|methodologists?|epidemiologists?|economists?|policy ?makers?|industry|investigators?|specialists?|faculty|funders?|sponsors?|managers?|commissioners?|staff|employees|officials|independent)`;

/**
 * What involved people do to a study: design, advise, review, test… ("helped design the scheme",
 * "advised on recruitment", "reviewed the questionnaires", "co-produced the intervention").
 */
const INVOLVEMENT_VERB =
  String.raw`(?:co-?(?:designed|produced|developed|created|wrote|authored|led|facilitated|analy[sz]ed|delivered|ran|chaired)|helped\s+(?:us\s+)?(?:to\s+)?(?:design|develop|shape|plan|write|draft|analy[sz]e|interpret|refine|recruit|disseminate|choose|select|prioriti[sz]e|set|frame|word|adapt|test|pilot|run|deliver|facilitate|create|produce|review)|advised\s+(?:on|us|the)|reviewed|commented\s+on|piloted|(?:pre-?)?tested|refined|shaped|guided|oversaw|contributed\s+to|(?:were|was)\s+consulted|provided\s+(?:\w+\s+)?(?:feedback|input|advice|comments)|gave\s+(?:\w+\s+)?(?:feedback|input|advice|comments)|(?:sat|served)\s+on|took\s+part\s+in\s+(?:the\s+)?(?:design|development|planning|analysis|interpretation|writing))`;

/** Things a study makes that involved people shape (the object of "co-designed"). */
const STUDY_THING =
  String.raw`(?:study|research|trial|project|intervention|app|application|content|materials?|programme|program|scheme|tool|toolkit|resources?|questionnaires?|surveys?|interview (?:guides?|schedules?|questions)|topic guides?|protocol|outcomes?|measures?|design|website|platform|training|curriculum|information|model|framework|analysis|findings|recommendations)`;

/** Matches `words` in any letter case; for patterns that must stay case-sensitive elsewhere. */
function anyCase(words: string): string {
  return words.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
}

/** Statements that no involvement took place. */
const NEGATIVE: RegExp[] = [
  new RegExp(String.raw`\b${PEOPLE}\b[^.;]{0,60}?\b(?:were|was)\s+not\s+(?:\w+\s+)?(?:involved|engaged|consulted)\b`, 'i'),
  new RegExp(String.raw`\bno\s+${PEOPLE}\b[^.;]{0,60}?\b(?:were|was)\s+(?:\w+\s+)?(?:involved|engaged|consulted)\b`, 'i'),
  /\bno\s+(?:patient|public|patient and public|PPIE?|lived[- ]experience|service[- ]user|consumer|community)\s+(?:and public\s+)?(?:involvement|engagement|input)\b/i,
  /\bnot\s+(?:appropriate|possible|feasible)\b[^.;]{0,40}\binvolve\b/i,
  // Not "did not include patients": that is how reviews state their eligibility criteria.
  new RegExp(String.raw`\bdid not (?:involve|engage)\s+${PEOPLE}`, 'i'),
  /\bwithout\s+(?:patient|public|PPIE?|lived[- ]experience|service[- ]user)\s+(?:involvement|input|engagement)\b/i,
];

/** "People with lived experience were involved in the design": involvement in a stage of research. */
const INVOLVED_IN_STAGE = new RegExp(
  String.raw`\b${PEOPLE}(?:\s+with\s+(?:[\w-]+\s+){0,4}?(?:lived experience|experience of [\w\s-]{1,30}?))?\s+(?:were|was|have been|had been)\s+(?:actively\s+|closely\s+|meaningfully\s+|also\s+)?(?:involved|engaged|consulted)\s+(?:in|throughout|at|during|with)\s+(?:[\w-]+\s+){0,3}?${STAGE}\b`,
  'i',
);

/** Claims specific enough to count anywhere but an introduction; they say that people were involved. */
const SPECIFIC_CLAIMS: RegExp[] = [
  /\b(?:lived[- ]experience|service[- ]user|consumer|patient|PPIE?|public|carer|youth|young people'?s?|experts?[- ]by[- ]experience)\s+(?:advisory|reference|steering|expert|research|involvement)\s+(?:group|panel|board|committee|council|network)\b/i,
  /\bpeer\s+(?:researchers?|research assistants?|interviewers?|co-?researchers?)\b/i,
  /\blived[- ]experience\s+(?:researchers?|co-?researchers?|consultants?|advisors?|advisers?|experts?|partners?|co-?authors?|leads?)\b/i,
  /\b(?:service[- ]user|consumer|patient|public|carer)\s+(?:researchers?|co-?researchers?|representatives?|advisors?|advisers?|partners?|co-?authors?)\b/i,
  INVOLVED_IN_STAGE,
  /\b(?:this|the|our)\s+(?:study|research|project|review|intervention|protocol|work|paper|survey|evaluation|programme|program|app|tool|platform|interview guide)\b[^.;]{0,40}?\b(?:was|were|has been|is)\s+(?:\w+\s+)?co-?(?:produced|designed|developed|created|led|authored)\b/i,
  new RegExp(String.raw`\bco-?(?:produced|designed|developed|created)\s+(?:with|by|alongside|together with)\s+(?:[\w-]+\s+){0,4}?${PEOPLE}`, 'i'),
  /\bwe\s+(?:\w+\s+)?co-?(?:produced|designed|developed)\b[^.;]{0,60}\bwith\b/i,
  // "in partnership with people with lived experience of psychosis"
  /\bin\s+(?:close\s+|equal\s+)?(?:partnership|collaboration)\s+with\s+(?:[\w-]+\s+){0,4}?(?:with|who have|who had)\s+(?:[\w-]+\s+){0,2}?lived[- ]experience\b/i,
];

/** Mentions of the practice by name: a statement, but they do not say anyone was involved. */
const NAMED_PRACTICE: RegExp[] = [
  /\bGRIPP-?2?\b/,
  /\bpatient (?:and|&) public involvement\b/i,
  /\bPPIE?\b(?=[^.;]{0,60}\b(?:involv\w*|group|panel|members?|contribut\w*|advis\w*|represent\w*|consult\w*))/,
];

const CLAIMS: RegExp[] = [...SPECIFIC_CLAIMS, ...NAMED_PRACTICE];

/**
 * Sentences about the people studied rather than people shaping the study: "participants with lived
 * experience reviewed their transcripts" (member checking), "students were recruited".
 */
const PARTICIPANT_CONTEXT = String.raw`\b${anyCase('(?:participants|respondents|interviewees)')}\b(?!\s+(?:materials|information))|\b(?:were|was)\s+(?:recruited|enrolled|randomi[sz]ed|sampled)\b|\b${anyCase('(?:eligible|inclusion criteria)')}\b`;

/**
 * `re`, except in a sentence about participants. Its source is the one-regex form
 * `^(?![\s\S]*(?:context))[\s\S]*?re`, kept for `exec`/`match`; `test` (all the checks use) gives
 * the same answer as two plain regexes — `re` anywhere, then no participant context anywhere —
 * which skips the whole-sentence lookahead for the many sentences `re` rules out.
 */
class UnlessParticipants extends RegExp {
  private readonly claim: RegExp;
  private readonly context: RegExp;
  constructor(re: RegExp) {
    super(String.raw`^(?![\s\S]*(?:${PARTICIPANT_CONTEXT}))[\s\S]*?` + re.source, re.flags);
    this.claim = new RegExp(re.source, re.flags);
    this.context = new RegExp(`(?:${PARTICIPANT_CONTEXT})`, re.flags);
  }
  override test(text: string): boolean {
    return this.claim.test(text) && !this.context.test(text);
  }
}

function notAboutParticipants(re: RegExp): RegExp {
  if (re.global || re.sticky) throw new Error('notAboutParticipants: global or sticky regexes keep state between tests');
  return new UnlessParticipants(re);
}

/**
 * Claims in general words that describe involvement only where a paper reports what it did
 * (Methods, declarations): in Results the same words may describe the people studied.
 */
const PROCEDURAL_CLAIMS: RegExp[] = [
  // "A reference group of service users…", "an advisory panel including two carers…"
  new RegExp(
    String.raw`\b(?:advisory|reference|steering)\s+(?:group|panel|board|committee)\s+(?:of|with|comprising|including|made up of)\s+(?!the\s)(?:[\w-]+\s+){0,4}?${PEOPLE}\b`,
    'i',
  ),
  // "An advisory group of four autistic students and graduates helped design the scheme": the group's
  // members are named in lower case (an organisation — "the advisory board of the National X" — is not),
  // are not professionals, and the group does something to the study.
  new RegExp(
    String.raw`\b${anyCase('(?:advisory|reference|steering|consultation|working|project|co-?design|community|stakeholder)')}\s+${anyCase('(?:group|panel|board|committee|council|forum)')}\s+(?:of|with|comprising|including|made up of|consisting of|composed of|formed of|drawn from)\s+(?!(?:the|this|that|its|their|his|her)\s)(?![^.;]{0,60}\b${PROFESSIONALS}\b)(?:[a-z0-9][^.;]{0,60}?)?\b(?:${COMMUNITY}|lived[- ]experience|people who)\b[^.;]{0,100}?\b${INVOLVEMENT_VERB}\b`,
  ),
  // A group named after the community it comes from: "community advisory board", "parent advisory group".
  new RegExp(
    String.raw`\b(?:community|parent|parents'?|family|families'?|carer|caregiver|student|youth|autistic|autism|survivor|veteran|citizen|resident|women'?s|user|people'?s)\s+(?:advisory|reference|steering)\s+(?:groups?|panels?|boards?|committees?|council|councils|forums?)\b`,
    'i',
  ),
  // "Mothers with lived experience of postnatal depression co-designed the app content"
  new RegExp(String.raw`\b(?:with|who have|who had|having)\s+(?:[\w-]+\s+){0,3}?lived[- ]experience\b[^.;]{0,120}?\b${INVOLVEMENT_VERB}\b`, 'i'),
  // "The sessions were designed with young adults and peer workers", "adapted in partnership with carers"
  new RegExp(
    String.raw`\b(?:co-?)?(?:designed|developed|adapted|created|refined|tailored|produced)\s+(?:[\w-]+\s+){0,2}?(?:with|together with|alongside|in (?:close\s+)?(?:partnership|collaboration) with)\s+(?!(?:the|a|an)\s+(?:help|support|aid|use)\b)(?:[\w-]+\s+){0,3}?(?:${COMMUNITY}|lived[- ]experience)\b`,
    'i',
  ),
  // "Autistic adults co-produced the training materials"
  new RegExp(
    String.raw`\b${COMMUNITY}\b[^.;]{0,60}?\bco-?(?:designed|produced|developed)\s+(?:[\w-]+\s+){0,3}?${STUDY_THING}\b`,
    'i',
  ),
].map(notAboutParticipants);

/** Reference to the study at hand, so that a declaration sentence is about involvement *in it*. */
const THIS_RESEARCH =
  /\b(?:this|the present|the current|our)\s+(?:[\w-]+\s+){0,2}?(?:study|research|review|trial|project|work|paper|article|analysis|evaluation|programme|program|intervention|protocol|manuscript)\b|\bthe (?:study|trial|review|research)\b/i;

/**
 * A sentence in a competing-interests, funding or contributions declaration counts only when it
 * explicitly describes involvement in this research ("The lived experience advisory panel for this
 * trial was paid for its time"), not a seat on some organisation's board.
 */
function describesInvolvementInThisResearch(sentence: string): boolean {
  if (!CLAIMS.some((re) => re.test(sentence)) && !PROCEDURAL_CLAIMS.some((re) => re.test(sentence))) return false;
  return THIS_RESEARCH.test(sentence) || INVOLVED_IN_STAGE.test(sentence);
}

const CONTRIBUTIONS_HEADING = /\bauthors?['’]?s?\s+contributions?\b|\bcontributors(?:hip)?\b|\bCRediT\b/i;
const CONTRIBUTIONS_LABEL = String.raw`authors?['’]?s?\s+contributions?|contributors(?:hip)?`;

export const INVOLVEMENT: StatementSpec = statementSpec({
  // Headings that name the practice. "User engagement" (app use) and "community participation" (a
  // measured outcome) are not among them; PPI only as a heading of its own ("PPI", "PPI statement").
  heading: new RegExp(
    [
      String.raw`\b(?:patient|public|community|consumer|service[- ]user|user|youth|citizen|lived[- ]experience)s?(?:\s+(?:and|&)\s+(?:public|community|carer|family|patient)s?)?\s+(?:involvement|partnership|co-?production)\b`,
      String.raw`\bpatient (?:and|&) public engagement\b|\blived[- ]experience (?:engagement|leadership|partnership)\b`,
      String.raw`\binvolvement (?:statement|of (?:people|patients|service users|consumers|carers|the public|young people|communit\w+))\b`,
      String.raw`\bpartnership with (?:people|persons|individuals|communities|patients|service users|consumers)\b`,
      String.raw`\bco-?production statement\b|\bGRIPP`,
      String.raw`^\s*(?:[\d.]+\s*)?PPIE?(?:\s+statement)?\s*$|\bPPIE?\s+(?:statement|involvement|engagement|group|panel)\b|\(PPIE?\)`,
    ].join('|'),
    'i',
  ),
  label: [
    'patient\\s+(?:and|&)\\s+public\\s+involvement(?:\\s+statement)?',
    'public\\s+involvement(?:\\s+statement)?',
    'PPIE?(?:\\s+statement)?',
    'lived\\s+experience\\s+(?:involvement|engagement)',
    '(?:service\\s+user|consumer|community)\\s+involvement',
    'involvement\\s+statement',
  ].join('|'),
  phrases: [...CLAIMS, ...NEGATIVE],
  methodsPhrases: PROCEDURAL_CLAIMS,
  excludeRoles: ['introduction'],
  // A protocol's introduction often reports the team's own formative co-design work.
  ownWorkInExcludedRoles: true,
  rejectSentence: /\b(?:should|could|would|must|need(?:s)? to|recommend\w*|future (?:research|studies|work|trials))\b/i,
  headingAnywhere: true,
  headingExcludeRoles: ['introduction', 'results'],
  // Under an involvement heading, text that states something (a few words) is the statement, unless
  // the heading names a measured variable ("Community involvement was assessed with five items").
  headingBodyCue:
    /^(?![\s\S]*(?:\b(?:was|were)\s+(?:measured|assessed|operationali[sz]ed|scored|rated|coded)\b|\bLikert\b|\bsubscales?\b|\bCronbach|\b\d+[- ]items?\b))[\s\S]*?\b\w+\b(?:\W+\w+){3,}/i,
  foreignDeclarations: {
    heading: new RegExp(`${COMPETING_INTERESTS.heading.source}|${FUNDING.heading.source}|${CONTRIBUTIONS_HEADING.source}`, 'i'),
    label: [COMPETING_INTERESTS.label, FUNDING.label, CONTRIBUTIONS_LABEL].join('|'),
    accept: describesInvolvementInThisResearch,
  },
});

/** Who was involved: a number of people, a named group, a role, or people named by their experience. */
const WHO = new RegExp(
  [
    String.raw`\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a group of)\s+(?:[\w-]+\s+){0,4}?(?:people|persons|individuals|members|service users?|patients|consumers|carers|caregivers|advisors?|advisers?|representatives?|young people|co-?researchers?|researchers|experts?|partners|peers?|adults|women|men|mothers|fathers|parents|families|students|graduates|veterans|survivors|residents)\b`,
    String.raw`\b(?:two|three|four|five|six|\d+)\s+of\s+(?:them|whom)\b`,
    String.raw`\b(?:advisory|reference|steering)\s+(?:group|panel|board|committee|council)\b`,
    String.raw`\bpeer\s+(?:researchers?|research assistants?|interviewers?|co-?researchers?)\b`,
    String.raw`\blived[- ]experience\s+(?:researchers?|co-?researchers?|consultants?|advisors?|advisers?|experts?|partners?|co-?authors?|leads?)\b`,
    String.raw`\b(?:service[- ]user|consumer|patient|public|carer)\s+(?:researchers?|co-?researchers?|representatives?|advisors?|advisers?|partners?|co-?authors?)\b`,
    String.raw`\bco-?authors?\b|\bexperts?\s+by\s+(?:lived\s+)?experience\b`,
    // "mothers with lived experience of postnatal depression": the experience names who they are.
    String.raw`\bwith\s+(?:[\w-]+\s+){0,2}?lived[- ]experience\s+of\s+\w`,
  ].join('|'),
  'i',
);
/** Which stages: the objects of the involvement verbs (design, materials, recruitment, analysis…). */
const STAGES = new RegExp(
  String.raw`\b(?:${STAGE}|interviews|write-?up|collect(?:ed|ing) (?:the )?data|interview (?:guides?|schedules?|topics?|questions)|topic guides?|questionnaires?|surveys?|outcomes?|(?:participant|study|recruitment|information) (?:materials|sheets?)|wording|grant applications?|funding applications?|research questions?)\b`,
  'i',
);
/** What difference it made: a change the text attributes to the involvement. */
const INFLUENCE =
  /\b(?:changed?|changes|shaped|led to|led (?:us|the (?:team|researchers|authors))\s+to|informed|decision[- ]making|decisions?|co-?authors?|as a result|resulted in|influenced|revised|modified|amended|adapted|refined|incorporated|in response to|(?:we|they)\s+(?:then\s+)?(?:added|removed|dropped|reworded|rewrote|simplified|shortened|replaced))\b/i;

export const involvement: Check = {
  id: 'involvement',
  run(ctx) {
    const match = findStatement(ctx, INVOLVEMENT);
    const { paper, sentences } = ctx;

    // The text that describes the involvement: whole blocks under a heading or label, otherwise the
    // matched sentence and the two after it in its paragraph.
    const parts: string[] = [];
    for (const id of match.headedBlockIds) parts.push(paper.blocks[id]!.text);
    for (const s of match.sentences) {
      if (match.headedBlockIds.includes(s.blockId)) continue;
      parts.push(...followingSentences(sentences, s, 2).map((x) => x.text));
    }
    const described = parts.join(' ');
    const negative = match.found && NEGATIVE.some((re) => re.test(described)) && !claimedPositively(described);

    const report = {
      found: match.found,
      evidence: match.evidence,
      ...(match.found && !negative
        ? { who: WHO.test(described), stages: STAGES.test(described), influence: INFLUENCE.test(described) }
        : {}),
      ...(negative ? { negative: true } : {}),
    };
    ctx.critique.statements.involvement = report;

    if (!match.found) {
      ctx.addFinding({
        kind: 'missing-involvement',
        theme: 'statements',
        // A newer norm for research with people; elsewhere (cells, materials) only a note.
        severity: isResearchWithPeople(ctx) ? 'caution' : 'info',
        summary:
          'No patient, public or lived-experience involvement statement was found (looked for: a "Patient and public involvement" section, ' +
          'PPI/PPIE, GRIPP2, lived-experience advisory groups, peer researchers, co-production with service users, ' +
          'or a statement that nobody was involved). It is not reported; Lancet Psychiatry and the BMJ ask for one either way.',
        evidence: [],
      });
      return;
    }
    if (negative) return;
    const missing: string[] = [];
    if (!report.who) missing.push('who was involved');
    if (!report.stages) missing.push('at which stages');
    if (!report.influence) missing.push('what difference their involvement made');
    if (!missing.length) return;
    ctx.addFinding({
      kind: 'involvement-vague',
      theme: 'statements',
      severity: 'caution',
      detail: missing.map((m) => m.split(' ')[0]).join('-'),
      summary: `Involvement is claimed but the paper does not say ${listWords(missing)} (Colder Carras et al. 2023 ask for all three).`,
      evidence: match.evidence,
    });
  },
};

/** A positive claim that is not itself a negation ("patients were not involved in the design" is negative). */
function claimedPositively(text: string): boolean {
  const withoutNegations = NEGATIVE.reduce((t, re) => t.replace(new RegExp(re.source, 'gi'), ' '), text);
  return [...SPECIFIC_CLAIMS, ...PROCEDURAL_CLAIMS].some((re) => re.test(withoutNegations));
}

function followingSentences(all: Sentence[], s: Sentence, n: number): Sentence[] {
  const i = all.indexOf(s);
  const out = [s];
  for (let j = i + 1; j < all.length && out.length <= n; j++) {
    if (all[j]!.blockId !== s.blockId) break;
    out.push(all[j]!);
  }
  return out;
}
