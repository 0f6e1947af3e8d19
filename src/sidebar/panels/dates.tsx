/** Dates: reference-year histogram (included studies marked), search dates, limits, share of old studies. */
import { binYears, type YearBin } from '../../analysis/histogram';
import { useSidebar } from '../context';
import { evidenceTarget, searchId } from '../targets';

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

export function DatesPanel() {
  const { critique, reveal } = useSidebar();
  const refs = critique.references;
  const inc = critique.includedStudies;
  const bins = binYears(refs.histogram, inc?.histogram);
  const s = critique.search;
  const limit = s.dateLimit
    ? `${s.dateLimit.from ?? (s.fromInception ? 'inception' : '…')} to ${s.dateLimit.to ?? '…'}`
    : s.noRestriction
      ? 'No date restriction (stated)'
      : s.fromInception
        ? 'From database inception'
        : 'Not stated';
  return (
    <div class="panel-body">
      <section class="card" aria-label="Reference years">
        <h3>Reference years</h3>
        <dl class="facts">
          <dt>References</dt>
          <dd data-fact="ref-count">{refs.count}</dd>
          <dt>With a year</dt>
          <dd>{refs.withYear}</dd>
          <dt>Range</dt>
          <dd>{refs.min !== null ? `${refs.min}–${refs.max}` : '—'}</dd>
          <dt>Median</dt>
          <dd>{refs.median ?? '—'}</dd>
          <dt>Older than 10 years{refs.referenceYear ? ` (before ${refs.referenceYear - 10})` : ''}</dt>
          <dd>{pct(refs.shareOlderThan10Years)}</dd>
          {inc && (
            <>
              <dt>Included studies ({inc.how})</dt>
              <dd>
                {inc.count}, {pct(inc.shareOlderThan10Years)} older than 10 years
              </dd>
            </>
          )}
        </dl>
        {bins.length > 0 ? <Histogram bins={bins} marked={!!inc} /> : <p class="empty">No reference years found.</p>}
      </section>
      <section class="card" aria-label="Search dates">
        <h3>Search</h3>
        <dl class="facts">
          <dt>Searched</dt>
          <dd>{s.dates.length ? s.dates.join(', ') : 'Not stated'}</dd>
          <dt>Date limit</dt>
          <dd>{limit}</dd>
          <dt>Reason given</dt>
          <dd>{s.justification ?? 'None found'}</dd>
        </dl>
        {s.evidence.map((ev, i) => {
          const target = evidenceTarget(searchId(i), ev);
          return (
            <div key={i}>
              <blockquote>{ev.quote}</blockquote>
              {target && (
                <button type="button" class="link" onClick={() => reveal(target)}>
                  Show in text
                </button>
              )}
            </div>
          );
        })}
      </section>
    </div>
  );
}

/** An SVG bar chart with a text table beside it for screen readers and copy-paste. */
function Histogram({ bins, marked }: { bins: YearBin[]; marked: boolean }) {
  const max = Math.max(1, ...bins.map((b) => b.count));
  const barW = 100 / bins.length;
  const H = 60;
  return (
    <figure class="histogram">
      <svg viewBox={`0 0 100 ${H + 10}`} preserveAspectRatio="none" role="img" aria-label="Histogram of reference years">
        {bins.map((b, i) => {
          const h = (b.count / max) * H;
          const hi = (b.included / max) * H;
          return (
            <g key={b.label}>
              <title>{`${b.label}: ${b.count} references${marked ? `, ${b.included} included studies` : ''}`}</title>
              <rect class="bar" x={i * barW + barW * 0.1} width={barW * 0.8} y={H - h} height={h} />
              {hi > 0 && <rect class="bar-included" x={i * barW + barW * 0.1} width={barW * 0.8} y={H - hi} height={hi} />}
            </g>
          );
        })}
        <line x1="0" x2="100" y1={H} y2={H} class="axis" />
      </svg>
      <figcaption class="hist-axis">
        <span>{bins[0]!.label}</span>
        {marked && <span class="legend-included">included studies</span>}
        <span>{bins[bins.length - 1]!.label}</span>
      </figcaption>
      <details>
        <summary>Show as table</summary>
        <table class="hist-table">
          <thead>
            <tr>
              <th scope="col">Years</th>
              <th scope="col">References</th>
              {marked && <th scope="col">Included</th>}
            </tr>
          </thead>
          <tbody>
            {bins.map((b) => (
              <tr key={b.label}>
                <td>{b.label}</td>
                <td>{b.count}</td>
                {marked && <td>{b.included}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
