/**
 * The editor of one lens: name, description and terms. Problems (the validator's messages, the
 * same as for an imported file) are shown next to what they concern; an invalid lens is not saved
 * until fixed, so open sidebars keep using its last valid version.
 */
import type { Lens, LensTerm } from '../../analysis/lens';
import { lensProblems, newTerm, relabelTerm } from '../lens-edit';
import { TermEditor } from './term-editor';

interface Props {
  lens: Lens;
  onChange(lens: Lens): void;
}

/** Splits "terms[2].variants: …" into the term it concerns and the rest of the message. */
function problemsByTerm(problems: string[]): { lens: string[]; terms: Map<number, string[]> } {
  const terms = new Map<number, string[]>();
  const lens: string[] = [];
  for (const p of problems) {
    const m = /^terms\[(\d+)\]\.?(.*)$/.exec(p);
    if (!m) {
      lens.push(p);
      continue;
    }
    const i = Number(m[1]);
    terms.set(i, [...(terms.get(i) ?? []), m[2]!.replace(/^:\s*/, '') || p]);
  }
  return { lens, terms };
}

export function LensEditor({ lens, onChange }: Props) {
  const problems = problemsByTerm(lensProblems(lens));
  const p = 'lens-editor';
  const setTerms = (terms: LensTerm[]) => onChange({ ...lens, terms });
  return (
    <section class="lens-editor" aria-labelledby={`${p}-heading`}>
      <h3 id={`${p}-heading`}>Terms of “{lens.name.trim() || 'this lens'}”</h3>
      {problems.lens.length > 0 && (
        <ul class="problems" role="status">
          {problems.lens.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <div class="field">
        <label for={`${p}-description`}>Description (optional)</label>
        <input
          id={`${p}-description`}
          type="text"
          value={lens.description ?? ''}
          onInput={(e) => {
            const value = (e.currentTarget as HTMLInputElement).value;
            const next: Lens = { ...lens, description: value };
            if (!value) delete next.description;
            onChange(next);
          }}
        />
      </div>
      {lens.terms.map((term, i) => (
        <TermEditor
          key={i}
          term={term}
          idPrefix={p}
          index={i}
          problems={problems.terms.get(i) ?? []}
          onChange={(t) => setTerms(lens.terms.map((x, j) => (j === i ? t : x)))}
          onRelabel={(label) => onChange(relabelTerm(lens, term.id, label))}
          onRemove={() => setTerms(lens.terms.filter((_, j) => j !== i))}
          onMove={(delta) => {
            const terms = [...lens.terms];
            const [moved] = terms.splice(i, 1);
            terms.splice(i + delta, 0, moved!);
            setTerms(terms);
          }}
          canMoveUp={i > 0}
          canMoveDown={i < lens.terms.length - 1}
        />
      ))}
      <button type="button" onClick={() => setTerms([...lens.terms, newTerm(lens.terms)])}>
        Add a term
      </button>
    </section>
  );
}
