/**
 * The registry of checks, in the order they run. Later checks may read what earlier ones wrote
 * into the critique (definitions read term occurrences; search dates read reference statistics).
 */
import type { Check } from '../context';
import { automatedPeer } from './automated-peer';
import { competingInterests } from './competing-interests';
import { definitions } from './definitions';
import { funding } from './funding';
import { includedStudiesAudit } from './included-studies-audit';
import { involvement } from './involvement';
import { mixedSenses } from './mixed-senses';
import { populationMismatch } from './population-mismatch';
import { positionality } from './positionality';
import { referenceDates } from './reference-dates';
import { searchDates } from './search-dates';
import { termUsage } from './term-usage';

export const CHECKS: readonly Check[] = [
  termUsage,
  definitions,
  mixedSenses,
  automatedPeer,
  referenceDates,
  searchDates,
  positionality,
  involvement,
  competingInterests,
  funding,
  populationMismatch,
  includedStudiesAudit,
];
