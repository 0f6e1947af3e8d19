/**
 * The hand-annotated real papers (`../shared/corpus/gold`): scores per area and the lines a
 * reader needs to see what is wrong (every wrong definition status, sense, statement and search
 * fact, with the sentence). Part of `npm run eval`; `npm run eval -- gold` runs it alone.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analysePaper } from '../src/analysis/engine';
import { htmlPaper } from './eval-pages';
import { GOLD_STATEMENTS, scoreGold, senseCorrect, summariseGold, type BinaryScore, type GoldOutcome, type GoldRecord } from '../src/eval/gold';

const ratio = (r: { correct: number; total: number }) => (r.total ? `${(r.correct / r.total).toFixed(3)} (${r.correct}/${r.total})` : 'n/a');
const num = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));
const clip = (s: string, n = 160) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

export function evalGold(corpus: string): void {
  const dir = join(corpus, 'gold');
  if (!existsSync(dir)) {
    console.log(`\n## Hand-annotated real papers\n\nAbsent: expected ${dir}.`);
    return;
  }
  const outcomes: GoldOutcome[] = [];
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort()) {
    const gold = JSON.parse(readFileSync(join(dir, f), 'utf8')) as GoldRecord;
    const page = join(dir, f.replace(/\.gold\.json$/, '.html'));
    if (!existsSync(page)) continue;
    const critique = analysePaper(htmlPaper(page));
    outcomes.push(scoreGold(critique, gold));
  }
  const sum = summariseGold(outcomes);
  console.log(`\n## Hand-annotated real papers (${sum.papers}, ../shared/corpus/gold)\n`);
  console.log('| area | score | target |');
  console.log('|---|---|---|');
  console.log(`| definition status per term (own / cited / none) | ${ratio(sum.definitionAccuracy)} | ≥ 0.95 |`);
  console.log(`| sense of each annotated "peer" use | ${ratio(sum.senseAccuracy)} | ≥ 0.92 |`);
  const row = (name: string, s: BinaryScore, target: string) =>
    console.log(`| ${name}: P ${num(s.precision)}, R ${num(s.recall)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn}) | F1 ${num(s.f1)} | ${target} |`);
  row('positionality', sum.statements.positionality, 'F1 ≥ 0.90');
  row('lived-experience involvement', sum.statements.involvement, 'F1 ≥ 0.90');
  row('competing interests', sum.statements.competingInterests, 'F1 ≥ 0.97');
  row('funding', sum.statements.funding, 'F1 ≥ 0.97');
  const search = { correct: sum.searchDates.correct + sum.searchLimit.correct, total: sum.searchDates.total + sum.searchLimit.total };
  console.log(`| search dates (reviews) | ${ratio(sum.searchDates)} | |`);
  console.log(`| publication-date limit (reviews) | ${ratio(sum.searchLimit)} | |`);
  console.log(`| search dates and limit together | ${ratio(search)} | ≥ 0.90 |`);

  const senses = [...new Set(Object.values(sum.senseConfusion).flatMap((r) => Object.keys(r)).concat(Object.keys(sum.senseConfusion)))].sort();
  console.log('\nSense confusion (rows: truth, columns: engine):\n');
  console.log(`| truth \\ engine | ${senses.join(' | ')} |`);
  console.log(`|---|${senses.map(() => '---:').join('|')}|`);
  for (const t of Object.keys(sum.senseConfusion).sort()) {
    console.log(`| ${t} | ${senses.map((p) => sum.senseConfusion[t]![p] ?? '').join(' | ')} |`);
  }

  const wrong: string[] = [];
  for (const o of outcomes) {
    for (const d of o.definitions) {
      if (d.truth !== d.predicted) wrong.push(`${o.name} definition of '${d.term}': truth ${d.truth}, engine ${d.predicted}${d.quotes.length ? ` — "${clip(d.quotes[0]!)}"` : ''}`);
    }
    for (const s of o.senses) {
      if (!senseCorrect(s)) wrong.push(`${o.name} sense of '${s.match}': truth ${s.truth}, engine ${s.predicted} — "${clip(s.sentence)}"`);
    }
    for (const f of GOLD_STATEMENTS) {
      const s = o.statements.find((x) => x.field === f)!;
      if (s.truth !== s.found) wrong.push(`${o.name} ${f}: ${s.truth ? 'missed' : `falsely found — "${clip(s.evidence ?? '')}"`}`);
    }
    if (o.search) {
      if (o.search.dates.join(',') !== o.search.truthDates.join(',')) wrong.push(`${o.name} search dates: truth [${o.search.truthDates.join(', ')}], engine [${o.search.dates.join(', ')}]`);
      if (o.search.limit !== o.search.truthLimit) wrong.push(`${o.name} date limit: truth ${o.search.truthLimit}, engine ${o.search.limit}`);
    }
  }
  if (wrong.length) console.log(`\nWhat is wrong (${wrong.length}):\n  ` + wrong.join('\n  '));
}
