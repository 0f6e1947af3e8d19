/**
 * Population mismatch: the paper says its population is non-clinical ("healthy individuals",
 * "general population", "without a diagnosis") while its own participants or included studies come
 * from clinical settings (inpatients, psychiatric or cancer services, "patients with…"). Readers
 * then cannot tell to whom the conclusions apply. A design that *compares* patients with healthy
 * controls is not a mismatch, so case-control wording switches the check off.
 */
import type { Check } from '../context';
import type { Evidence } from '../critique';
import type { Paper, SectionRole } from '../model';
import { guardedTest } from '../regex-prefilter';
import { evidenceFromSentence, type Sentence } from '../text';

/** The study's population described as non-clinical. */
const NON_CLINICAL_CLAIM =
  /\b(?:healthy|non-?clinical|sub-?clinical|non-?patient|general|community)[- ](?:adults?|individuals|people|persons|participants|populations?|samples?|volunteers|students|youth|adolescents|users|groups?)\b(?![- ](?:norms?|data|prevalence|estimates?|rates?|levels?|averages?|reference|controls?|comparison))|\bwithout (?:a |any )?(?:formal |clinical |psychiatric |mental health |medical )?(?:diagnos[ie]s|diagnosed (?:conditions?|disorders?|illness))\b|\bnot (?:been )?(?:clinically )?diagnosed with\b|\brather than (?:those|people|individuals|patients) (?:diagnosed|with a (?:clinical )?diagnosis)\b/i;

/** The sentence is about this paper's own sample or scope. */
const STUDY_MARKER =
  /\b(?:we|our|this (?:review|study|meta-analysis|analysis|paper|trial|survey)|the present (?:review|study)|participants?|eligible|eligibility|inclusion|included (?:studies|trials|participants)|recruited|enrolled|sample (?:comprised|consisted|included)|target(?:ed)? population|population of interest)\b/i;

/** Participants or included studies drawn from clinical settings… */
const CLINICAL_SETTING =
  /\b(?:in-?patients?|out-?patients?|psychiatric (?:services?|wards?|units?|hospitals?|clinics?|patients|inpatients|outpatients|settings?)|(?:secondary|specialist|tertiary) (?:mental health )?(?:care|services)|mental health services|cancer (?:services?|centres?|centers?|clinics?|patients|survivors)|oncology (?:services?|clinics?|patients|units?)|clinical (?:samples?|populations?|settings?|groups?)|hospitali[sz]ed|(?:recruited|drawn|sampled|referred) (?:from|through|via) (?:[\w-]+\s+){0,3}?(?:clinics?|hospitals?|services|wards?|units?))\b/i;
/** …or diagnosed groups, when the sentence says that is who was sampled (not a prevalence: "12% were diagnosed with…"). */
const DIAGNOSED_GROUP =
  /\b(?:diagnosed with|with (?:a )?(?:confirmed |formal |clinical |DSM[- ]?\w* |ICD[- ]?\w* )?diagnosis of|patients with)\b/i;
const SAMPLED = /\b(?:recruited|sampled|drawn|enrolled|included|comprised|consisted|focused on|samples? of|studies (?:of|in|with)|trials (?:of|in|with))\b/i;
const PREVALENCE = /\d+(?:\.\d+)?\s*%|\bprevalence\b|\bproportion\b/i;

function clinicalSample(text: string): RegExpExecArray | null {
  const setting = CLINICAL_SETTING.exec(text);
  if (setting) return setting;
  if (SAMPLED.test(text) && !PREVALENCE.test(text)) return DIAGNOSED_GROUP.exec(text);
  return null;
}

/** Clinical words in these sentences describe who was excluded or compared, not who was studied. */
const NOT_THE_SAMPLE = /\bexclu\w+|\bexcept\b|\bunlike\b|\bcompared (?:with|to)\b|\bthan (?:those|patients|people)\b/i;

/** Case-control or comparison designs, where "healthy" names the comparison group. */
const COMPARISON_DESIGN =
  /\bhealthy (?:controls?|control (?:group|participants|subjects|volunteers)|comparison (?:group|participants|subjects)|volunteers? (?:as|served as) controls?)\b|\bcontrol group of healthy\b|\bcase[- ]control\b|\b(?:compared|comparing) (?:with|to|against) healthy\b|\b(?:matched|age-matched|sex-matched) healthy\b/i;

// Asked of every sentence of a paper: literal prefilters first (regex-prefilter.ts).
const isComparisonDesign = guardedTest(COMPARISON_DESIGN);
const claimsNonClinical = guardedTest(NON_CLINICAL_CLAIM);

const CLAIM_ROLES = new Set<SectionRole>(['title', 'abstract', 'introduction', 'methods', 'discussion', 'limitations', 'conclusion', 'other']);
const SAMPLE_ROLES = new Set<SectionRole>(['abstract', 'methods', 'results', 'other']);

export const populationMismatch: Check = {
  id: 'population-mismatch',
  run(ctx) {
    const { paper, sentences } = ctx;
    const readable = sentences.filter((s) => {
      const b = paper.blocks[s.blockId]!;
      return b.role !== 'references' && b.kind !== 'reference';
    });
    if (readable.some((s) => isComparisonDesign(s))) return;

    const claim = readable.find((s) => {
      const role = paper.blocks[s.blockId]!.role;
      if (!CLAIM_ROLES.has(role) || !claimsNonClinical(s)) return false;
      // "compared their samples to general population samples" names a benchmark, not the sample.
      if (/\bcompar\w+\b|\bnorms?\b|\bbenchmark/i.test(s.text)) return false;
      // In an introduction only an explicit statement of this paper's own scope counts.
      if (role === 'introduction') return /\b(?:this (?:review|study|meta-analysis)|we (?:aim|focus|examine|review))\b/i.test(s.text);
      return STUDY_MARKER.test(s.text);
    });
    if (!claim) return;

    const clinicalSentence = readable.find(
      (s) =>
        s !== claim &&
        SAMPLE_ROLES.has(paper.blocks[s.blockId]!.role) &&
        clinicalSample(s.text) !== null &&
        !claimsNonClinical(s) &&
        !NOT_THE_SAMPLE.test(s.text) &&
        STUDY_MARKER.test(s.text),
    );
    const clinical = clinicalSentence ?? clinicalIncludedStudy(paper, sentences);
    if (!clinical) return;

    const claimWords = NON_CLINICAL_CLAIM.exec(claim.text)![0];
    const clinicalWords = clinicalSample(clinical.text)?.[0] ?? DIAGNOSED_GROUP.exec(clinical.text)?.[0] ?? 'clinical participants';
    const evidence: Evidence[] = [evidenceFromSentence(paper, claim), evidenceFromSentence(paper, clinical)];
    ctx.addFinding({
      kind: 'population-mismatch',
      theme: 'population',
      severity: 'caution',
      summary:
        `The paper describes its population as "${claimWords}", but its participants or included studies come from clinical ` +
        `settings ("${clinicalWords}"); it is unclear to which population the conclusions apply.`,
      evidence,
    });
  },
};

/**
 * An included study (APA asterisk, an "Included studies" list) whose title names a clinical group
 * ("…peer support for psychiatric inpatients") shows where the evidence comes from even when the
 * text never says so. Only entries the paper marks as included count: a cited background paper
 * about patients says nothing about this review's sample.
 */
function clinicalIncludedStudy(paper: Paper, sentences: Sentence[]): Sentence | undefined {
  return sentences.find((s) => {
    const b = paper.blocks[s.blockId]!;
    return b.included === true && (CLINICAL_SETTING.test(s.text) || DIAGNOSED_GROUP.test(s.text));
  });
}
