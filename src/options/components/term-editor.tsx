/**
 * One term of a lens: its label, the variants that count as a use, whether a careful paper should
 * define it, and optional senses told apart by cue words.
 */
import { useState } from 'preact/hooks';
import type { LensSense, LensTerm } from '../../analysis/lens';
import { newSense, relabelSense } from '../lens-edit';
import { ListTextarea } from './list-textarea';

interface Props {
  term: LensTerm;
  /** Unique prefix for element ids. */
  idPrefix: string;
  index: number;
  problems: string[];
  onChange(term: LensTerm): void;
  onRelabel(label: string): void;
  onRemove(): void;
  onMove(delta: -1 | 1): void;
  canMoveUp: boolean;
  canMoveDown: boolean;
}

export function TermEditor({ term, idPrefix, index, problems, onChange, onRelabel, onRemove, onMove, canMoveUp, canMoveDown }: Props) {
  const p = `${idPrefix}-t${index}`;
  const senses = term.senses ?? [];
  // Long sense lists start folded so the terms stay scannable; set once, then the reader decides.
  const [sensesOpen] = useState(senses.length === 0);
  const setSenses = (next: LensSense[]) => {
    const t: LensTerm = { ...term, senses: next };
    if (!next.length) delete t.senses;
    if (t.defaultSense && !next.some((s) => s.id === t.defaultSense)) delete t.defaultSense;
    onChange(t);
  };
  const updateSense = (i: number, sense: LensSense) => setSenses(senses.map((s, j) => (j === i ? sense : s)));
  const termLabel = term.label.trim() || `term ${index + 1}`;
  return (
    <fieldset class="term" aria-describedby={problems.length ? `${p}-problems` : undefined}>
      <legend>Term: {termLabel}</legend>
      {problems.length > 0 && (
        <ul id={`${p}-problems`} class="problems">
          {problems.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <div class="field">
        <label for={`${p}-label`}>Label</label>
        <input id={`${p}-label`} type="text" value={term.label} maxLength={200} onInput={(e) => onRelabel((e.currentTarget as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for={`${p}-variants`}>Variants, one per line</label>
        <ListTextarea
          id={`${p}-variants`}
          value={term.variants}
          describedBy={`${p}-variants-help`}
          invalid={term.variants.length === 0}
          onChange={(variants) => onChange({ ...term, variants })}
        />
        <p id={`${p}-variants-help`} class="help">
          Plural, hyphenated and British/American spellings. Hyphen, space and no space are treated alike ("co-production" also finds "coproduction");
          end a word with * for any ending ("co-produc*" finds co-produced, co-producing).
        </p>
      </div>
      <div class="checks">
        <label>
          <input type="checkbox" checked={term.expectDefinition} onChange={(e) => onChange({ ...term, expectDefinition: (e.currentTarget as HTMLInputElement).checked })} />
          A careful paper should define this term
        </label>
        <label>
          <input
            type="checkbox"
            checked={term.concept === true}
            onChange={(e) => {
              const t = { ...term };
              if ((e.currentTarget as HTMLInputElement).checked) t.concept = true;
              else delete t.concept;
              onChange(t);
            }}
          />
          A multi-word concept rather than a single word
        </label>
      </div>
      <details class="senses" open={sensesOpen}>
        <summary>Senses ({senses.length})</summary>
        <p class="help">
          Optional. A sense is marked by cue words near the term ("peer" + "review" → the review sense). Mixed-senses findings compare the core senses with the others.
        </p>
        {senses.map((sense, i) => {
          const sp = `${p}-s${i}`;
          return (
            <fieldset class="sense" key={i}>
              <legend>Sense: {sense.label.trim() || `sense ${i + 1}`}</legend>
              <div class="field">
                <label for={`${sp}-label`}>Sense name</label>
                <input
                  id={`${sp}-label`}
                  type="text"
                  value={sense.label}
                  maxLength={200}
                  onInput={(e) => onChange(relabelSense(term, sense.id, (e.currentTarget as HTMLInputElement).value))}
                />
              </div>
              <div class="field">
                <label for={`${sp}-cues`}>Cue words, one per line</label>
                <ListTextarea id={`${sp}-cues`} rows={3} value={sense.cues} invalid={sense.cues.length === 0} onChange={(cues) => updateSense(i, { ...sense, cues })} />
              </div>
              <div class="checks">
                <label>
                  <input
                    type="checkbox"
                    checked={sense.core === true}
                    onChange={(e) => {
                      const s = { ...sense };
                      if ((e.currentTarget as HTMLInputElement).checked) s.core = true;
                      else delete s.core;
                      updateSense(i, s);
                    }}
                  />
                  The sense this lens is about
                </label>
                <label>
                  <input
                    type="radio"
                    name={`${p}-default-sense`}
                    checked={term.defaultSense === sense.id}
                    onChange={() => onChange({ ...term, defaultSense: sense.id })}
                  />
                  Use when no cue decides
                </label>
              </div>
              <button type="button" class="link danger" onClick={() => setSenses(senses.filter((_, j) => j !== i))}>
                Remove sense “{sense.label.trim() || `sense ${i + 1}`}”
              </button>
            </fieldset>
          );
        })}
        <button type="button" onClick={() => setSenses([...senses, newSense(senses)])}>
          Add a sense
        </button>
      </details>
      <div class="row-actions">
        <button type="button" disabled={!canMoveUp} onClick={() => onMove(-1)} aria-label={`Move ${termLabel} up`}>
          ↑
        </button>
        <button type="button" disabled={!canMoveDown} onClick={() => onMove(1)} aria-label={`Move ${termLabel} down`}>
          ↓
        </button>
        <button type="button" class="danger" onClick={onRemove}>
          Remove term “{termLabel}”
        </button>
      </div>
    </fieldset>
  );
}
