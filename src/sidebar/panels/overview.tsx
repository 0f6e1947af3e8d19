/** Overview: the citation, findings per theme, then every finding, most serious first. */
import { THEME_LABELS, THEME_ORDER, shortAuthors } from '../../analysis/labels';
import { useState } from 'preact/hooks';
import { sendMessage } from '../../shared/messages';
import { useSidebar } from '../context';
import type { Critique, Finding } from '../../analysis/critique';
import { FindingCard } from '../finding-card';
import { groupByLens, groupsByLens } from '../lens-groups';

export function OverviewPanel() {
  const { critique, host } = useSidebar();
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
        {host.kind === 'html' && p.pdfUrl && <OpenPdfButton url={p.pdfUrl} />}
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
      {critique.audit && (
        <section class="audit-line" aria-label="Included studies">
          <p>
            <strong>Included studies:</strong> {critique.audit.summary}
          </p>
        </section>
      )}
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
        {groupsByLens(critique) ? (
          <FindingsByLens findings={critique.findings} lenses={critique.lenses} />
        ) : (
          critique.findings.map((f) => <FindingCard key={f.id} finding={f} />)
        )}
      </section>
    </div>
  );
}

/** The publisher's PDF (citation_pdf_url) in the extension's viewer, with the same critique beside it. */
function OpenPdfButton({ url }: { url: string }) {
  const [error, setError] = useState<string | null>(null);
  const open = async () => {
    setError(null);
    try {
      const r = await sendMessage({ type: 'open-pdf', url });
      if (!r?.ok) setError(r?.error ?? 'The PDF could not be opened.');
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <p class="open-pdf">
      <button type="button" onClick={open} data-action="open-pdf">
        Open the PDF in Critical Reader
      </button>
      {error && (
        <span role="alert" class="error">
          {' '}
          {error}
        </span>
      )}
    </p>
  );
}

/**
 * Several lenses: term findings under their lens name; findings no lens produced (dates,
 * statements, population) under their theme, as before — a lens heading would mislabel them.
 */
function FindingsByLens({ findings, lenses }: { findings: Finding[]; lenses: Critique['lenses'] }) {
  const { groups, rest } = groupByLens(findings, lenses);
  const themes = THEME_ORDER.map((theme) => ({ theme, items: rest.filter((f) => f.theme === theme) })).filter((g) => g.items.length > 0);
  return (
    <>
      {groups.map((g) => (
        <section key={`lens:${g.id}`} class="finding-group" aria-label={`Lens ${g.name}`} data-lens={g.id}>
          <h3 class="group-heading">{g.name}</h3>
          {g.items.map((f) => (
            <FindingCard key={f.id} finding={f} />
          ))}
        </section>
      ))}
      {themes.map((g) => (
        <section key={`theme:${g.theme}`} class="finding-group" aria-label={THEME_LABELS[g.theme]} data-theme-group={g.theme}>
          <h3 class="group-heading">{THEME_LABELS[g.theme]}</h3>
          {g.items.map((f) => (
            <FindingCard key={f.id} finding={f} />
          ))}
        </section>
      ))}
    </>
  );
}
