/** Statements: positionality, involvement, competing interests, funding — a quote or "Not reported". */
import { STATEMENT_LABELS, type StatementKey } from '../../analysis/labels';
import { useSidebar } from '../context';
import { evidenceTarget, statementId } from '../targets';

const ORDER: StatementKey[] = ['positionality', 'involvement', 'competingInterests', 'funding'];

export function StatementsPanel() {
  const { critique, reveal } = useSidebar();
  return (
    <div class="panel-body">
      {ORDER.map((key) => {
        const r = critique.statements[key];
        const reported = r.found && !r.negative;
        // On an abstract page the declarations are in the full text, which is not here.
        const absent = critique.paper.scope === 'abstract' ? 'Not on this page' : 'Not reported';
        return (
          <section key={key} class="card statement" data-statement={key} data-found={String(r.found)} aria-label={STATEMENT_LABELS[key]}>
            <h3>
              {STATEMENT_LABELS[key]}{' '}
              <span class={`badge ${reported ? 'ok' : 'sev-caution'}`}>{r.found ? (r.negative ? 'Reported as none' : 'Reported') : absent}</span>
            </h3>
            {r.evidence.map((ev, i) => {
              const target = evidenceTarget(statementId(key, i), ev);
              return (
                <div key={i}>
                  <blockquote>{ev.quote}</blockquote>
                  <p class="meta">
                    {ev.section}
                    {target && (
                      <>
                        {' · '}
                        <button type="button" class="link" onClick={() => reveal(target)}>
                          Show in text
                        </button>
                      </>
                    )}
                  </p>
                </div>
              );
            })}
            {!r.found && <p class="empty">{critique.paper.scope === 'abstract' ? 'Not on this page: it shows the abstract, not the full text.' : 'Not reported.'}</p>}
            {key === 'involvement' && r.found && (
              <ul class="checklist" aria-label="Involvement details">
                <li>Who was involved: {r.who ? 'stated' : 'not stated'}</li>
                <li>At which stages: {r.stages ? 'stated' : 'not stated'}</li>
                <li>With what influence: {r.influence ? 'stated' : 'not stated'}</li>
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
