/**
 * Funding statement (PRISMA 2020 item 25, PRISMA-Abstracts item 11): found when the paper names
 * its support, says it had none, or states the funder's role. Statements often sit inside the
 * acknowledgements, so back-matter phrases count there; in the body only unmistakable ones do
 * ("this study was funded by…"), never talk about funding of health services.
 */
import type { Check } from '../context';
import { findStatement, statementSpec, type StatementSpec } from '../statement-patterns';
import { COMPETING_INTERESTS } from './competing-interests';

/**
 * What follows "supported by" in a funding statement: a named body ("the Danish National Research
 * Foundation", "Taiwan Ministry…", "NIH") or a grant word, not "an analysis" or "risk assessments".
 */
const FUNDER = String.raw`(?:(?:the|a|an)\s+)?(?:[A-Z]|(?:[\w-]+\s+){0,3}?(?:grants?|funds?|funding|fellowships?|awards?|contracts?|scholarships?|studentships?)\b)`;

export const FUNDING: StatementSpec = statementSpec({
  heading:
    /\bfunding\b|\bfinancial (?:support|disclosures?)\b|\bsources? of (?:funding|support)\b|\bfinancing\b|\bgrant (?:support|information|disclosures?)\b|\brole of the fund(?:er|ers|ing source)\b|\bfinanciamento\b|\bfinanciaci[oó]n\b|\bfinanciamiento\b|\bfinancement\b|\bf[öo]rderung\b/i,
  label: [
    'funding(?:\\s+(?:sources?|information|statement|and support))?(?:\\s*/\\s*support)?',
    'sources?\\s+of\\s+(?:funding|support)',
    'financial\\s+(?:support|disclosures?)',
    'grant\\s+(?:support|disclosures?)',
    'financing',
    'role\\s+of\\s+the\\s+fund(?:er|ers|ing\\s+source)',
    '(?:fonte\\s+de\\s+)?financiamento',
    '(?:fuente\\s+de\\s+)?financiaci[oó]n',
  ].join('|'),
  phrases: [
    // "This work was supported by…", "The study was partly funded by…"
    new RegExp(
      String.raw`\b(?:[Tt]his|[Tt]he|[Oo]ur|[Pp]resent|[Cc]urrent)\s+(?:[\w-]+\s+){0,2}?(?:work|study|research|project|review|trial|paper|article|publication|analysis|survey|investigation|manuscript|programme|program|meta-analysis)\s+(?:[\w-]+\s+){0,2}?(?:was|were|is|has been|have been)\s+(?:\w+\s+)?(?:supported|funded|financed|sponsored|co-?funded)\s+(?:in part\s+|partly\s+|partially\s+|jointly\s+|(?:in|from|since|during)\s+(?:\w+\s+){1,3}?)?(?:by|through|from|under|with)\s+${FUNDER}`,
    ),
    /\b(?:grant|award|contract)\s+(?:no\.?|nos\.?|numbers?|#|ID|agreement(?:\s+no\.?)?)\s*:?\s*[A-Z0-9]/i,
    /\b(?:received|receive|obtained)\s+no\s+(?:specific\s+|external\s+|dedicated\s+|financial\s+|particular\s+|direct\s+)*(?:funding|grants?|financial support|sponsorship)\b/i,
    /\bno\s+(?:specific\s+|external\s+|financial\s+)?(?:funding|financial support|grants?)\s+(?:was|were|has been)\s+(?:received|obtained|provided|used)\b/i,
    /\bdid not receive any (?:specific |external )?(?:funding|grants?|financial support)\b/i,
    /\b(?:the\s+)?(?:funders?|sponsors?|funding (?:source|body|bodies|organi[sz]ations?|agenc(?:y|ies)))\s+(?:\w+\s+){0,3}?(?:had|have|has|played)\s+no\s+(?:\w+\s+)?role\b/i,
  ],
  backMatterPhrases: [
    new RegExp(
      String.raw`\b(?:[Ss]upported|[Ff]unded|[Ff]inanced|[Ss]ponsored)\s+(?:in part\s+|partly\s+|partially\s+|jointly\s+)?(?:by|through|from|under)\s+${FUNDER}`,
    ),
    /\b(?:financial|funding|grant|research)\s+support\s+(?:from|by|of|was provided)\b/i,
    // "Financial support was received for the research…", "Open access funding provided by…"
    /\b(?:financial support|funding)\s+(?:was\s+|were\s+)?(?:received|provided|obtained|granted)\s+(?:for|by|from)\b/i,
    /\bfor\s+(?:financial|funding|grant)\s+support\b/i,
    // "We thank the X Trust for funding this work."
    /\bfor\s+(?:funding|financing|sponsoring|financially supporting)\s+(?:this|the|our)\s+(?:[\w-]+\s+)?(?:work|study|research|project|trial|review|analysis|programme|program)\b/i,
    // "X is acknowledged for funding in terms of a fellowship", "We gratefully acknowledge Y for financial support"
    /\b(?:acknowledged|acknowledges?|thanked|thank|grateful)\b[^.;]{0,80}?\bfor\s+(?:the\s+|their\s+|its\s+|his\s+|her\s+)?(?:funding|financial support|financing|(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:grant|fellowship|scholarship|studentship))\b/i,
    /\b(?:holds?|held|awarded|received)\s+(?:a|an)\s+(?:[\w-]+\s+){0,4}?(?:fellowship|grant|studentship|scholarship|award)\b/i,
  ],
  notUnder: COMPETING_INTERESTS.heading,
  headingBodyCue:
    /\b(?:fund\w*|support\w*|grants?|financ\w*|sponsor\w*|fellowship|award\w*|none|not applicable|no role|bolsa|beca)\b/i,
});

export const funding: Check = {
  id: 'funding',
  run(ctx) {
    const match = findStatement(ctx, FUNDING);
    ctx.critique.statements.funding = { found: match.found, evidence: match.evidence };
    if (match.found) return;
    ctx.addFinding({
      kind: 'missing-funding',
      theme: 'statements',
      severity: 'concern',
      summary:
        'No funding statement was found (looked for: a "Funding", "Financial disclosure" or "Role of the funding source" section or label, ' +
        'and sentences such as "this work was supported by…", "received no specific funding" or "the funders had no role…", including inside the acknowledgements). ' +
        'It is not reported in the text read.',
      evidence: [],
    });
  },
};
