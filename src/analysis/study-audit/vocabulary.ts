/**
 * Words that tell how a study was delivered and whom it studied, read from an included study's
 * title and the review's sentences about it (and, in the batch audit, from the study's own text).
 * General wording of digital-health research, not any one paper's phrases.
 */

export interface Mode {
  id: string;
  label: string;
  pattern: RegExp;
}

export const DIGITAL_MODES: readonly Mode[] = [
  { id: 'chatbot', label: 'chatbot / AI', pattern: /\b(?:chat-?bots?|conversational agents?|virtual (?:agents?|assistants?|companions?|humans?)|artificial intelligence|AI[- ](?:based|driven|powered|companion)|large language models?|LLMs?|ChatGPT|GPT-?\d|robots?)\b/i },
  { id: 'vr', label: 'VR', pattern: /\b(?:virtual reality|VR|avatars?|metaverse)\b/ },
  { id: 'game', label: 'game', pattern: /\b(?:serious games?|video games?|gamifi\w+|game-based|online games?)\b/i },
  { id: 'sms', label: 'SMS', pattern: /\b(?:text[- ]messag\w*|SMS|texting|WhatsApp)\b/i },
  { id: 'video', label: 'video call', pattern: /\b(?:video[- ]?(?:conferenc\w+|calls?|chats?|calling|sessions?|meetings?)|Zoom|Skype|telehealth video)\b/i },
  { id: 'phone', label: 'phone', pattern: /\b(?:tele(?:phone)?[- ]?(?:based|delivered|support|calls?|sessions?)|telephone|by phone|phone calls?)\b/i },
  { id: 'app', label: 'app', pattern: /\b(?:(?:mobile|smartphone|phone|digital)[- ](?:apps?|applications?)|apps?|smartphones?|mHealth|m-health)\b/i },
  {
    id: 'web',
    label: 'website / forum',
    pattern: /\b(?:online|internet(?:-based|-delivered)?|web(?:site)?s?|web-based|e-?health|forums?|message boards?|discussion boards?|chat rooms?|social (?:media|networking|network(?:ing)? sites?)|Facebook|Reddit|Twitter|Instagram|online communit\w+|bulletin boards?|computer[- ]mediated|computer[- ]based|e-?mail|electronic mail|listservs?)\b/i,
  },
];

/** Delivery said to be in person: a study with these words and no digital ones is not digital. */
export const NOT_DIGITAL = /\b(?:face[- ]to[- ]face|in[- ]person|home visits?|(?:community|group) meetings? in person)\b/i;

export const POPULATIONS: readonly Mode[] = [
  { id: 'young people', label: 'young people', pattern: /\b(?:adolescen\w+|youths?|young (?:people|adults?|persons?)|teen(?:ager)?s?|children|school[- ]?(?:age|pupils?)|pupils)\b/i },
  { id: 'students', label: 'students', pattern: /\b(?:(?:university|college|undergraduate|graduate|medical|nursing) students?|students?)\b/i },
  { id: 'older adults', label: 'older adults', pattern: /\b(?:older (?:adults?|people|persons?)|elderly|seniors?|aged (?:65|70) (?:and|or) (?:over|older))\b/i },
  { id: 'parents', label: 'parents', pattern: /\b(?:parents?|mothers?|fathers?|perinatal|postpartum|postnatal)\b/i },
  { id: 'carers', label: 'carers', pattern: /\b(?:carers?|caregivers?|care-givers?|family members?)\b/i },
  { id: 'veterans', label: 'veterans', pattern: /\b(?:veterans?|military|service (?:members?|personnel))\b/i },
  { id: 'health workers', label: 'health workers', pattern: /\b(?:health ?care (?:workers?|professionals?|staff)|nurses|physicians|clinicians|doctors)\b/i },
  {
    id: 'clinical',
    label: 'clinical',
    pattern: /\b(?:patients?|in-?patients?|out-?patients?|clinical (?:samples?|populations?)|diagnosed|disorders?|schizophreni\w*|psychos[ie]s|psychotic|bipolar|depressi(?:on|ve)|PTSD|cancer|diabetes|HIV|dementia|serious mental illness|SMI|eating disorders?|substance use|addiction)\b/i,
  },
  { id: 'healthy', label: 'healthy / general population', pattern: /\b(?:healthy (?:adults?|individuals|people|volunteers|participants)|non-?clinical|general population|community samples?)\b/i },
];

/** Words that name human peers beside an agent ("a chatbot and peer supporters"). */
export const HUMAN_PEERS = /\b(?:human|peer (?:workers?|supporters?|mentors?|volunteers?|specialists?|counsell?ors?|moderators?|facilitators?)|lay (?:workers?|counsell?ors?))\b/i;

/** Groups that can describe the same people (students are often young people, and vice versa). */
const COMPATIBLE: readonly [string, string][] = [
  ['students', 'young people'],
  ['parents', 'carers'],
  ['health workers', 'students'],
];

export function compatible(a: string, b: string): boolean {
  return a === b || COMPATIBLE.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

const BROAD = new Set(['clinical', 'healthy']);

/**
 * Why a study's population lies outside the review's, or null. Named groups (students, veterans…)
 * must share a compatible group; "clinical" and "healthy" conflict only when the review names one
 * of them and not the other.
 */
export function populationConflict(review: readonly string[], study: readonly string[]): string | null {
  const reviewGroups = review.filter((p) => !BROAD.has(p));
  const studyGroups = study.filter((p) => !BROAD.has(p));
  if (reviewGroups.length && studyGroups.length && !studyGroups.some((p) => reviewGroups.some((r) => compatible(r, p)))) {
    return `${studyGroups.join(', ')}; the review is about ${reviewGroups.join(', ')}`;
  }
  for (const [ours, other] of [['healthy', 'clinical'], ['clinical', 'healthy']] as const) {
    if (review.includes(ours) && !review.includes(other) && study.includes(other) && !study.includes(ours)) {
      return `${other}; the review is about ${ours === 'healthy' ? 'healthy / general' : 'clinical'} populations`;
    }
  }
  return null;
}

export function modesIn(text: string): string[] {
  return DIGITAL_MODES.filter((m) => m.pattern.test(text)).map((m) => m.id);
}

export function populationsIn(text: string): string[] {
  return POPULATIONS.filter((p) => p.pattern.test(text)).map((p) => p.id);
}

export function modeLabel(id: string): string {
  return DIGITAL_MODES.find((m) => m.id === id)?.label ?? id;
}
