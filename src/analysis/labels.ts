/** Human-readable names for themes, finding kinds and statements, shared by the sidebar, Markdown and CLI. */
import type { Critique, FindingKind, Severity, Theme } from './critique';

export const THEME_LABELS: Record<Theme, string> = {
  terms: 'Terms and definitions',
  dates: 'Publication dates and search limits',
  statements: 'Statements and declarations',
  population: 'Population',
};

export const THEME_ORDER: Theme[] = ['terms', 'dates', 'population', 'statements'];

export const KIND_LABELS: Record<FindingKind, string> = {
  'definition-gap': 'Definition gap',
  'mixed-senses': 'Mixed senses',
  'automated-peer': 'Automated "peers"',
  'no-date-limit': 'No publication-date limit',
  'date-spread': 'Old studies',
  'missing-positionality': 'Positionality not reported',
  'missing-involvement': 'Lived-experience involvement not reported',
  'missing-competing-interests': 'Competing interests not reported',
  'missing-funding': 'Funding not reported',
  'involvement-vague': 'Involvement vaguely described',
  'population-mismatch': 'Population mismatch',
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  concern: 'Concern',
  caution: 'Caution',
  info: 'Note',
};

export type StatementKey = keyof Critique['statements'];

export const STATEMENT_LABELS: Record<StatementKey, string> = {
  positionality: 'Positionality / reflexivity',
  involvement: 'Lived-experience / public involvement',
  competingInterests: 'Competing interests',
  funding: 'Funding',
};

/** "Smith J, Jones K, et al." style author list for citation lines. */
export function shortAuthors(authors: string[], max = 3): string {
  if (authors.length === 0) return '';
  if (authors.length <= max) return authors.join(', ');
  return `${authors.slice(0, max).join(', ')}, et al.`;
}
