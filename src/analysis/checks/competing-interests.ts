/**
 * Competing-interests statement (PRISMA 2020 item 26, ICMJE): found when the paper has one,
 * including "None declared". Vocabulary after rtransparent's COI heading and phrase families.
 */
import type { Check } from '../context';
import { findStatement, statementSpec, type StatementSpec } from '../statement-patterns';

export const COMPETING_INTERESTS: StatementSpec = statementSpec({
  heading:
    /\b(?:competing|conflicts?|conflicting|potential conflicts?)\s+(?:of\s+)?(?:financial\s+)?interests?\b|\bdeclarations?\s+of\s+(?:competing\s+|conflicting\s+)?interests?\b|(?<!(?:financial|grant|funding)\s)\bdisclosures?\b|\bduality of interests?\b|\bconflito[s]? de interesse|\bconflicto[s]? de inter[eé]s|\bconflits? d['’]int[ée]r[êe]ts?\b|\binteressenkonflikt/i,
  label: [
    '(?:potential\\s+)?conflicts?\\s+of\\s+interests?(?:\\s+(?:statement|disclosures?))?',
    'competing\\s+(?:financial\\s+)?interests?',
    'declarations?\\s+of\\s+(?:competing\\s+|conflicting\\s+)?interests?',
    'declaration\\s+of\\s+conflicting\\s+interests',
    '(?<!(?:financial|grant|funding)\\s)disclosures?',
    'duality\\s+of\\s+interests?',
    'conflitos?\\s+de\\s+interesses?',
    'conflictos?\\s+de\\s+inter[eé]s(?:es)?',
  ].join('|'),
  phrases: [
    // "The authors declare that they have no competing interests", "The author has no conflicts of interest to declare"
    /\b(?:authors?|we|I)\b[^.;]{0,40}?\b(?:declares?|declared|reports?|reported|states?|stated|discloses?|disclosed|has|have|had|confirms?)\b[^.;]{0,40}?\b(?:no|not? (?:have )?any|none|nothing)\b[^.;]{0,50}?\b(?:competing|conflicts?|conflicting|financial|commercial|dualit(?:y|ies))\b[^.;]{0,30}?\binterests?\b/i,
    /\bno (?:potential |known |relevant |other |financial |actual )*(?:competing|conflicts?|conflicting) (?:of )?(?:financial )?interests?\b[^.;]{0,40}?\b(?:exists?|declared|to declare|to disclose|to report|relevant to|were (?:declared|reported|identified)|are (?:declared|reported))\b/i,
    // BMJ: "All authors have completed the ICMJE uniform disclosure form … and declare: …"
    /\bcompleted the ICMJE (?:uniform )?disclosure form\b/i,
    /\bin the absence of any commercial or financial relationships that could be construed as a potential conflict of interest/i,
    /\b(?:competing|conflicts? of) interests?\b\s*[:.]?\s*(?:none|nil)\b(?:\s+declared)?/i,
  ],
  backMatterPhrases: [
    /\b(?:is|are|was|were|has been|have been)\s+(?:an?\s+)?(?:paid\s+|unpaid\s+|former\s+)?(?:consultants?|employees?|shareholders?|stockholders?|advisors?|advisers?|board members?|speakers?)\b/i,
    /\b(?:received|receives|has received|have received|reports? (?:receiving|grants|personal fees))\b[^.;]{0,60}\b(?:honorari\w*|fees|royalt\w*|travel|speaker\w*|consult\w*|personal fees|stock)\b/i,
    /\b(?:holds?|owns?|has|have)\s+(?:a\s+)?(?:patents?|shares|stock|equity|royalty interest)\b/i,
    /\b(?:serves?|served|sits?) on (?:the )?(?:scientific |medical )?advisory boards?\b/i,
    /^(?:none|nil|nothing to declare|none declared|no conflicts? declared)\.?$/i,
  ],
  // Under a matching heading, a paragraph must read like a declaration unless it sits in the declarations.
  headingBodyCue:
    /\b(?:declare[sd]?|declaring|none|nil|nothing|no|not|received|receives|consult\w*|honorari\w*|fees?|grants?|stock|shares|shareholder|patents?|employ\w*|board|advis\w*|speaker|royalt\w*|funded|funding|owns?|holds?|paid|disclose[sd]?)\b/i,
});

export const competingInterests: Check = {
  id: 'competing-interests',
  run(ctx) {
    const match = findStatement(ctx, COMPETING_INTERESTS);
    ctx.critique.statements.competingInterests = { found: match.found, evidence: match.evidence };
    if (match.found) return;
    ctx.addFinding({
      kind: 'missing-competing-interests',
      theme: 'statements',
      severity: 'concern',
      summary:
        'No competing-interests statement was found (looked for: a "Competing interests", "Conflict of interest", ' +
        '"Declaration of interests" or "Disclosures" section or label, and sentences such as "the authors declare no competing interests"). ' +
        'It is not reported in the text read; it may sit on the journal page outside the article.',
      evidence: [],
    });
  },
};
