/**
 * Import lenses a colleague shared: a file or pasted JSON. Either all of it is valid and is
 * imported, or nothing changes and every problem is listed with its path.
 */
import { useState } from 'preact/hooks';
import type { Lens } from '../../analysis/lens';
import { parseLensesJson } from '../../analysis/lens-validate';

const MAX_BYTES = 1_000_000;

interface Props {
  /** Returns a sentence saying what was added or replaced. */
  onImport(lenses: Lens[]): string;
}

type Outcome = { ok: true; message: string } | { ok: false; source: string; errors: string[] };

export function ImportLenses({ onImport }: Props) {
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const importText = (json: string, source: string) => {
    const result = parseLensesJson(json);
    if (!result.ok) setOutcome({ ok: false, source, errors: result.errors });
    else setOutcome({ ok: true, message: onImport(result.lenses) });
  };

  return (
    <div class="import">
      <div class="field">
        <label for="import-file">Import from a file</label>
        <input
          id="import-file"
          type="file"
          accept=".json,application/json"
          onChange={async (e) => {
            const input = e.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            if (!file) return;
            if (file.size > MAX_BYTES) setOutcome({ ok: false, source: file.name, errors: [`the file is ${Math.round(file.size / 1024)} KB; lens files are at most 1000 KB`] });
            else importText(await file.text(), file.name);
            input.value = '';
          }}
        />
      </div>
      <div class="field">
        <label for="import-text">Or paste lens JSON</label>
        <textarea id="import-text" rows={5} spellcheck={false} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
      </div>
      <button type="button" disabled={!text.trim()} onClick={() => importText(text, 'the pasted text')}>
        Import pasted JSON
      </button>
      <div aria-live="polite">
        {outcome?.ok === true && <p class="ok">{outcome.message}</p>}
        {outcome?.ok === false && (
          <div class="problems-box" role="alert">
            <p>
              Nothing was imported: {outcome.source} has {outcome.errors.length === 1 ? 'a problem' : `${outcome.errors.length} problems`}.
            </p>
            <ul class="problems">
              {outcome.errors.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </div>
  );
}
