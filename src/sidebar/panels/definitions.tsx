/** Definitions: each one found (own or cited, where, before or after first use) and each gap. */
import { useSidebar } from '../context';
import { definitionId } from '../targets';

export function DefinitionsPanel() {
  const { critique, reveal } = useSidebar();
  const defined = critique.terms.filter((t) => t.definitions.length > 0);
  const gapFindings = critique.findings.filter((f) => f.kind === 'definition-gap');
  // A gap the definitions check reported is shown in its words (the same counts as everywhere);
  // a term used too rarely for a finding is still listed, with its count.
  const gaps = critique.terms.filter(
    (t) => t.definitions.length === 0 && t.expectDefinition && t.count > 0 && !gapFindings.some((f) => f.lens === t.lens && f.term === t.term),
  );
  return (
    <div class="panel-body">
      <h2>Definitions found</h2>
      {defined.length === 0 && <p class="empty">No definitions of the lens terms were found.</p>}
      {defined.map((t) => (
        <section class="card" key={t.term} aria-label={`Definitions of ${t.label}`}>
          <h3>{t.label}</h3>
          <ul class="plain">
            {t.definitions.map((d, i) => (
              <li key={i} class="definition" data-origin={d.origin}>
                <blockquote>{d.text}</blockquote>
                <p class="meta">
                  {d.origin === 'own' ? "Authors' own definition" : 'Cited definition'} · {d.section} ·{' '}
                  {d.usesBefore === 0 ? 'before first use' : `after ${d.usesBefore} earlier use${d.usesBefore === 1 ? '' : 's'}`}
                </p>
                <button type="button" class="link" onClick={() => reveal({ id: definitionId(t.term, i), anchor: d.anchor, quote: d.text })}>
                  Show in text
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <h2>Gaps</h2>
      {gaps.length === 0 && gapFindings.length === 0 && <p class="empty">No definition gaps.</p>}
      <ul class="plain">
        {gaps.map((t) => (
          <li key={t.term} class="gap">
            <strong>{t.label}</strong> is used {t.count} time{t.count === 1 ? '' : 's'} but never defined.
          </li>
        ))}
        {gapFindings.map((f) => (
          <li key={f.id} class="gap">
            {f.summary}
          </li>
        ))}
      </ul>
    </div>
  );
}
