/**
 * The critique as Markdown a reader pastes into notes (Obsidian, Zotero, a word processor):
 * citation line, summary table, findings by theme with quotes and locations, term and statement
 * tables, the reference-year histogram as text, then the reader's notes.
 */
import { incompleteMessage, type Critique, type Evidence, type Finding, type StudyAudit, type Theme } from './critique';
import { FLAG_LABELS } from './study-audit/audit';
import { binYears } from './histogram';
import { KIND_LABELS, SEVERITY_LABELS, STATEMENT_LABELS, THEME_LABELS, THEME_ORDER, shortAuthors, type StatementKey } from './labels';
import { mdCell, mdNoteText, mdText, stripControls } from './markdown-escape';
import type { ReaderNote } from './reader-notes';

export interface MarkdownOptions {
  notes?: ReaderNote[];
  /** Date shown as "analysed on"; defaults to today. Fixed in tests. */
  date?: Date;
  /** Quotes longer than this are shortened with an ellipsis. */
  maxQuote?: number;
  /** Start with YAML front matter (title, authors, year, DOI, URL, tags), as Obsidian and Zotero read it. */
  frontMatter?: boolean;
}

export function critiqueToMarkdown(c: Critique, options: MarkdownOptions = {}): string {
  const notes = options.notes ?? [];
  const maxQuote = options.maxQuote ?? 400;
  const out: string[] = [];
  const title = c.paper.title ?? 'Untitled document';
  if (options.frontMatter) out.push(...frontMatter(c), '');
  out.push(`# Critical reading: ${mdText(title)}`, '');
  out.push(`**Citation:** ${citationLine(c)}`, '');
  // The page read, as a link, when it is not simply the DOI's landing page.
  if (c.paper.doi && c.paper.url && /^https?:/i.test(c.paper.url)) out.push(`**Read at:** <${encodeURI(c.paper.url)}>`, '');
  const when = (options.date ?? new Date()).toISOString().slice(0, 10);
  const lensNames = c.lenses.map((l) => mdText(l.name)).join(', ');
  out.push(`*${c.paper.source === 'pdf' ? 'PDF' : c.paper.source === 'html' ? 'Web page' : 'Text'} analysed with ${mdText(c.generator)} on ${when}. Lenses: ${lensNames || 'none'}.*`, '');

  // A partial analysis says so before anything a reader might take for complete.
  if (c.incomplete) out.push(`> **Partial analysis.** ${mdText(incompleteMessage(c.incomplete))}`, '');
  out.push('## Summary', '');
  out.push(...summaryTable(c), '');
  out.push(...keyFacts(c), '');

  out.push('## Findings', '');
  if (c.findings.length === 0) out.push('No findings.', '');
  const verdicts = notesByFinding(notes);
  for (const theme of THEME_ORDER) {
    const inTheme = c.findings.filter((f) => f.theme === theme);
    if (inTheme.length === 0) continue;
    out.push(`### ${THEME_LABELS[theme]}`, '');
    for (const f of inTheme) out.push(...findingLines(f, termLabel(c, f), verdicts.get(f.id) ?? [], maxQuote), '');
  }

  if (c.terms.length) {
    out.push('## Terms', '');
    out.push('| Term | Uses | Senses | Defined |', '|---|---:|---|---|');
    for (const t of c.terms) {
      // A term without senses reports all its uses as "unspecified": that says nothing, so show a dash.
      const senses = Object.entries(t.senses)
        .filter(([s, n]) => n > 0 && !(s === 'unspecified' && Object.keys(t.senses).length === 1))
        .sort((a, b) => b[1] - a[1])
        .map(([s, n]) => `${s} ${n}`)
        .join(', ');
      const defined = t.definitions.length
        ? t.definitions.map((d) => `${d.origin === 'own' ? 'own' : 'cited'}, ${d.section}`).join('; ')
        : t.expectDefinition && t.count > 0 ? 'not defined' : '—';
      out.push(`| ${mdCell(t.label)} | ${t.count} | ${mdCell(senses || '—')} | ${mdCell(defined)} |`);
    }
    out.push('');
  }

  out.push('## Statements', '');
  out.push('| Statement | Reported | Evidence |', '|---|---|---|');
  for (const key of Object.keys(STATEMENT_LABELS) as StatementKey[]) {
    const s = c.statements[key];
    const ev = s.evidence[0];
    const reported = s.found ? (s.negative ? 'yes (no involvement)' : 'yes') : c.paper.scope === 'abstract' ? 'not on this page (abstract only)' : 'not reported';
    out.push(`| ${STATEMENT_LABELS[key]} | ${reported} | ${ev ? mdCell(shorten(ev.quote, 160)) + ' (' + mdCell(location(ev)) + ')' : '—'} |`);
  }
  out.push('');

  out.push(...histogramLines(c), '');
  if (c.audit) out.push(...auditLines(c.audit), '');

  out.push('## My notes', '');
  const freeNotes = notes.filter((n) => !n.findingId);
  for (const n of freeNotes) out.push(...noteLines(n, maxQuote), '');
  if (freeNotes.length === 0) out.push('', '');
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n\n';
}

