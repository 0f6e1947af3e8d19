/**
 * The reader's lenses: which are active, which one is being edited, and the lens-level actions
 * (add, duplicate, rename, delete, reset a built-in lens, export one lens).
 */
import type { Lens } from '../../analysis/lens';
import { lensProblems } from '../lens-edit';
import { isPristineBuiltIn } from '../../shared/reader-settings';

interface Props {
  lenses: Lens[];
  activeIds: string[];
  selectedId: string | null;
  onSelect(id: string): void;
  onActive(id: string, active: boolean): void;
  onAdd(): void;
  onRestoreBuiltIns?: () => void;
}

export function LensList({ lenses, activeIds, selectedId, onSelect, onActive, onAdd, onRestoreBuiltIns }: Props) {
  return (
    <div class="lens-list">
      <ul aria-label="Your lenses">
        {lenses.map((lens) => {
          const active = activeIds.includes(lens.id);
          const broken = !isPristineBuiltIn(lens) && lensProblems(lens).length > 0;
          return (
            <li key={lens.id} class={lens.id === selectedId ? 'selected' : undefined}>
              <label class="active-toggle">
                <input type="checkbox" checked={active} onChange={(e) => onActive(lens.id, (e.currentTarget as HTMLInputElement).checked)} />
                <span class="visually-hidden">Use “{lens.name}” when reading</span>
              </label>
              <button type="button" class="lens-name" aria-current={lens.id === selectedId ? 'true' : undefined} onClick={() => onSelect(lens.id)}>
                {lens.name.trim() || '(unnamed lens)'}
                {lens.builtIn && <span class="badge">built-in</span>}
                {broken && <span class="badge warn">not saved</span>}
                {!active && <span class="badge muted">off</span>}
              </button>
            </li>
          );
        })}
      </ul>
      {activeIds.length === 0 && <p class="warn" role="status">No lens is active: term checks are off.</p>}
      <button type="button" onClick={onAdd}>
        New lens
      </button>
      {onRestoreBuiltIns && (
        <button type="button" onClick={onRestoreBuiltIns}>
          Add the built-in lens again
        </button>
      )}
    </div>
  );
}
