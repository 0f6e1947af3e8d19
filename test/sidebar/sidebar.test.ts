// @vitest-environment happy-dom
/**
 * Sidebar rendering logic without a browser: what each panel shows for a given critique, that
 * paper text stays text, and that notes, verdicts and highlight toggles reach the host and store.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyCritique } from '../../src/analysis/engine';
import { PAPER_SUBJECT_REASON, type Critique, type Finding } from '../../src/analysis/critique';
import type { Block, Paper } from '../../src/analysis/model';
import { NotesStore } from '../../src/shared/notes-store';
import { memoryStorage } from '../../src/shared/storage';
import type { DocumentHost, DocumentSelection, HighlightCategory, HighlightGroup, HighlightTarget } from '../../src/sidebar/host';
import { mountSidebar, type MountedSidebar } from '../../src/sidebar/mount';

const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

function block(id: number, kind: Block['kind'], text: string, section: string, role: Block['role']): Block {
  return { id, kind, text, sectionPath: [section], role, anchor: { type: 'dom', path: `0/${id}` } };
}

const LONG = 'Peer support workers met participants weekly over six months in community settings. '.repeat(30);

function articlePaper(): Paper {
  const blocks: Block[] = [
    block(0, 'heading', 'Introduction', 'Introduction', 'introduction'),
    block(1, 'paragraph', LONG, 'Introduction', 'introduction'),
    block(2, 'heading', 'Methods', 'Methods', 'methods'),
    block(3, 'paragraph', LONG, 'Methods', 'methods'),
    block(4, 'paragraph', 'Funding: This work was funded by the Example Trust.', 'Declarations', 'declarations'),
    ...[5, 6, 7, 8].map((i) => ({ ...block(i, 'reference', `Author ${i}. Title. 200${i}.`, 'References', 'references'), included: i % 2 === 0 })),
  ];
  return {
    metadata: { title: 'A trial of peer support', authors: ['A. Author', 'B. Author'], journal: 'J Test', published: '2021', year: 2021, doi: '10.1/test', pdfUrl: null, url: 'https://example.org/a' },
    blocks,
    source: 'html',
    warnings: [],
  };
}

function finding(partial: Partial<Finding> & Pick<Finding, 'id' | 'kind' | 'theme' | 'severity' | 'summary'>): Finding {
  return { evidence: [], ...partial };
}

function critiqueFor(paper: Paper): Critique {
  const c = emptyCritique(paper, [{ id: 'lens', name: 'Lens', terms: [] }]);
  c.findings = [
    finding({
      id: 'definition-gap:lens:peer',
      kind: 'definition-gap',
      theme: 'terms',
      severity: 'concern',
      summary: '"Peer" is used 24 times but never defined <img src=x onerror="window.__pwned=1">.',
      evidence: [{ quote: 'Peer support workers met participants weekly', section: 'Methods', role: 'methods', anchor: { blockId: 3, start: 0, end: 44 } }],
    }),
    finding({ id: 'missing-positionality', kind: 'missing-positionality', theme: 'statements', severity: 'caution', summary: 'No positionality statement.' }),
  ];
  c.terms = [
    {
      lens: 'lens',
      term: 'peer',
      label: 'peer',
      count: 2,
      referenceUses: 0,
      senses: { support: 2 },
      sections: { Methods: 2 },
      occurrences: [1, 3].map((b) => ({ match: 'Peer', sentence: 'Peer support workers met participants weekly.', sense: 'support', senseFrom: b === 1 ? 'support workers' : PAPER_SUBJECT_REASON, section: 'Methods', role: 'methods' as const, anchor: { blockId: b, start: 0, end: 4 }, inReference: false })),
      definitions: [],
      expectDefinition: true,
    },
  ];
  c.references = { ...c.references, count: 4, withYear: 4, min: 2005, max: 2008, median: 2006, histogram: { '2005': 1, '2006': 1, '2007': 1, '2008': 1 }, shareOlderThan10Years: 1, referenceYear: 2021 };
  c.includedStudies = { count: 2, withYear: 2, min: 2006, max: 2008, median: 2007, histogram: { '2006': 1, '2008': 1 }, shareOlderThan10Years: 1, referenceYear: 2021, how: 'asterisk' };
  c.statements.funding = { found: true, evidence: [{ quote: 'This work was funded by the Example Trust.', section: 'Declarations', role: 'declarations', anchor: { blockId: 4, start: 9, end: 51 } }] };
  return c;
}

class FakeHost implements DocumentHost {
  kind: 'html' | 'pdf' = 'html';
  documentKey = 'doi:10.1/test';
  groups: HighlightGroup[] = [];
  revealed: HighlightTarget[] = [];
  visibility: [HighlightCategory, boolean][] = [];
  selection: DocumentSelection | null = null;
  setHighlights(groups: HighlightGroup[]) {
    this.groups = groups;
  }
  setCategoryVisible(category: HighlightCategory, visible: boolean) {
    this.visibility.push([category, visible]);
  }
  async reveal(target: HighlightTarget) {
    this.revealed.push(target);
    return true;
  }
  getSelection() {
    return this.selection;
  }
  dispose() {}
}

let container: HTMLElement;
let host: FakeHost;
let store: NotesStore;
let mounted: MountedSidebar;

function mount(paper: Paper = articlePaper(), critique: Critique = critiqueFor(paper)) {
  mounted = mountSidebar(container, { paper, critique, host, notes: store });
}

const $ = (sel: string) => container.querySelector(sel) as HTMLElement | null;
const $$ = (sel: string) => Array.from(container.querySelectorAll(sel)) as HTMLElement[];
const click = async (el: Element | null) => {
  if (!el) throw new Error('element not found');
  (el as HTMLElement).click();
  await flush();
};
const tab = (label: string) => $$('[role="tab"]').find((t) => t.textContent === label) ?? null;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  host = new FakeHost();
  store = new NotesStore('doi:10.1/test', memoryStorage());
});

afterEach(() => {
  mounted?.unmount();
  container.remove();
});

describe('sidebar', () => {
  it('lists every finding, most serious first, with its kind exposed, and counts per theme', async () => {
    mount();
    await flush();
    expect($$('[data-finding-kind]').map((e) => e.dataset.findingKind)).toEqual(['definition-gap', 'missing-positionality']);
    expect($('[data-theme="terms"] .count')?.textContent).toBe('1');
    expect($('[data-theme="statements"] .count')?.textContent).toBe('1');
    expect($('.citation .title')?.textContent).toBe('A trial of peer support');
  });

  it('offers the publisher\'s PDF (citation_pdf_url) on a web page, not inside the PDF viewer', async () => {
    const paper = articlePaper();
    paper.metadata.pdfUrl = 'https://example.org/a.pdf';
    mount(paper);
    await flush();
    expect($('[data-action="open-pdf"]')?.textContent).toMatch(/Open the PDF/);
    mounted.unmount();
    (host as { kind: 'html' | 'pdf' }).kind = 'pdf';
    mount(paper);
    await flush();
    expect($('[data-action="open-pdf"]')).toBeNull();
    (host as { kind: 'html' | 'pdf' }).kind = 'html';
    mounted.unmount();
    mount(articlePaper());
    await flush();
    expect($('[data-action="open-pdf"]')).toBeNull();
  });

  it('renders page text as text, never as markup', async () => {
    mount();
    await flush();
    expect($('.finding-summary')?.textContent).toContain('<img src=x onerror="window.__pwned=1">');
    expect(container.querySelector('img')).toBeNull();
  });

  it('passes highlight groups to the host and reveals evidence when asked', async () => {
    mount();
    await flush();
    const cats = Object.fromEntries(host.groups.map((g) => [g.category, g.targets.length]));
    expect(cats).toMatchObject({ term: 2, statement: 1, concern: 1, note: 0 });
    await click($('[data-finding-id="definition-gap:lens:peer"] button[data-reveal]'));
    expect(host.revealed.at(-1)?.quote).toBe('Peer support workers met participants weekly');
    await click($('.highlight-toggles input[data-category="term"]'));
    expect(host.visibility).toEqual([['term', false]]);
  });

  it('steps through the uses of a term', async () => {
    mount();
    await flush();
    await click(tab('Terms'));
    expect($('.def-status')?.textContent).toBe('Not defined');
    const next = $$('.stepper button').find((b) => b.textContent?.includes('Next'))!;
    await click(next);
    expect($('.stepper span')?.textContent).toBe('1 of 2');
    // Each use says why it has its sense: the cue, or what the paper is about.
    expect($('.occurrence .meta')?.textContent).toContain('sense: support (from “support workers”)');
    await click(next);
    expect($('.stepper span')?.textContent).toBe('2 of 2');
    expect($('.occurrence .meta')?.textContent).toContain("sense: support (from the paper's subject)");
    expect(host.revealed.map((t) => t.anchor.blockId)).toEqual([1, 3]);
  });

  it('shows statements as quotes or "Not reported"', async () => {
    mount();
    await flush();
    await click(tab('Statements'));
    expect($('[data-statement="funding"] blockquote')?.textContent).toBe('This work was funded by the Example Trust.');
    expect($('[data-statement="competingInterests"]')?.textContent).toContain('Not reported');
  });

  it('draws the reference-year histogram with included studies marked', async () => {
    mount();
    await flush();
    await click(tab('Dates'));
    expect($$('.histogram rect.bar')).toHaveLength(4);
    expect($$('.histogram rect.bar-included')).toHaveLength(2);
    expect($('[data-fact="ref-count"]')?.textContent).toBe('4');
    expect($$('.hist-table tbody tr').map((r) => r.textContent)).toEqual(['200510', '200611', '200710', '200811']);
  });

  it('adds a note from the reader\'s selection, stores it under the document key, and highlights it', async () => {
    mount();
    await flush();
    await click(tab('Notes'));
    await click($('[data-action="add-note"]'));
    // The live region is cleared and refilled so repeated messages are announced again.
    await vi.waitFor(() => expect($('.status')?.textContent).toContain('Select some text'));
    host.selection = { quote: 'met participants weekly', anchor: { blockId: 1, start: 21, end: 44 }, prefix: 'Peer support workers ', suffix: ' over six', section: 'Introduction' };
    await click($('[data-action="add-note"]'));
    const area = $('form.note-form textarea') as HTMLTextAreaElement;
    area.value = 'How often exactly?';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await flush();
    (($('form.note-form') as HTMLFormElement).requestSubmit ? ($('form.note-form') as HTMLFormElement).requestSubmit() : $('form.note-form button[type="submit"]')!.click());
    await flush();
    await vi.waitFor(async () => expect(await store.list()).toHaveLength(1));
    const notes = await store.list();
    expect(notes[0]).toMatchObject({ text: 'How often exactly?', quote: 'met participants weekly', category: 'important', section: 'Introduction' });
    await vi.waitFor(() => expect($$('.notes-list .reader-note')).toHaveLength(1));
    expect(host.groups.find((g) => g.category === 'note')?.targets).toHaveLength(1);
  });

  it('says so when storage is full, and keeps the reader\'s words in the form', async () => {
    const full = memoryStorage();
    full.set = async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    };
    store = new NotesStore('doi:10.1/test', full);
    mount();
    await flush();
    await click(tab('Notes'));
    host.selection = { quote: 'met participants weekly', anchor: { blockId: 1, start: 21, end: 44 }, prefix: '', suffix: '', section: 'Introduction' };
    await click($('[data-action="add-note"]'));
    const area = $('form.note-form textarea') as HTMLTextAreaElement;
    area.value = 'Keep me';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await flush();
    ($('form.note-form') as HTMLFormElement).requestSubmit();
    await vi.waitFor(() => expect($('.status')?.textContent).toMatch(/not saved: the browser's storage for Critical Reader is full/));
    expect(($('form.note-form textarea') as HTMLTextAreaElement).value).toBe('Keep me');
  });

  it('holds back notes first written on another site until the reader asks to see them', async () => {
    const storage = memoryStorage();
    await new NotesStore('doi:10.1/test', storage, 'https://other.example').add({ text: 'Written elsewhere', quote: 'met participants weekly', anchor: { blockId: 1, start: 21, end: 44 } });
    await new NotesStore('doi:10.1/test', storage, 'https://journal.example').add({ text: 'Written here', quote: 'Peer support', anchor: { blockId: 1, start: 0, end: 12 } });
    store = new NotesStore('doi:10.1/test', storage, 'https://journal.example');
    mounted = mountSidebar(container, { paper: articlePaper(), critique: critiqueFor(articlePaper()), host, notes: store, pageOrigin: 'https://journal.example' });
    await flush();
    await click(tab('Notes'));
    await vi.waitFor(() => expect($$('.notes-list .reader-note')).toHaveLength(1));
    expect($('.notes-list')?.textContent).toContain('Written here');
    expect(container.textContent).not.toContain('Written elsewhere');
    expect($('[data-held-back]')?.textContent).toContain('https://other.example');
    // Not drawn on the page either, until shown.
    expect(host.groups.find((g) => g.category === 'note')?.targets.map((t) => t.quote)).toEqual(['Peer support']);
    await click($('[data-action="show-held-back"]'));
    await vi.waitFor(() => expect($$('.notes-list .reader-note')).toHaveLength(2));
    expect($('[data-held-back]')).toBeNull();
    expect(host.groups.find((g) => g.category === 'note')?.targets).toHaveLength(2);
  });

  it('edits a note in place, deletes it and brings it back with Undo', async () => {
    await store.add({ text: 'First thought', quote: 'met participants weekly', anchor: { blockId: 1, start: 21, end: 44 }, section: 'Introduction' });
    mount();
    await flush();
    await click(tab('Notes'));
    await vi.waitFor(() => expect($$('.notes-list .reader-note')).toHaveLength(1));
    await click($('.notes-list [data-action="edit-note"]'));
    const area = $('.notes-list form.note-edit textarea') as HTMLTextAreaElement;
    expect(area.value).toBe('First thought');
    area.value = 'Second thought, after the methods';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await flush();
    ($('.notes-list form.note-edit') as HTMLFormElement).requestSubmit();
    await vi.waitFor(async () => expect((await store.list())[0]?.text).toBe('Second thought, after the methods'));
    await vi.waitFor(() => expect($('.notes-list .note-text')?.textContent).toBe('Second thought, after the methods'));
    const [edited] = await store.list();

    await click($('.notes-list [data-action="delete-note"]'));
    await vi.waitFor(() => expect($$('.notes-list .reader-note')).toHaveLength(0));
    expect(await store.list()).toEqual([]);
    await click($('[data-action="undo-delete"]'));
    await vi.waitFor(async () => expect(await store.list()).toEqual([edited]));
    await vi.waitFor(() => expect($$('.notes-list .reader-note')).toHaveLength(1));
    expect($('[data-action="undo-delete"]')).toBeNull();
  });

  it('lists notes written on findings in the Notes tab, with the finding, editable there and on the card', async () => {
    mount();
    await flush();
    const card = '[data-finding-id="definition-gap:lens:peer"]';
    await click($$(`${card} .finding-actions button`).find((b) => b.textContent === 'Add note')!);
    const area = $(`${card} .note-form textarea`) as HTMLTextAreaElement;
    area.value = 'The review never says who counts as a peer.';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await flush();
    await click($$(`${card} .note-form button`).find((b) => b.textContent === 'Save note')!);
    await vi.waitFor(() => expect($$(`${card} .attached-notes .reader-note`)).toHaveLength(1));
    expect($(`${card} .attached-notes [data-action="edit-note"]`)).not.toBeNull();

    await click(tab('Notes'));
    const listed = $$('.finding-notes-list .reader-note');
    expect(listed).toHaveLength(1);
    expect(listed[0]!.querySelector('.note-context')?.textContent).toContain('never defined');
    expect(listed[0]!.textContent).toContain('The review never says who counts as a peer.');
    await click(listed[0]!.querySelector('[data-action="edit-note"]'));
    const edit = $('.finding-notes-list form.note-edit textarea') as HTMLTextAreaElement;
    edit.value = 'Nor whether a chatbot can be one.';
    edit.dispatchEvent(new Event('input', { bubbles: true }));
    await flush();
    ($('.finding-notes-list form.note-edit') as HTMLFormElement).requestSubmit();
    await vi.waitFor(async () => expect(await store.list()).toMatchObject([{ findingId: 'definition-gap:lens:peer', text: 'Nor whether a chatbot can be one.' }]));
    await click($('.finding-notes-list [data-action="delete-note"]'));
    await vi.waitFor(() => expect($$('.finding-notes-list .reader-note')).toHaveLength(0));
    expect(await store.list()).toEqual([]);
  });

  it('starts with the highlight categories the reader switched off last time, and reports changes', async () => {
    const changes: HighlightCategory[][] = [];
    mounted = mountSidebar(container, { paper: articlePaper(), critique: critiqueFor(articlePaper()), host, notes: store, initialHidden: ['term'], onHiddenChange: (h) => changes.push(h) });
    await flush();
    expect(host.visibility).toContainEqual(['term', false]);
    expect(($('input[data-category="term"]') as HTMLInputElement).checked).toBe(false);
    await click($('input[data-category="dates"]'));
    expect(changes.at(-1)?.sort()).toEqual(['dates', 'term']);
    await click($('input[data-category="term"]'));
    expect(changes.at(-1)).toEqual(['dates']);
  });

  it('records agree/disagree on a finding, toggling off on a second press', async () => {
    mount();
    await flush();
    const agree = () => $$('[data-finding-id="missing-positionality"] .finding-actions button').find((b) => b.textContent === 'Agree')!;
    await click(agree());
    expect(await store.list()).toMatchObject([{ findingId: 'missing-positionality', verdict: 'agree' }]);
    expect(agree().getAttribute('aria-pressed')).toBe('true');
    await click(agree());
    expect(await store.list()).toEqual([]);
  });

  it('tells the reader when the page is not an article, and what it looked for', async () => {
    const paper: Paper = { ...articlePaper(), blocks: [block(0, 'paragraph', 'Library opening hours this week.', '', 'other')] };
    mount(paper, emptyCritique(paper, []));
    await flush();
    expect($('[data-state="not-article"]')?.textContent).toMatch(/reference list/);
    await click($('[data-state="not-article"] button'));
    expect($('[data-state="not-article"]')).toBeNull();
    expect($('.findings')).not.toBeNull();
  });

  it('updates in place with a new critique', async () => {
    mount();
    await flush();
    const c = critiqueFor(articlePaper());
    c.findings = c.findings.slice(1);
    mounted.update(c);
    await flush();
    expect($$('[data-finding-kind]').map((e) => e.dataset.findingKind)).toEqual(['missing-positionality']);
  });
});
