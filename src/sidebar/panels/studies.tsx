/**
 * Included studies (reviews only): the audit's summary, flag filters, and a sortable table with one
 * row per study; a row's "Show" goes to its reference entry in the paper.
 */
import { useState } from 'preact/hooks';
import type { StudyFlagKind, StudyRow } from '../../analysis/critique';
import { FLAG_KINDS, FLAG_LABELS } from '../../analysis/study-audit/audit';
import { useSidebar } from '../context';

type SortKey = 'order' | 'author' | 'year' | 'sense' | 'flags';

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'author', label: 'Study' },
  { key: 'year', label: 'Year' },
  { key: 'sense', label: '"Peer" means' },
  { key: 'flags', label: 'Flags' },
];

function compare(key: SortKey, a: { row: StudyRow; i: number }, b: { row: StudyRow; i: number }): number {
  switch (key) {
    case 'author':
      return (a.row.firstAuthor ?? '').localeCompare(b.row.firstAuthor ?? '') || a.i - b.i;
    case 'year':
      return (a.row.year ?? 9999) - (b.row.year ?? 9999) || a.i - b.i;
    case 'sense':
      return a.row.senseLabel.localeCompare(b.row.senseLabel) || a.i - b.i;
    case 'flags':
      return b.row.flags.length - a.row.flags.length || a.i - b.i;
    default:
      return a.i - b.i;
  }
}

export function StudiesPanel() {
  const { critique, reveal } = useSidebar();
  const audit = critique.audit;
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'order', descending: false });
  const [only, setOnly] = useState<Set<StudyFlagKind>>(new Set());
  if (!audit) return <div class="panel-body"><p class="empty">This paper is not a review with included studies.</p></div>;
  if (!audit.rows.length) {
    return (
      <div class="panel-body studies">
        <p class="audit-summary">{audit.summary}</p>
        {audit.supplement && <blockquote>{audit.supplement}</blockquote>}
      </div>
    );
  }
  const shown = audit.rows
    .map((row, i) => ({ row, i }))
    .filter(({ row }) => only.size === 0 || row.flags.some((f) => only.has(f.kind)))
    .sort((a, b) => (sort.descending ? -1 : 1) * compare(sort.key, a, b));
  const toggle = (kind: StudyFlagKind) => {
    const next = new Set(only);
    if (next.has(kind)) next.delete(kind);
    else next.add(kind);
    setOnly(next);
  };
  const sortBy = (key: SortKey) => setSort((s) => ({ key, descending: s.key === key ? !s.descending : false }));
  return (
    <div class="panel-body studies">
      <p class="audit-summary">{audit.summary}</p>
      <p class="meta">
        {audit.rows.length} studies, {audit.source}
        {audit.referenceYear !== null ? `; ages from the ${audit.referenceYearIs} (${audit.referenceYear})` : ''}.
      </p>
      <fieldset class="flag-filters">
        <legend>Show only studies flagged</legend>
        {FLAG_KINDS.filter((k) => audit.counts[k] > 0).map((k) => (
          <label key={k}>
            <input type="checkbox" data-flag={k} checked={only.has(k)} onChange={() => toggle(k)} /> {FLAG_LABELS[k]} ({audit.counts[k]})
          </label>
        ))}
      </fieldset>
      <table class="studies-table">
        <caption class="visually-hidden">Included studies, {shown.length} shown</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                <button type="button" class="link" data-sort={c.key} onClick={() => sortBy(c.key)}>
                  {c.label}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map(({ row, i }) => (
            <tr key={i} data-study={i} data-flags={row.flags.map((f) => f.kind).join(' ')}>
              <td>
                {row.anchor ? (
                  <button type="button" class="link" title={row.title} onClick={() => reveal({ id: `study:${i}`, anchor: row.anchor!, quote: row.entry ?? row.title })}>
                    {row.firstAuthor ?? '—'}
                  </button>
                ) : (
                  row.firstAuthor ?? '—'
                )}
                <div class="study-title">{row.title}</div>
                <div class="meta">{[row.modes.join(', ') || 'mode not stated', row.population.join(', ')].filter(Boolean).join(' · ')}</div>
              </td>
              <td>{row.year ?? '—'}</td>
              <td>{row.senseLabel}</td>
              <td>
                <ul class="plain">
                  {row.flags.map((f, k) => (
                    <li key={k} data-flag={f.kind}>
                      <strong>{FLAG_LABELS[f.kind]}</strong>: {f.reason}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
