/**
 * Automated peers: a definition or inclusion criterion that lets automated agents (chatbots,
 * bots, avatars, AI, "live or automated" services) count as peers — so a review of "peer support"
 * can end up including software with no human peer at all.
 *
 * Driven by lens data, not by fixed words: every lens term with a sense whose id is `automated`
 * contributes that sense's cues. A sentence is flagged when it
 * - mentions a use of that term (or of a concept term of the same lens) that is not an
 *   ignore-for-mixing use ("peer-reviewed articles on AI" is not about automated peers);
 * - is a definition (from the definitions check), or sits in the methods/abstract, or in an
 *   eligibility / inclusion / definition section, or speaks of inclusion or definition itself;
 * - contains an automated cue that is not excluded in the same clause ("chatbots were excluded",
 *   "we did not include automated agents", "excluding bots", "automated agents are not peers").
 * The paper must use the term in its core sense (or the concept) outside the references at
 * least once: ordinary papers that merely mention AI near "peer review" are never flagged.
 */
import type { AnalysisContext, Check } from '../context';
import type { Evidence, TermReport } from '../critique';
import type { Lens } from '../lens';
import type { Block } from '../model';
import { phrasesRegex } from '../term-matcher';
import { evidenceFromSpan, type Sentence } from '../text';
import { firstIndexWhere } from '../sorted';

const ELIGIBLE_ROLES = new Set(['methods', 'abstract']);
const REPORTING_ROLES = new Set(['results', 'discussion', 'limitations', 'conclusion']);
/** The top-level heading, in case a subsection ("Results › Study selection") was given another role. */
const REPORTING_HEADING = /^\s*(?:\d+(?:\.\d+)*\.?\s*)?(?:results?|findings|discussion|conclusions?|limitations)\b/i;
const ELIGIBILITY_HEADING = /eligib|inclusion|included|criteri|selection|definition|defining|scope|concept/i;
const ELIGIBILITY_WORDS = /\b(?:includ\w*|eligib\w*|criteri\w*|defin\w*|considered|in scope|counted as|qualif\w*)\b/i;
/**
 * Sentences that list search terms: "chatbot" as a search keyword casts a wide net for screening
 * but says nothing about what counted as a peer, so such sentences are not inclusion criteria.
 */
const SEARCH_TERMS = /\b(?:search(?:ed)? (?:terms?|strings?|quer(?:y|ies)|strateg(?:y|ies)|blocks?)|keywords?|MeSH|text ?words?|blocks? of (?:search )?terms|(?:combined|combining) (?:\w+ ){0,3}terms)\b/i;

/** Exclusion language inside a clause: the clause rules automated agents out. */
const EXCLUSION =
  /\b(?:exclud\w*|exclusion|not (?:be )?(?:included|eligible|considered|counted)|(?:did|do|does|were|was|are|is) not (?:include|count|consider|qualify|regard)|ineligible|are not peers|is not a peer|not (?:a )?(?:human )?peers?|no (?:chatbots?|bots?|automated|avatars?|AI)|without (?:any )?(?:chatbots?|bots?|automation|automated|AI)|rather than|other than|instead of|only human|human peers only|removed)\b/i;

function clauseAround(text: string, index: number): string {
  // Clauses split at semicolons, colons and contrastive joins; a negation in one clause does not
  // cancel an inclusion in another ("chatbots were included; avatars were excluded").
  const bounds = /;|:|\bbut\b|\bwhereas\b|\bwhile\b|\bhowever\b/gi;
  let start = 0;
  let end = text.length;
  let m: RegExpExecArray | null;
  while ((m = bounds.exec(text))) {
    if (m.index < index) start = m.index + m[0].length;
    else {
      end = m.index;
      break;
    }
  }
  return text.slice(start, end);
}

interface LensCues {
  lens: Lens;
  cues: RegExp;
  global: RegExp;
  termIds: Set<string>;
}

/** Compiled once per lens object, like the term matcher's own cache, not on every analysis. */
const cueCache = new WeakMap<Lens, LensCues | null>();

function lensCues(lens: Lens): LensCues | null {
  if (!cueCache.has(lens)) cueCache.set(lens, compileLensCues(lens));
  return cueCache.get(lens)!;
}

function compileLensCues(lens: Lens): LensCues | null {
  const cues = lens.terms.flatMap((t) => t.senses?.find((s) => s.id === 'automated')?.cues ?? []);
  if (cues.length === 0) return null;
  const termIds = new Set(lens.terms.filter((t) => t.concept || t.senses?.some((s) => s.id === 'automated')).map((t) => t.id));
  const re = phrasesRegex(cues);
  return { lens, cues: re, global: new RegExp(re.source, 'giu'), termIds };
}