export function citationLine(c: Critique): string {
  const p = c.paper;
  const parts: string[] = [];
  const authors = shortAuthors(p.authors);
  parts.push(`${authors ? mdText(authors) + ' ' : ''}(${p.year ?? 'n.d.'}).`);
  parts.push(`${mdText(p.title ?? 'Untitled')}.`);
  if (p.journal) parts.push(`*${mdText(p.journal)}*.`);
  if (p.doi) parts.push(`<https://doi.org/${encodeURI(p.doi)}>`);
  else if (p.url && /^https?:/i.test(p.url)) parts.push(`<${encodeURI(p.url)}>`);
  return parts.join(' ');
}

/**
 * YAML front matter: values as JSON strings, which YAML reads as double-quoted scalars (so a
 * title with a colon or a quote cannot break it), control characters removed.
 */
function frontMatter(c: Critique): string[] {
  const q = (s: string) => JSON.stringify(stripControls(s));
  const p = c.paper;
  const lines = ['---', `title: ${q(p.title ?? 'Untitled document')}`];
  if (p.authors.length) lines.push('authors:', ...p.authors.map((a) => `  - ${q(a)}`));
  if (p.year !== null) lines.push(`year: ${p.year}`);
  if (p.journal) lines.push(`journal: ${q(p.journal)}`);
  if (p.doi) lines.push(`doi: ${q(p.doi)}`);
  if (p.url && /^https?:/i.test(p.url)) lines.push(`url: ${q(p.url)}`);
  lines.push('tags:', '  - critical-reading', '---');
  return lines;
}

function summaryTable(c: Critique): string[] {
  const rows = ['| Theme | Findings | Most serious |', '|---|---:|---|'];
  for (const theme of THEME_ORDER) {
    const fs = c.findings.filter((f) => f.theme === theme);
    const top = fs[0];
    // A table cell is a glance: the full summary follows under Findings.
    rows.push(`| ${THEME_LABELS[theme as Theme]} | ${fs.length} | ${top ? `${SEVERITY_LABELS[top.severity]}: ${mdCell(shorten(top.summary, 140))}` : '—'} |`);
  }
  return rows;
}

function keyFacts(c: Critique): string[] {
  const facts: string[] = [];
  const r = c.references;
  facts.push(`- **References:** ${r.count}${r.withYear ? `, ${r.min}–${r.max}, median ${r.median}` : ''}${r.count - r.withYear > 0 ? ` (${r.count - r.withYear} without a year)` : ''}.`);
  const inc = c.includedStudies;
  if (inc) facts.push(`- **Included studies** (${mdText(inc.how)}): ${inc.count}${inc.withYear ? `, ${inc.min}–${inc.max}, median ${inc.median}` : ''}${share(inc.shareOlderThan10Years, inc.referenceYear)}.`);
  const s = c.search;
  const limit = s.dateLimit
    ? `${s.dateLimit.from ?? 'any'}–${s.dateLimit.to ?? 'any'}`
    : s.noRestriction ? 'none (stated)' : s.fromInception ? 'from database inception' : 'not stated';
  facts.push(`- **Searches:** ${s.dates.length ? s.dates.join(', ') : 'no search dates stated'}; publication-date limit: ${limit}.`);
  return facts;
}

function share(v: number | null, year: number | null): string {
  return v === null || year === null ? '' : `; ${Math.round(v * 100)}% more than 10 years older than ${year}`;
}

/** The label a reader knows a finding's term by ("digital peer support", not its id). */
function termLabel(c: Critique, f: Finding): string | null {
  if (!f.term) return null;
  return c.terms.find((t) => t.term === f.term && (f.lens === undefined || t.lens === f.lens))?.label ?? f.term;
}

