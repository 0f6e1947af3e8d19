/**
 * Lens objects kept across the background's analyses (see StableLenses).
 */
import type { Lens } from '../analysis/lens';

/**
 * The same Lens objects for the same active lenses. Settings are read from storage on every
 * message, which yields new objects each time; the term matcher caches its compiled lenses (and
 * their regular expressions) per Lens object, so without this every analysis recompiled them.
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
