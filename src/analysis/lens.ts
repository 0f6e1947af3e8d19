/**
 * A lens: the terms a reader wants checked, how to recognise each term's variants, and which
 * senses to tell apart. The built-in "digital peer support" lens is plain data of this shape,
 * so readers' own lenses (options page) run through exactly the same matching code.
 */

export interface LensSense {
  /** Stable id, e.g. "support", "review", "harm". */
  id: string;
  label: string;
  /**
   * Cue words or phrases (case-insensitive; `*` at the end of a word matches any ending).
   * A cue right next to the term (within a few words) marks the sense strongly; elsewhere in the sentence weakly.
   */
  cues: string[];
  /** Whether this sense is the one the lens is about (others are "other senses": used for mixed-senses). */
  core?: boolean;
  /** Senses that never count towards mixed-senses (e.g. "peer review" in any paper). */
  ignoreForMixing?: boolean;
  /**
   * A paper can be about this sense (peer support, peer relationships), and then a use no cue
   * decides takes it: a bare "peers" in a peer-support trial means the peer supporters. Senses
   * that name a use, not a subject (peer review, victimisation), leave bare uses alone.
   */
  subject?: boolean;
}

export interface LensTerm {
  id: string;
  label: string;
  /**
   * Variants as words or phrases (case-insensitive). `*` at the end of a word matches any ending;
   * hyphen, space and no space are treated alike ("peer-led" ~ "peer led"); British/American pairs are listed explicitly.
   */
  variants: string[];
  senses?: LensSense[];
  /** Sense used when no cue matches. */
  defaultSense?: string;
  /** Whether a careful paper would define this term (drives definition-gap findings). */
  expectDefinition: boolean;
  /** A multi-word concept ("digital peer support") rather than a single word. */
  concept?: boolean;
}

export interface Lens {
  id: string;
  name: string;
  description?: string;
  terms: LensTerm[];
  /** Built-in lenses can be reset to default. */
  builtIn?: boolean;
}
