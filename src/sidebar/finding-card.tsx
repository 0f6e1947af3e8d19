/** One finding: severity, summary, evidence you can jump to, the reader's verdict and notes. */
import { useState } from 'preact/hooks';
import type { Finding } from '../analysis/critique';
import { KIND_LABELS, SEVERITY_LABELS } from '../analysis/labels';
import { useSidebar } from './context';
import { NoteItem } from './note-item';
import { saveFailure } from './save-failure';
import { evidenceId, evidenceTarget } from './targets';

const EVIDENCE_SHOWN = 3;

export interface FindingCardProps {
  finding: Finding;
}

export function FindingCard({ finding }: FindingCardProps) {
  const { reveal, notes, store, announce } = useSidebar();
  const [noting, setNoting] = useState(false);
  const [draft, setDraft] = useState('');
  const [allEvidence, setAllEvidence] = useState(false);
  // Long evidence lists (e.g. every old reference) would make the first render slow and the card unreadable.
  const shownEvidence = allEvidence ? finding.evidence : finding.evidence.slice(0, EVIDENCE_SHOWN);
  const verdict = notes.find((n) => n.findingId === finding.id && n.verdict && !n.text)?.verdict ?? null;
  const attached = notes.filter((n) => n.findingId === finding.id && n.text);
  const setVerdict = (v: 'agree' | 'disagree') => store.setVerdict(finding.id, verdict === v ? null : v).catch((e: unknown) => announce(saveFailure(e, 'Your verdict was not saved', false)));
  const save = async () => {
    if (!draft.trim()) return;
    try {
      await store.add({ text: draft.trim(), findingId: finding.id, section: finding.evidence[0]?.section });
    } catch (e) {
      announce(saveFailure(e, 'The note was not saved', true));
      return;
    }
    setDraft('');
    setNoting(false);
  };
  return (
    <article class={`finding sev-${finding.severity}`} data-finding-kind={finding.kind} data-finding-id={finding.id} aria-label={KIND_LABELS[finding.kind]}>
      <header class="finding-head">
        <span class={`badge sev-${finding.severity}`}>{SEVERITY_LABELS[finding.severity]}</span>
        <span class="finding-kind">{KIND_LABELS[finding.kind]}</span>
      </header>
      <p class="finding-summary">{finding.summary}</p>
      {finding.evidence.length > 0 && (
        <ul class="evidence">
          {shownEvidence.map((ev, i) => {
            const target = evidenceTarget(evidenceId(finding.id, i), ev);
            return (
              <li key={i}>
                <blockquote>{ev.quote}</blockquote>
                <div class="evidence-meta">
                  <span>{ev.section}{ev.page !== undefined ? `, p. ${ev.page}` : ''}</span>
                  {target && (
                    <button type="button" class="link" onClick={() => reveal(target)} data-reveal={target.id}>
                      Show in text
                    </button>
                  )}
                </div>
              </li>
            );
          })}
          {finding.evidence.length > shownEvidence.length && (
            <li>
              <button type="button" class="link" onClick={() => setAllEvidence(true)}>
                Show {finding.evidence.length - shownEvidence.length} more
              </button>
            </li>
          )}
        </ul>
      )}
      <div class="finding-actions" role="group" aria-label="Your verdict">
        <button type="button" class="chip" aria-pressed={verdict === 'agree'} onClick={() => setVerdict('agree')}>
          Agree
        </button>
        <button type="button" class="chip" aria-pressed={verdict === 'disagree'} onClick={() => setVerdict('disagree')}>
          Disagree
        </button>
        <button type="button" class="chip" aria-expanded={noting} onClick={() => setNoting(!noting)}>
          Add note
        </button>
      </div>
      {noting && (
        <div class="note-form">
          <label>
            <span class="visually-hidden">Note on this finding</span>
            <textarea value={draft} onInput={(e) => setDraft((e.currentTarget as HTMLTextAreaElement).value)} rows={3} placeholder="Your note on this finding" />
          </label>
          <button type="button" class="primary" onClick={save}>
            Save note
          </button>
        </div>
      )}
      {attached.length > 0 && (
        <ul class="attached-notes" aria-label="Your notes on this finding">
          {attached.map((n) => (
            <NoteItem key={n.id} note={n} withQuote={false} />
          ))}
        </ul>
      )}
    </article>
  );
}
