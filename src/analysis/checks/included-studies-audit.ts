/**
 * The included-studies audit (study-audit/audit.ts) as a check: runs after the term, reference and
 * search-date checks whose results it reads, and fills `critique.audit` for reviews.
 */
import type { Check } from '../context';
import { auditIncludedStudies } from '../study-audit/audit';

export const includedStudiesAudit: Check = {
  id: 'included-studies-audit',
  run(ctx) {
    ctx.critique.audit = auditIncludedStudies(ctx.paper, ctx.critique, ctx.lenses, ctx.sentences);
  },
};
