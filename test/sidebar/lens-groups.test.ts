// @vitest-environment happy-dom
/**
 * With several active lenses the sidebar groups terms and term findings under the lens name;
 * findings no lens produced stay under their theme. The legend swatches follow the reader's colours.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyCritique } from '../../src/analysis/engine';
import type { Critique, Finding, TermReport } from '../../src/analysis/critique';
import type { Block, Paper } from '../../src/analysis/model';
import { NotesStore } from '../../src/shared/notes-store';
import { memoryStorage } from '../../src/shared/storage';
import type { DocumentHost, HighlightGroup } from '../../src/sidebar/host';
import { groupByLens } from '../../src/sidebar/lens-groups';
import { mountSidebar, type MountedSidebar } from '../../src/sidebar/mount';

const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

const LONG = 'Peer support workers met participants weekly over six months in community settings. '.repeat(30);

function paper(): Paper {
  const block = (id: number, kind: Block['kind'], text: string, section: string, role: Block['role']): Block => ({ id, kind, text, sectionPath: [section], role, anchor: { type: 'dom', path: `0/${id}` } });
  return {
    metadata: { title: 'A trial', authors: ['A. Author'], journal: 'J Test', published: '2021', year: 2021, doi: '10.1/test', pdfUrl: null, url: 'https://example.org/a' },
    blocks: [
      block(0, 'heading', 'Introduction', 'Introduction', 'introduction'),
      block(1, 'paragraph', LONG, 'Introduction', 'introduction'),
      block(2, 'heading', 'Methods', 'Methods', 'methods'),
      block(3, 'paragraph', LONG, 'Methods', 'methods'),
      ...[5, 6, 7, 8].map((i) => ({ ...block(i, 'reference', `Author ${i}. Title. 200${i}.`, 'References', 'references'), included: false })),
    ],
    source: 'html',
    warnings: [],
  };
}

function term(lens: string, id: string, label: string): TermReport {
  return { lens, term: id, label, count: 1, referenceUses: 0, senses: {}, sections: {}, occurrences: [], definitions: [], expectDefinition: false };
}

function finding(id: string, theme: Finding['theme'], lens?: string): Finding {
  return { id, kind: theme === 'terms' ? 'definition-gap' : 'missing-funding', theme, severity: 'caution', summary: id, evidence: [], ...(lens ? { lens } : {}) };
}

function critique(lenses: { id: string; name: string }[]): Critique {
  const c = emptyCritique(paper(), lenses.map((l) => ({ ...l, terms: [] })));
  c.terms = [term('peer-lens', 'peer', 'peer (support)'), term('digital-lens', 'digital', 'digital'), term('peer-lens', 'lived', 'lived experience')];
  c.findings = [finding('gap-digital', 'terms', 'digital-lens'), finding('no-funding', 'statements'), finding('gap-peer', 'terms', 'peer-lens')];
  return c;
}
const TWO_LENSES = [{ id: 'peer-lens', name: 'Peer work' }, { id: 'digital-lens', name: 'Digital health' }];

const host: DocumentHost = {
  kind: 'html',
  documentKey: 'doi:10.1/test',
  setHighlights: (_: HighlightGroup[]) => undefined,
  setCategoryVisible: () => undefined,
  reveal: async () => true,
  getSelection: () => null,
  dispose: () => undefined,
};

let container: HTMLElement;
let mounted: MountedSidebar | null = null;
const $$ = (sel: string) => Array.from(container.querySelectorAll(sel)) as HTMLElement[];
const openTab = async (label: string) => {
  $$('[role="tab"]').find((t) => t.textContent === label)!.click();
  await flush();
};
/** Each group's heading with the ids/labels of what it holds, in display order. */
const groups = (sel: string, item: (el: HTMLElement) => string) =>
  $$(sel).map((g) => [g.querySelector('.group-heading')!.textContent, ...Array.from(g.querySelectorAll<HTMLElement>('[data-finding-kind], [data-term]')).map(item)]);

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  container.remove();
});

describe('sidebar groups per lens', () => {
  it('groups terms under each lens name, in lens order, when more than one lens is active', async () => {
    mounted = mountSidebar(container, { paper: paper(), critique: critique(TWO_LENSES), host, notes: new NotesStore('k', memoryStorage()) });
    await flush();
    await openTab('Terms');
    expect(groups('.lens-group', (el) => el.dataset.term!)).toEqual([
      ['Peer work', 'peer', 'lived'],
      ['Digital health', 'digital'],
    ]);
  });

  it('groups term findings by lens and keeps findings without a lens under their theme', async () => {
    mounted = mountSidebar(container, { paper: paper(), critique: critique(TWO_LENSES), host, notes: new NotesStore('k', memoryStorage()) });
    await flush();
    const summaries = $$('.finding-group').map((g) => [
      g.querySelector('.group-heading')!.textContent,
      ...Array.from(g.querySelectorAll('.finding-summary')).map((s) => s.textContent),
    ]);
    expect(summaries).toEqual([
      ['Peer work', 'gap-peer'],
      ['Digital health', 'gap-digital'],
      ['Statements and declarations', 'no-funding'],
    ]);
  });

  it('shows flat lists, without lens headings, when only one lens is active', async () => {
    mounted = mountSidebar(container, { paper: paper(), critique: critique([TWO_LENSES[0]!]), host, notes: new NotesStore('k', memoryStorage()) });
    await flush();
    expect($$('.group-heading')).toEqual([]);
    expect($$('.finding-summary').map((s) => s.textContent)).toEqual(['gap-digital', 'no-funding', 'gap-peer']);
    await openTab('Terms');
    expect($$('.group-heading')).toEqual([]);
    expect($$('[data-term]').map((t) => t.dataset.term)).toEqual(['peer', 'digital', 'lived']);
  });

  it('regroups when an update brings a second lens (the reader switched one on)', async () => {
    mounted = mountSidebar(container, { paper: paper(), critique: critique([TWO_LENSES[0]!]), host, notes: new NotesStore('k', memoryStorage()) });
    await flush();
    mounted.update(critique(TWO_LENSES));
    await flush();
    expect($$('.finding-group .group-heading').map((h) => h.textContent)).toEqual(['Peer work', 'Digital health', 'Statements and declarations']);
  });

  it('names a group by its lens id when the critique does not list that lens', () => {
    const { groups: g, rest } = groupByLens([{ lens: 'x', n: 1 }, { n: 2 }, { lens: 'a', n: 3 }], [{ id: 'a', name: 'A' }]);
    expect(g.map((x) => [x.name, x.items.map((i) => i.n)])).toEqual([['A', [3]], ['x', [1]]]);
    expect(rest.map((i) => i.n)).toEqual([2]);
  });
});

describe('sidebar legend swatches', () => {
  it("use the reader's colours, follow changes, and ignore values that are not colours", async () => {
    mounted = mountSidebar(container, {
      paper: paper(),
      critique: critique(TWO_LENSES),
      host,
      notes: new NotesStore('k', memoryStorage()),
      colours: { term: { light: '#123456', dark: '#654321' } },
    });
    await flush();
    const root = container.querySelector<HTMLElement>('.cr-root')!;
    expect(root.style.getPropertyValue('--cr-swatch-term-light')).toBe('#123456');
    expect(root.style.getPropertyValue('--cr-swatch-term-dark')).toBe('#654321');
    mounted.setColours({ term: { light: '#abcdef', dark: 'red; background: url(https://evil.example)' } });
    expect(root.style.getPropertyValue('--cr-swatch-term-light')).toBe('#abcdef');
    expect(root.style.getPropertyValue('--cr-swatch-term-dark')).toBe('');
  });
});
