/**
 * Lens objects kept across the background's analyses (see StableLenses).
 */
import type { Lens } from '../analysis/lens';

/**
 * The same Lens objects for the same active lenses. The background reads the settings again
 * whenever any of them changes (a colour, say), which yields new Lens objects with the same
 * content; the term matcher caches its compiled lenses (and their regular expressions) per Lens
 * object, so without this the next analysis would compile them again.
 */
export class StableLenses {
  private key = '';
  private lenses: Lens[] = [];

  get(lenses: Lens[]): Lens[] {
    const key = JSON.stringify(lenses);
    if (key !== this.key) {
      this.key = key;
      this.lenses = lenses;
    }
    return this.lenses;
  }
}
