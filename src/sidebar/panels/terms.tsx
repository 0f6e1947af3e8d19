/** Terms: per lens term, senses with counts, definition status, and occurrences to step through. */
import { useState } from 'preact/hooks';
import { PAPER_SUBJECT_REASON, type TermReport } from '../../analysis/critique';
import { useSidebar } from '../context';
import { groupByLens, groupsByLens } from '../lens-groups';
import { occurrenceTarget } from '../targets';

export function TermsPanel() {
  const { critique } = useSidebar();
  if (critique.terms.length === 0) return <p class="empty panel-body">No lens terms are used in this paper.</p>;
  if (!groupsByLens(critique)) {
    return (
      <div class="panel-body">
        {critique.terms.map((t) => (
          <TermCard key={`${t.lens}:${t.term}`} term={t} />
        ))}
      </div>
    );
  }
  // Several lenses: one group per lens, the lens name as sub-heading.
  const { groups } = groupByLens(critique.terms, critique.lenses);
  return (
    <div class="panel-body">
      {groups.map((g) => (
        <section key={g.id} class="lens-group" aria-label={`Lens ${g.name}`} data-lens={g.id}>
          <h2 class="group-heading">{g.name}</h2>
          {g.items.map((t) => (
            <TermCard key={`${t.lens}:${t.term}`} term={t} />
          ))}
        </section>
      ))}
    </div>
  );
}

function definitionStatus(t: TermReport): string {
  if (t.definitions.length === 0) return t.expectDefinition ? 'Not defined' : 'No definition (not expected)';
  const own = t.definitions.filter((d) => d.origin === 'own').length;
  const cited = t.definitions.length - own;
  return [own ? `${own} own` : '', cited ? `${cited} cited` : ''].filter(Boolean).join(', ') + (t.definitions.length === 1 ? ' definition' : ' definitions');
}

function TermCard({ term: t }: { term: TermReport }) {
  const { reveal } = useSidebar();
  const [index, setIndex] = useState(-1);
  const total = t.occurrences.length;
  const step = (delta: number) => {
    if (!total) return;
    const next = index < 0 ? (delta > 0 ? 0 : total - 1) : (index + delta + total) % total;
    setIndex(next);
    reveal(occurrenceTarget(t.term, next, t.occurrences[next]!));
  };
  const current = index >= 0 ? t.occurrences[index] : undefined;
  const senses = Object.entries(t.senses).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  return (
    <section class="card term" aria-label={`Term ${t.label}`} data-term={t.term}>
      <h3>
        {t.label} <span class="count">{t.count}</span>
      </h3>
      {senses.length > 0 && (
        <ul class="senses" aria-label="Senses">
          {senses.map(([sense, n]) => (
            <li key={sense}>
              {sense}: {n}
            </li>
          ))}
        </ul>
      )}
      <p class={`def-status ${t.definitions.length ? 'ok' : t.expectDefinition ? 'gap' : ''}`}>{definitionStatus(t)}</p>
      {total > 0 && (
        <div class="stepper" role="group" aria-label={`Occurrences of ${t.label}`}>
          <button type="button" onClick={() => step(-1)} aria-label={`Previous occurrence of ${t.label}`}>
            ‹ Previous
          </button>
          <span aria-live="polite">{index >= 0 ? `${index + 1} of ${total}` : `${total} uses`}</span>
          <button type="button" onClick={() => step(1)} aria-label={`Next occurrence of ${t.label}`}>
            Next ›
          </button>
        </div>
      )}
      {current && (
        <div class="occurrence">
          <blockquote>{current.sentence}</blockquote>
          <p class="meta">
            {current.section} · sense: {current.sense}
            {current.senseFrom ? ` (from ${current.senseFrom === PAPER_SUBJECT_REASON ? "the paper's subject" : `“${current.senseFrom}”`})` : ''}
            {current.inReference ? ' · in a reference' : ''}
          </p>
        </div>
      )}
    </section>
  );
}