function findingLines(f: Finding, label: string | null, notes: ReaderNote[], maxQuote: number): string[] {
  const head = `${SEVERITY_LABELS[f.severity]} — ${KIND_LABELS[f.kind]}${label ? ` (${mdText(label)})` : ''}`;
  const lines = [`- **${head}:** ${mdText(f.summary)}`];
  // Every piece of evidence: a list cut at three (the old studies) is one a reader cannot use.
  for (const ev of f.evidence) lines.push(`  > "${mdText(shorten(ev.quote, maxQuote))}" — ${mdText(location(ev))}`);
  for (const n of notes) {
    const verdict = n.verdict ? `I ${n.verdict}.` : '';
    const text = n.text.trim() ? ` ${mdNoteText(n.text.trim()).replace(/\n/g, '\n    ')}` : '';
    lines.push(`  - *My view:* ${verdict}${text}`);
  }
  return lines;
}

function noteLines(n: ReaderNote, maxQuote: number): string[] {
  const lines: string[] = [];
  const where = [n.section, n.page ? `p. ${n.page}` : ''].filter(Boolean).join(', ');
  const cat = n.category ? ` [${mdText(n.category)}]` : '';
  if (n.quote) lines.push(`> "${mdText(shorten(n.quote, maxQuote))}"${where ? ` — ${mdText(where)}` : ''}`, '');
  lines.push(`- ${mdNoteText(n.text.trim() || '(highlight)')}${cat}`);
  return lines;
}

function histogramLines(c: Critique): string[] {
  const r = c.references;
  if (!r.withYear) return ['## Reference years', '', 'No reference years found.'];
  const includedHist: Record<string, number> = {};
  for (const e of r.entries) if (e.included && e.year !== null) includedHist[e.year] = (includedHist[e.year] ?? 0) + 1;
  const hasIncluded = Object.keys(includedHist).length > 0;
  const bins = binYears(r.histogram, hasIncluded ? includedHist : undefined);
  const widest = Math.max(...bins.map((b) => b.count));
  const scale = widest > 40 ? 40 / widest : 1;
  const labelWidth = Math.max(...bins.map((b) => b.label.length));
  const lines = ['## Reference years', '', '```text'];
  for (const b of bins) {
    const inc = Math.round(b.included * scale);
    const all = Math.round(b.count * scale);
    const bar = '█'.repeat(inc) + '▒'.repeat(Math.max(0, all - inc));
    lines.push(`${b.label.padEnd(labelWidth)} | ${bar}${bar ? ' ' : ''}${b.count}${hasIncluded && b.included ? ` (${b.included} included)` : ''}`);
  }
  lines.push('```');
  if (hasIncluded) lines.push('', '█ included studies, ▒ other references.');
  return lines;
}

/** The included-studies audit: its summary line and every study, one row each. */
function auditLines(a: StudyAudit): string[] {
  const lines = ['## Included studies', ''];
  if (!a.rows.length) return [...lines, mdText(a.summary), ...(a.supplement ? ['', `> ${mdText(a.supplement)}`] : [])];
  const since = a.referenceYear !== null ? `; ages from the ${a.referenceYearIs} (${a.referenceYear})` : '';
  lines.push(`**${mdText(a.summary)}**`, '', `*${a.rows.length} studies, ${mdText(a.source)}${since}.*`, '');
  lines.push('| # | Study | Year | Title | "Peer" means | Digital mode | Population | Flags |', '|---:|---|---:|---|---|---|---|---|');
  a.rows.forEach((r, i) => {
    const flags = r.flags.map((f) => `${FLAG_LABELS[f.kind]}: ${f.reason}`).join('; ');
    const sense = r.senseFrom ? `${r.senseLabel} (${r.senseFrom})` : r.senseLabel;
    lines.push(
      `| ${i + 1} | ${mdCell(r.firstAuthor ?? '—')} | ${r.year ?? '—'} | ${mdCell(shorten(r.title, 160))} | ${mdCell(sense)} | ${mdCell(r.modes.join(', ') || 'not stated')} | ${mdCell(r.population.join(', ') || 'not stated')} | ${mdCell(flags || '—')} |`,
    );
  });
  return lines;
}

function notesByFinding(notes: ReaderNote[]): Map<string, ReaderNote[]> {
  const map = new Map<string, ReaderNote[]>();
  for (const n of notes) if (n.findingId) map.set(n.findingId, [...(map.get(n.findingId) ?? []), n]);
  return map;
}

export function location(ev: Evidence): string {
  return [ev.section, ev.page !== undefined ? `p. ${ev.page}` : ''].filter(Boolean).join(', ');
}

function shorten(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max - 1).trimEnd() + '…';
}
