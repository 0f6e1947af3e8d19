/**
 * Positionality / reflexivity statement: who the authors are in relation to the topic (lived
 * experience, insider/outsider, discipline, identity) and how that shaped the work. A newer norm
 * (Lancet Psychiatry 2024 encourages declaring "a position of lived experience"), so its absence is
 * "not reported", a caution rather than a concern.
 */
import type { Check } from '../context';
import { findStatement, statementSpec, isResearchWithPeople, type StatementSpec } from '../statement-patterns';

export const POSITIONALITY: StatementSpec = statementSpec({
  heading:
    /\b(?:positionality|reflexivity|researcher (?:positions?|reflexivity|characteristics|background)|(?:author|authors'?|researchers?'?) (?:positionality|reflexivity|positions?)|reflexive statement|statement of positionality)\b/i,
  label: [
    '(?:author(?:s\'?)?\\s+|researcher\\s+)?positionality(?:\\s+statement)?',
    '(?:author(?:s\'?)?\\s+|researcher\\s+)?reflexivity(?:\\s+statement)?',
  ].join('|'),
  phrases: [
    /\b(?:I|we)\s+(?:each\s+|both\s+|all\s+)?identify\s+as\b/,
    /\b(?:first|lead|senior|last|second|third|corresponding|principal)\s+(?:author|researcher|investigator)\b[^.;]{0,80}?\b(?:lived (?:and living )?experience|identif\w+ as|(?:is|was) (?:an?|the)\s+(?:[\w-]+\s+){0,4}?(?:woman|man|person|survivor|service user|peer (?:worker|supporter|specialist)|carer|parent|member of)|insider|outsider)\b/i,
    /\bauthors?\b[^.;]{0,30}?\b(?:with|who have|who has|have|has|bring|brings|share|draw(?:s|ing)? on)\s+(?:their\s+|his\s+|her\s+)?(?:own\s+|personal\s+)?lived (?:and living )?experience\b/i,
    /\b(?:our|my)\s+(?:own\s+)?(?:positions?|positionalit(?:y|ies)|standpoints?|identities|social locations?)\s+(?:as|in relation to|within)\b/i,
    /\b(?:our|my)\s+(?:own\s+)?(?:personal\s+)?lived (?:and living )?experiences?\b(?![\s-]+(?:advisory|reference|expert|steering|panel|group|board|committee|researchers?|co-?researchers?|partners?|members?|workers?|team|consultants?))/i,
    /\bwe approached (?:this|the) (?:work|study|research|review|analysis) (?:as|from)\b/i,
    /\b(?:I|we)\s+approach(?:ed)? (?:this|the) (?:work|study|research|review|analysis) from\b/i,
    /\bas\s+(?:researchers|authors|clinicians|scholars|academics|white|black|women|men|people|a team)\b[^.;]{0,60}?\b(?:we|our)\s+(?:\w+\s+){0,3}?(?:recogni[sz]e|acknowledge|reflect|bring|brought|position|(?:are|were|remain|remained)\s+(?:aware|conscious|mindful))\b/i,
    /\binsider(?:\s*\/\s*|\s+(?:or|and)\s+|-)outsider\b|\b(?:insider|outsider)\s+(?:status|position|perspective|researchers?)\b/i,
    /\breflexiv(?:ity|e (?:journal|diary|diaries|notes|memos?|statement|practice|discussions?))\b/i,
    /\b(?:I|we)\s+(?:\w+\s+)?reflected on (?:our|my) (?:own )?(?:positions?|assumptions|biases|roles?|backgrounds?|experiences)\b/i,
    /\bwrit(?:e|ing|ten) from (?:a|the|our|my) (?:position|perspective|standpoint) of lived experience\b/i,
    // The authors' own stance on a commentary: "presented here from the perspective of both
    // clinicians and engineers", "we write as psychiatrists". Not a study's aim ("we explored
    // barriers from the perspective of nurses"): the lookahead at its start refuses exploring verbs.
    /^(?![\s\S]*\b(?:explor|examin|investigat|assess|elicit|interview|survey|captur)\w*)[\s\S]*?\b(?:presented|written|offered|discussed|argued|told|we write)\b[^.;]{0,120}?\bfrom (?:the|our|my) (?:(?:joint|combined|shared|dual)\s+)?(?:perspectives?|standpoints?|vantage points?) (?:of|as)\b/i,
    /\b(?:I|we) write (?:here )?as (?:a |an )?(?:[\w-]+\s+){0,3}?(?:clinicians?|researchers?|practitioners?|peer workers?|service users?|survivors?|carers?|parents?|psychiatrists?|psychologists?|nurses?|physicians?|scientists?|academics?|advocates?|people)\b/i,
    // "The interviewers self-identified as…", "our team includes researchers with lived experience"
    /\b(?:interviewers?|researchers?|authors?|facilitators?|coders?|analysts?|investigators?|team members?|moderators?)\b[^.;]{0,40}?\bself-identif\w*\s+as\b/i,
    /\b(?:our|the) (?:research |study |review |author(?:ship)? |writing )?team\b[^.;]{0,30}?\b(?:includ\w+|comprise[sd]?|comprising|consist\w* of|is made up of)\b[^.;]{0,80}?\b(?:with|who have|who had)\s+(?:their\s+)?(?:own\s+)?lived (?:and living )?experience\b/i,
  ],
  // Reviews of the literature talk about reflexivity without reporting their own.
  excludeRoles: ['introduction'],
  // "Positionality" / "Reflexivity" as a heading is specific wherever it sits (often in the methods).
  headingAnywhere: true,
});

export const positionality: Check = {
  id: 'positionality',
  run(ctx) {
    const match = findStatement(ctx, POSITIONALITY);
    ctx.critique.statements.positionality = { found: match.found, evidence: match.evidence };
    if (match.found) return;
    ctx.addFinding({
      kind: 'missing-positionality',
      theme: 'statements',
      // A newer norm for research with people; elsewhere (cells, materials) only a note.
      severity: isResearchWithPeople(ctx) ? 'caution' : 'info',
      summary:
        'A positionality or reflexivity statement is not reported (looked for: a positionality/reflexivity section, ' +
        "authors' own lived experience, \"our positions as…\", insider/outsider status, reflexive practice). " +
        'Without one, a reader cannot tell from which position (e.g. lived experience, profession, discipline) the authors approached the topic.',
      evidence: [],
    });
  },
};
