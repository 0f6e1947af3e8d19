/**
 * The keyboard shortcut that opens and closes the sidebar, as the browser actually bound it.
 * Browsers give an extension its suggested key only when nothing else holds it (another
 * extension, the browser itself); then there is no shortcut until the reader sets one, so say so
 * and take the reader to the browser's shortcut settings.
 */
import { useEffect, useState } from 'preact/hooks';
import type { OptionsServices } from '../services';

export function ShortcutSetting({ shortcuts }: { shortcuts: OptionsServices['shortcuts'] }) {
  const [bound, setBound] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    const read = () => void shortcuts.current().then((s) => alive && setBound(s), () => alive && setBound(null));
    read();
    // The reader may come back from the browser's shortcut page: show what is bound now.
    const onVisible = () => document.visibilityState === 'visible' && read();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      alive = false;
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [shortcuts]);
  if (bound === undefined) return null;
  return (
    <div class="shortcut" data-shortcut={bound ?? ''}>
      {bound ? (
        <p>
          <kbd>{bound}</kbd> opens and closes the sidebar on the page you are reading.
        </p>
      ) : (
        <p class="warn">
          No keyboard shortcut is set: the browser did not give Critical Reader its suggested key ({shortcuts.suggested}), usually because
          another extension or the browser already uses it. Choose one in the browser's shortcut settings
          {shortcuts.settingsPage ? ` (${shortcuts.settingsPage})` : ''}.
        </p>
      )}
      <button type="button" onClick={() => void shortcuts.openSettings()} data-action="shortcut-settings">
        {bound ? 'Change the shortcut' : 'Set a shortcut'}
      </button>
    </div>
  );
}
