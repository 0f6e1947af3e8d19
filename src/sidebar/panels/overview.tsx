/** Overview: the citation, findings per theme, then every finding, most serious first. */
import { THEME_LABELS, THEME_ORDER, shortAuthors } from '../../analysis/labels';
import { useSidebar } from '../context';
import { FindingCard } from '../finding-card';

export function OverviewPanel() {
  const { critique } = useSidebar();
  const p = critique.paper;
  const authors = shortAuthors(p.authors);
  return (
    <div class="panel-body">
      <section class="citation" aria-label="Citation">
        <p class="title">{p.title ?? 'Untitled document'}</p>
        <p class="meta">
          {[authors, p.year ? `(${p.year})` : '', p.journal ?? ''].filter(Boolean).join(' ')}
        </p>
        {p.doi && <p class="meta">doi: {p.doi}</p>}
      </section>
      <section aria-label="Findings per theme">
        <ul class="theme-counts">
          {THEME_ORDER.map((theme) => {
            const n = critique.findings.filter((f) => f.theme === theme).length;
            return (
              <li key={theme} data-theme={theme}>
                <span class="count">{n}</span> {THEME_LABELS[theme]}
              </li>
            );
          })}
        </ul>
      </section>
      {critique.warnings.length > 0 && (
        <section class="warnings" aria-label="Extraction warnings">
          <ul>
            {critique.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </section>
      )}
      <section aria-label="Findings" class="findings">
        <h2>Findings ({critique.findings.length})</h2>
        {critique.findings.length === 0 && <p class="empty">Nothing to report with the current lenses.</p>}
        {critique.findings.map((f) => (
          <FindingCard key={f.id} finding={f} />
        ))}
      </section>
    </div>
  );
}
