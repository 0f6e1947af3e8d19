/**
 * What every check receives: the paper, the active lenses, precomputed sentences, and the
 * critique being built. Checks run in registry order (src/analysis/checks/index.ts) and may
 * read what earlier checks wrote (e.g. the definitions check reads the term reports).
 */
import type { Critique, Finding } from './critique';
import type { Lens } from './lens';
import type { Paper } from './model';
import type { Sentence } from './text';

export interface AnalysisContext {
  paper: Paper;
  lenses: Lens[];
  /** All sentences in reading order (reference entries included, role 'references'). */
  sentences: Sentence[];
  /** The critique under construction; checks fill their own part. */
  critique: Critique;
  /** Adds a finding; the engine gives it a stable id and sorts findings at the end. */
  addFinding(finding: Omit<Finding, 'id'>): void;
  /** True once the analysis has used its time (AnalyseOptions.budgetMs): long loops stop there. */
  outOfTime(): boolean;
  /** A long loop stopped early: how much of the text it had read (0–1). */
  stoppedReading(share: number): void;
}

export interface Check {
  /** Kebab-case id, equal to the file name under src/analysis/checks/. */
  id: string;
  run(ctx: AnalysisContext): void;
}