function usesCoreSense(reports: TermReport[], lens: Lens): boolean {
  return reports.some((r) => {
    const term = lens.terms.find((t) => t.id === r.term);
    if (!term) return false;
    const core = term.senses?.find((s) => s.core)?.id;
    return r.occurrences.some((o) => !o.inReference && (term.concept || o.sense === core));
  });
}

function run(ctx: AnalysisContext, cues: LensCues): void {
  const reports = ctx.critique.terms.filter((r) => r.lens === cues.lens.id && cues.termIds.has(r.term));
  if (!usesCoreSense(reports, cues.lens)) return;
  const ignored = new Set(cues.lens.terms.flatMap((t) => t.senses?.filter((s) => s.ignoreForMixing).map((s) => `${t.id}:${s.id}`) ?? []));
  const definitionStarts = new Set(reports.flatMap((r) => r.definitions.map((d) => `${d.anchor.blockId}:${d.anchor.start}`)));
  // Where the relevant uses start, per block (sorted), to tell which sentences hold one.
  const useStarts = new Map<number, number[]>();
  for (const r of reports) {
    for (const o of r.occurrences) {
      if (o.inReference || ignored.has(`${r.term}:${o.sense}`)) continue;
      const list = useStarts.get(o.anchor.blockId);
      if (list) list.push(o.anchor.start);
      else useStarts.set(o.anchor.blockId, [o.anchor.start]);
    }
  }
  for (const list of useStarts.values()) list.sort((a, b) => a - b);
  const evidence: Evidence[] = [];
  const cuesFound = new Set<string>();
  for (const s of ctx.sentences) {
    const block: Block = ctx.paper.blocks[s.blockId]!;
    if (block.kind === 'reference' || block.role === 'references') continue;
    if (!holdsUse(useStarts.get(s.blockId), s.start, s.end) || !cues.cues.test(s.text)) continue;
    const isDefinition = definitionStarts.has(`${s.blockId}:${s.start}`);
    // Results and discussion describe what was found ("four studies evaluated chatbots"), not
    // what the authors decided would count; only definitions are taken from there.
    const reporting = REPORTING_ROLES.has(block.role) || REPORTING_HEADING.test(block.sectionPath[0] ?? '');
    const inEligibility = !reporting && block.sectionPath.some((h) => ELIGIBILITY_HEADING.test(h));
    const eligibleText = !reporting && (inEligibility || ELIGIBLE_ROLES.has(block.role) || ELIGIBILITY_WORDS.test(s.text));
    if (!isDefinition && !eligibleText) continue;
    if (!isDefinition && SEARCH_TERMS.test(s.text)) continue;
    const cue = includedCue(s, cues, block);
    if (!cue) continue;
    cuesFound.add(cue.toLowerCase());
    evidence.push(evidenceFromSpan(block, s.start, s.end));
  }
  if (evidence.length === 0) return;
  const list = [...cuesFound].map((c) => `"${c}"`).join(', ');
  ctx.addFinding({
    kind: 'automated-peer',
    theme: 'terms',
    lens: cues.lens.id,
    severity: 'concern',
    summary: `A definition or inclusion criterion lets automated agents count as peers (${list}), so "peer" support may include software with no human peer.`,
    evidence: evidence.slice(0, 5),
  });
}

/** The first automated cue in the sentence whose clause does not exclude it, or null. */
function includedCue(s: Sentence, cues: LensCues, block: Block): string | null {
  // An exclusion-criteria heading rules out everything listed under it.
  if (block.sectionPath.some((h) => /exclu/i.test(h))) return null;
  cues.global.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = cues.global.exec(s.text))) {
    if (!EXCLUSION.test(clauseAround(s.text, m.index))) return m[0];
  }
  return null;
}

export const automatedPeer: Check = {
  id: 'automated-peer',
  run(ctx) {
    for (const lens of ctx.lenses) {
      const cues = lensCues(lens);
      if (cues) run(ctx, cues);
    }
  },
};

/** Whether a sorted list of use starts has one in [start, end). */
function holdsUse(starts: number[] | undefined, start: number, end: number): boolean {
  if (!starts) return false;
  const i = firstIndexWhere(starts.length, (k) => starts[k]! >= start);
  return i < starts.length && starts[i]! < end;
}
