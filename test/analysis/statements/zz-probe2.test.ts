import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { extractPdfInNode } from '../../../src/extract/pdf/node';
it('probe', async () => {
  for (const f of ['/work/shared/corpus/pdf/scielo/fixtures__pdf__a3.gt.pdf']) {
    const paper = await extractPdfInNode(new Uint8Array(readFileSync(f)));
    for (const b of paper.blocks) if (/financ|onflit|interesse|declarar/i.test(b.text)) console.log(b.id, b.kind, b.role, b.text.slice(0, 1500));
    console.log(paper.blocks.length, paper.blocks.filter((b) => b.kind === 'heading').map((b) => b.text).join(' | ').slice(0, 1000));
  }
}, 60000);
