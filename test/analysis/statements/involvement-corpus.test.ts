/**
 * The involvement check on the 124 publisher-style corpus pages. Their ground truth
 * (`groundtruth/*.json`, field `ppi_or_lived_experience_involvement_hits`) records every patient,
 * public or lived-experience involvement passage in the source JATS; a page without any must not be
 * reported as having an involvement statement (advisory boards in competing interests, stakeholder
 * talk in policy papers, participants "involved" in a trial).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { involvement } from '../../../src/analysis/checks/involvement';
import { extractHtml } from '../../../src/extract/html/index';
import { parseHtmlInNode } from '../../../src/extract/html/node-dom';
import { requireCorpus } from '../../corpus';
import { runChecks } from '../make-paper';

interface PageTruth {
  source: string;
}
interface JatsTruth {
  ppi_or_lived_experience_involvement_hits?: unknown[];
}

/** Ground truth of the JATS file a page was made from ("shared/corpus/jats/a/b.xml" → "groundtruth/jats__a__b.xml.json"). */
function involvementHits(corpus: string, page: PageTruth): number {
  const file = join(corpus, 'groundtruth', `${page.source.replace(/^shared\/corpus\//, '').replace(/\//g, '__')}.json`);
  if (!existsSync(file)) throw new Error(`ground truth missing for ${page.source}: ${file}`);
  const truth = JSON.parse(readFileSync(file, 'utf8')) as JatsTruth;
  return truth.ppi_or_lived_experience_involvement_hits?.length ?? 0;
}

describe('involvement statements on the corpus pages', () => {
  const corpus = requireCorpus();
  const dir = requireCorpus('html');
  const pages = readdirSync(dir).filter((f) => f.endsWith('.html')).sort();

  it('reports none on pages whose source has no involvement passage', () => {
    expect(pages.length).toBeGreaterThanOrEqual(124);
    const falsePositives: string[] = [];
    let withoutInvolvement = 0;
    for (const name of pages) {
      const page = JSON.parse(readFileSync(join(dir, name.replace(/\.html$/, '.truth.json')), 'utf8')) as PageTruth;
      if (involvementHits(corpus, page) > 0) continue;
      withoutInvolvement++;
      const paper = extractHtml(parseHtmlInNode(readFileSync(join(dir, name), 'utf8')));
      const inv = runChecks(paper, [involvement]).statements.involvement;
      if (inv.found) falsePositives.push(`${name}: ${inv.evidence.map((e) => e.quote).join(' | ')}`);
    }
    expect(withoutInvolvement).toBeGreaterThan(0);
    expect(falsePositives).toEqual([]);
  });
});
