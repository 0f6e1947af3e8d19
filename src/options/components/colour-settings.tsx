/**
 * Highlight colours per category, for light and for dark pages, with the contrast of page text
 * on each colour shown as it is chosen. A colour that would hide the text or not show is kept in the
 * settings but not painted (the default is), and the page says so beside it.
 */
import type { HighlightCategory } from '../../sidebar/host';
import { HIGHLIGHT_CATEGORIES, PAGE_COLOURS, checkHighlight, type HighlightColours, type PageScheme } from '../../shared/colour-contrast';

export const CATEGORY_LABELS: Record<HighlightCategory, string> = {
  term: 'Uses of lens terms',
  definition: 'Definitions',
  dates: 'Search dates and limits',
  statement: 'Statements found',
  concern: 'Evidence of concerns',
  note: 'Your notes',
};

interface Props {
  colours: HighlightColours;
  onChange(colours: HighlightColours): void;
  onReset(): void;
}

export function ColourSettings({ colours, onChange, onReset }: Props) {
  const set = (category: HighlightCategory, scheme: PageScheme, value: string) =>
    onChange({ ...colours, [category]: { ...colours[category], [scheme]: value } });
  return (
    <div class="colours">
      <table>
        <thead>
          <tr>
            <th scope="col">Highlight</th>
            <th scope="col">On light pages</th>
            <th scope="col">On dark pages</th>
          </tr>
        </thead>
        <tbody>
          {HIGHLIGHT_CATEGORIES.map((category) => (
            <tr key={category}>
              <th scope="row">{CATEGORY_LABELS[category]}</th>
              {(['light', 'dark'] as const).map((scheme) => {
                const colour = colours[category][scheme];
                const report = checkHighlight(colour, scheme);
                const id = `colour-${category}-${scheme}`;
                const page = PAGE_COLOURS[scheme];
                return (
                  <td key={scheme}>
                    <div class="colour-cell">
                      <input
                        id={id}
                        type="color"
                        value={colour}
                        aria-label={`${CATEGORY_LABELS[category]} on ${scheme} pages`}
                        aria-describedby={`${id}-contrast`}
                        onInput={(e) => set(category, scheme, (e.currentTarget as HTMLInputElement).value)}
                      />
                      <span class="preview" style={{ background: page.background, color: page.text }}>
                        <span style={{ background: colour, color: page.text }}>sample text</span>
                      </span>
                    </div>
                    <p id={`${id}-contrast`} class={report.readable && !report.invisible ? 'contrast ok' : 'contrast warn'}>
                      {report.readable && !report.invisible ? '✓ ' : '⚠ '}
                      {report.message}
                    </p>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={onReset}>
        Reset colours to default
      </button>
    </div>
  );
}
