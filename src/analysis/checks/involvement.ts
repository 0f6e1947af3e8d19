/**
 * Patient, public and lived-experience involvement in the research (GRIPP2, BMJ PPI statements,
 * Lancet Psychiatry 2024). A claim of involvement should say *who* was involved, at *which stages*,
 * and with what *influence* (Colder Carras et al. 2023); a claim missing any of them is reported as
 * vague. "Patients were not involved" is a statement too (reported, negative).
 * Participants "involved in the trial" and "public involvement in health policy" are not claims.
 */
import type { Check } from '../context';
import type { Sentence } from '../text';
import { findStatement, isResearchWithPeople, listWords, type StatementSpec } from '../statement-patterns';

const PEOPLE =
  String.raw`(?:people|persons|individuals|service[- ]users?|patients?|consumers?|carers?|caregivers?|members of the public|(?:the\s+)?public|young people|youth|peers?|survivors|family members|parents)`;
const STAGE =
  String.raw`(?:design\w*|development|develop(?:ing)?|conduct\w*|analys\w*|analy[sz]\w*|interpret\w*|dissemination|disseminating|recruitment|recruiting|planning|writing|drafting|prioriti\w+|research questions?|outcome measures?|protocol|materials|(?:every|all|each) stages?|the research process|data collection|coding|piloting)`;

/** Statements that no involvement took place. */
const NEGATIVE: RegExp[] = [
  new RegExp(String.raw`\b${PEOPLE}\b[^.;]{0,60}?\b(?:were|was)\s+not\s+(?:\w+\s+)?(?:involved|engaged|consulted)\b`, 'i'),
  new RegExp(String.raw`\bno\s+${PEOPLE}\b[^.;]{0,60}?\b(?:were|was)\s+(?:\w+\s+)?(?:involved|engaged|consulted)\b`, 'i'),
  /\bno\s+(?:patient|public|patient and public|PPIE?|lived[- ]experience|service[- ]user|consumer)\s+(?:and public\s+)?(?:involvement|engagement|input)\b/i,
  /\bnot\s+(?:appropriate|possible|feasible)\b[^.;]{0,40}\binvolve\b/i,
  new RegExp(String.raw`\bdid not (?:involve|include|engage)\s+${PEOPLE}`, 'i'),
  /\bwithout\s+(?:patient|public|PPIE?|lived[- ]experience|service[- ]user)\s+(?:involvement|input|engagement)\b/i,
];

