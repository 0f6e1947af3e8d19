/**
 * Sites where the sidebar opens by itself. Adding a site asks the browser for that site's
 * permission only, from the click itself (browsers ask only during a user gesture); removing it
 * gives the permission back. Settings sync between browsers, permissions do not: a site synced
 * from elsewhere shows a "Grant" button until allowed here.
 */
import { useEffect, useState } from 'preact/hooks';
import { originPattern, parseOrigin } from '../../shared/site-origins';
import type { OptionsServices } from '../services';

interface Props {
  origins: string[];
  permissions: OptionsServices['permissions'];
  onChange(origins: string[]): void;
}

export function AutoScanSites({ origins, permissions, onChange }: Props) {
  const [input, setInput] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [granted, setGranted] = useState<Record<string, boolean>>({});

  useEffect(() => {
    let cancelled = false;
    void Promise.all(origins.map(async (o) => [o, await permissions.contains([originPattern(o)]).catch(() => false)] as const)).then((pairs) => {
      if (!cancelled) setGranted(Object.fromEntries(pairs));
    });
    return () => {
      cancelled = true;
    };
  }, [origins.join(' ')]);

  const grant = async (origin: string): Promise<boolean> => {
    // No await before this call: it must run inside the click's user gesture.
    const ok = await permissions.request([originPattern(origin)]).catch(() => false);
    setGranted((g) => ({ ...g, [origin]: ok }));
    return ok;
  };

  const add = async (e: Event) => {
    e.preventDefault();
    const parsed = parseOrigin(input);
    if (!parsed.ok) {
      setMessage({ ok: false, text: parsed.error });
      return;
    }
    if (origins.includes(parsed.origin)) {
      setMessage({ ok: false, text: `${parsed.origin} is already in the list` });
      return;
    }
    if (!(await grant(parsed.origin))) {
      setMessage({ ok: false, text: `Permission for ${parsed.origin} was not granted, so it was not added` });
      return;
    }
    onChange([...origins, parsed.origin]);
    setInput('');
    setMessage({ ok: true, text: `The sidebar will open by itself on ${parsed.origin}` });
  };

  const remove = async (origin: string) => {
    onChange(origins.filter((o) => o !== origin));
    // Give the permission back unless another listed origin on the same host still needs it.
    const pattern = originPattern(origin);
    if (!origins.some((o) => o !== origin && originPattern(o) === pattern)) await permissions.remove([pattern]).catch(() => false);
    setMessage({ ok: true, text: `Removed ${origin}` });
  };

  return (
    <div class="auto-scan">
      <form onSubmit={add} class="inline-form">
        <label for="auto-scan-input">Site</label>
        <input
          id="auto-scan-input"
          type="text"
          inputMode="url"
          placeholder="https://journals.example.org"
          value={input}
          aria-describedby="auto-scan-message"
          onInput={(e) => setInput((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit">Add site</button>
      </form>
      <p id="auto-scan-message" class={message ? (message.ok ? 'ok' : 'warn') : 'help'} aria-live="polite">
        {message?.text ?? 'The browser asks for permission to read pages of that site only.'}
      </p>
      {origins.length === 0 ? (
        <p class="help">No sites yet: the sidebar opens when you click the toolbar button.</p>
      ) : (
        <ul class="sites" aria-label="Sites scanned automatically">
          {origins.map((origin) => (
            <li key={origin}>
              <span class="origin">{origin}</span>
              {granted[origin] === false && (
                <button type="button" onClick={() => void grant(origin)}>
                  Grant permission
                </button>
              )}
              <button type="button" class="danger" onClick={() => void remove(origin)} aria-label={`Remove ${origin}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
