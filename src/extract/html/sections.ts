/**
 * Heading wording → SectionRole, and inline declaration labels ("Funding:", "Competing interests").
 * Pure string code shared by the HTML extractor (and usable by other extractors).
 */
import type { SectionRole } from '../../analysis/model';

/** Strips numbering ("2.1", "IV.", "A.") and trailing punctuation from a heading. */
export function cleanHeading(text: string): string {
  return text
    .replace(/^\s*(?:(?:\d+|[IVXivx]+|[A-Z])(?:\.\d+)*\.?|§)\s+(?=\S)/, '')
    .replace(/[\s:.\u2014\u2013-]+$/, '')
    .trim();
}

// Order matters: the first rule whose pattern matches wins.
const HEADING_RULES: [RegExp, SectionRole][] = [
  [/^(?:structured |graphical |plain[- ]language |lay )?(?:abstract|summary|synopsis|résumé|resumen|resumo|highlights|key ?points)$/i, 'abstract'],
  // Anchored: "Reference DNAs" or "Cross-references to tables" are not reference lists.
  [/^(?:(?:selected |cited |additional |other |further |supplementary )?(?:references?|bibliography|literature)(?: (?:list|cited|and notes))?|notes and references|works cited|literature cited|cited literature|sources cited|referências(?: bibliográficas)?|referencias(?: bibliográficas)?|literatura(?: citada| consultada)?|bibliograf(?:ía|ia|ie)|literatur|literaturverzeichnis|quellen(?:verzeichnis)?|bibliographie|références(?: bibliographiques| citées)?|riferimenti(?: bibliografici)?|literatuur(?:lijst)?|referenser|referanser|referencer|litteratur(?:liste)?|lähteet|kirjallisuus|piśmiennictwo|kaynaklar|参考文献|文献)$/iu, 'references'],
  [/^(?:(?:references? to |characteristics of )?(?:the )?(?:studies|trials|articles|reports|papers) (?:included|excluded|awaiting|ongoing)|(?:included|excluded|ongoing) (?:studies|trials|articles|reports|papers)|references? to (?:the )?(?:included|excluded|ongoing)(?: studies| trials)?)\b(?!.*\bcharacteristics\b)/i, 'references'],
  [/\b(?:strengths? and (?:weaknesses|limitations)|limitations?|weaknesses)\b/i, 'limitations'],
  [/\b(?:acknowledge?ments?|acknowledgements? and funding)\b/i, 'acknowledgements'],
  [
    /\b(?:competing|conflicts?|declarations?|disclosures?|funding|financial (?:support|disclosure|interests?)|sources? of (?:support|funding)|role of the funding source|author(?:s'?|'s)? contributions?|contributorship|contributors|credit(?: authorship)? (?:author )?statement|ethics|ethical (?:approval|statement|considerations)|consent (?:for|to) publication|data (?:availability|sharing|access)|availability of (?:data|supporting)|code availability|statements?|trial registration|registration and protocol|patient and public involvement|author information|additional information|compliance with ethical|funding information|grant information)\b/i,
    'declarations',
  ],
  [/^(?:\d+\s*)?(?:introduction|background|rationale|overview|objectives?|aims?|context)\b/i, 'introduction'],
  [
    /\b(?:methods?|methodology|materials?|patients and|participants|study design|design|setting|search (?:strategy|methods)|information sources|eligibility|inclusion|exclusion|selection|data (?:extraction|collection|analysis|items|sources)|statistical analys[ie]s|statistics|risk of bias|quality assessment|procedures?|measures?|protocol|experimental|sample|analysis)\b/i,
    'methods',
  ],
  [/\bresults?\b|\bfindings\b|^outcomes?$/i, 'results'],
  [/\bdiscussion\b|^comment$|^interpretation$/i, 'discussion'],
  [/\bconclusions?\b|concluding remarks|^implications|^summary and conclusion/i, 'conclusion'],
];

/** The role a heading names, or null when its wording says nothing about it (e.g. "Study 2"). */
export function roleForHeading(text: string): SectionRole | null {
  const h = cleanHeading(text);
  if (!h || h.length > 120) return null;
  for (const [re, role] of HEADING_RULES) if (re.test(h)) return role;
  return null;
}

/** Lists of the studies a review includes (they carry `included: true`); shared with the analysis. */
export { INCLUDED_LIST_HEADING } from '../../analysis/included-studies';

/**
 * A paragraph that opens with a declaration label: "Funding: …", "<b>Competing interests</b> None.",
 * "Role of the funding source. …". Group 1 is the label as written.
 */
const DECLARATION_LABEL = new RegExp(
  '^\\s*(' +
    [
      'funding(?: (?:sources?|information|statement|source|and support|/support))?',
      'sources? of (?:funding|support)',
      'financial (?:support|disclosures?|interests?|relationships?)',
      'grant support',
      'conflicts? of interests?(?: statement| disclosure)?',
      'potential conflicts? of interests?',
      'competing (?:financial )?interests?(?: statement)?',
      'declarations? of (?:competing )?interests?',
      'declaration of conflicting interests',
      'disclosures?(?: statement)?',
      'duality of interest',
      'role of the funders?(?: source)?',
      'role of the funding source',
      'acknowledge?ments?',
      'author(?:s\'?|\'s)? contributions?',
      'contributors',
      'ethics (?:approval|statement|committee approval)(?: and consent to participate)?',
      'ethical (?:approval|statement)',
      'consent for publication',
      'data (?:availability|sharing|access)(?: statement)?',
      'availability of data and materials',
      'patient and public involvement',
      'trial registration',
    ].join('|') +
    ')\\s*(?:[:.\\u2014\\u2013]|\\s-\\s)',
  'i',
);

export interface DeclarationLabel {
  label: string;
  role: SectionRole;
}

/** The declaration label a paragraph starts with, if any. */
export function declarationLabel(text: string): DeclarationLabel | null {
  const m = DECLARATION_LABEL.exec(text);
  if (!m) return null;
  const label = m[1]!.trim();
  return { label, role: /^acknowledge?ment/i.test(label) ? 'acknowledgements' : 'declarations' };
}

/** The same labels used as a whole heading-like text (a <dt>, a bold run) without punctuation. */
export function isDeclarationLabelText(text: string): DeclarationLabel | null {
  return declarationLabel(`${text.replace(/[:.\s]+$/, '')}:`);
}
