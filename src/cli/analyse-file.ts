/**
 * One file → its critique or a one-line reason, as plain data, so the same function serves the
 * sequential path and the worker threads of a batch run.
 */
import type { Critique } from '../analysis/critique';
import { analysePaper } from '../analysis/engine';
import type { Lens } from '../analysis/lens';
import { studyProfile, type StudyProfile } from '../analysis/study-audit/profile';
import { InputError, loadPaper } from './load';

export interface FileJob {
  file: string;
  password?: string;
  lenses?: Lens[];
  /** Also describe the paper as an included study (the batch audit). */
  profile?: boolean;
}

export type FileResult = { file: string; ok: true; critique: Critique; profile?: StudyProfile } | { file: string; ok: false; message: string };

export async function analyseFile(job: FileJob): Promise<FileResult> {
  try {
    const paper = await loadPaper(job.file, job.password !== undefined ? { password: job.password } : {});
    const critique = analysePaper(paper, job.lenses ? { lenses: job.lenses } : {});
    return { file: job.file, ok: true, critique, ...(job.profile ? { profile: studyProfile(paper, critique) } : {}) };
  } catch (e) {
    const message = e instanceof InputError ? e.message : `could not be analysed (${(e as Error).message})`;
    return { file: job.file, ok: false, message };
  }
}