const CLAIMS: RegExp[] = [
  /\b(?:lived[- ]experience|service[- ]user|consumer|patient|PPIE?|public|carer|youth|young people'?s?|experts?[- ]by[- ]experience)\s+(?:advisory|reference|steering|expert|research|involvement)\s+(?:group|panel|board|committee|council|network)\b/i,
  new RegExp(
    String.raw`\b(?:advisory|reference|steering)\s+(?:group|panel|board|committee)\s+(?:of|with|comprising|including|made up of)\s+(?:[\w-]+\s+){0,4}?${PEOPLE}`,
    'i',
  ),
  /\bpeer\s+(?:researchers?|research assistants?|interviewers?|co-?researchers?)\b/i,
  /\blived[- ]experience\s+(?:researchers?|co-?researchers?|consultants?|advisors?|advisers?|experts?|partners?|co-?authors?|leads?)\b/i,
  /\b(?:service[- ]user|consumer|patient|public|carer)\s+(?:researchers?|co-?researchers?|representatives?|advisors?|advisers?|partners?|co-?authors?)\b/i,
  new RegExp(
    String.raw`\b${PEOPLE}(?:\s+with\s+(?:[\w-]+\s+){0,4}?(?:lived experience|experience of [\w\s-]{1,30}?))?\s+(?:were|was|have been|had been)\s+(?:actively\s+|closely\s+|meaningfully\s+|also\s+)?(?:involved|engaged|consulted)\s+(?:in|throughout|at|during|with)\s+(?:[\w-]+\s+){0,3}?${STAGE}\b`,
    'i',
  ),
  /\b(?:this|the|our)\s+(?:study|research|project|review|intervention|protocol|work|paper|survey|evaluation|programme|program|app|tool|platform|interview guide)\b[^.;]{0,40}?\b(?:was|were|has been|is)\s+(?:\w+\s+)?co-?(?:produced|designed|developed|created|led|authored)\b/i,
  new RegExp(String.raw`\bco-?(?:produced|designed|developed|created)\s+(?:with|by|alongside|together with)\s+(?:[\w-]+\s+){0,4}?${PEOPLE}`, 'i'),
  /\bwe\s+(?:\w+\s+)?co-?(?:produced|designed|developed)\b[^.;]{0,60}\bwith\b/i,
  /\bGRIPP-?2?\b/,
  /\bpatient (?:and|&) public involvement\b/i,
  /\bPPIE?\b(?=[^.;]{0,60}\b(?:involv\w*|group|panel|members?|contribut\w*|advis\w*|represent\w*|consult\w*))/,
];

export const INVOLVEMENT: StatementSpec = {
  heading:
    /\bpatient (?:and|&) public (?:involvement|engagement)\b|\bpublic (?:and patient )?involvement\b|\bPPIE?\b|\b(?:lived[- ]experience|service[- ]user|consumer|user|carer) (?:involvement|engagement|participation|partnership)\b|\binvolvement of (?:people|patients|service users|consumers)\b|\bco-?production statement\b|\bGRIPP/,
  label: [
    'patient\\s+(?:and|&)\\s+public\\s+involvement(?:\\s+statement)?',
    'public\\s+involvement(?:\\s+statement)?',
    'PPIE?(?:\\s+statement)?',
    'lived\\s+experience\\s+(?:involvement|engagement)',
    '(?:service\\s+user|consumer)\\s+involvement',
  ].join('|'),
  phrases: [...CLAIMS, ...NEGATIVE],
  excludeRoles: ['introduction'],
  rejectSentence: /\b(?:should|could|would|must|need(?:s)? to|recommend\w*|future (?:research|studies|work|trials))\b/i,
  headingAnywhere: true,
  headingBodyCue: /\b(?:involv\w+|engag\w+|consult\w+|advis\w+|co-?\w+|contribut\w+|not|none|no)\b/i,
};

const WHO =
  /\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a group of)\s+(?:[\w-]+\s+){0,4}?(?:people|persons|individuals|members|service users?|patients|consumers|carers|advisors?|advisers?|representatives?|young people|co-?researchers?|researchers|experts?|partners|peers?)\b|\b(?:advisory|reference|steering)\s+(?:group|panel|board|committee|council)\b|\bpeer\s+(?:researchers?|research assistants?|interviewers?|co-?researchers?)\b|\blived[- ]experience\s+(?:researchers?|co-?researchers?|consultants?|advisors?|advisers?|experts?|partners?|co-?authors?|leads?)\b|\b(?:service[- ]user|consumer|patient|public|carer)\s+(?:researchers?|co-?researchers?|representatives?|advisors?|advisers?|partners?|co-?authors?)\b|\bco-?authors?\b|\bexperts?\s+by\s+(?:lived\s+)?experience\b/i;
const STAGES = new RegExp(
  String.raw`\b(?:${STAGE}|interviews|write-?up|collect(?:ed|ing) (?:the )?data|interview (?:guides?|schedules?|topics?|questions)|grant applications?|funding applications?|research questions?)\b`,
  'i',
);
const INFLUENCE =
  /\b(?:changed?|changes|shaped|led to|informed|decision[- ]making|decisions?|co-?authors?|as a result|resulted in|influenced|revised|modified|amended|adapted|refined|incorporated|in response to)\b/i;

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
  return CLAIMS.slice(0, 9).some((re) => re.test(withoutNegations));
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
