import { mkdtemp, readFile, writeFile, mkdir, copyFile, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';

const EXAMPLE = 'examples/digital-peer-support-meta-analysis.html';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cr-cli-'));
  await writeFile(join(dir, 'junk.pdf'), Buffer.from([0, 1, 2, 3, 255, 254, 0, 7, 9, 0]));
  await writeFile(join(dir, 'empty.html'), '');
  await writeFile(join(dir, 'not-article.html'), '<html><body><h1>Welcome to our journal</h1><p>Browse issues.</p></body></html>');
  await mkdir(join(dir, 'folder'));
  await copyFile(EXAMPLE, join(dir, 'folder', 'a.html'));
  await writeFile(join(dir, 'folder', 'notes.txt'), 'ignored: not a paper file');
});

describe('critical-reader command line', () => {
  it('prints a Markdown critique of one page by default', async () => {
    const { code, out, err } = await run([EXAMPLE]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^# Critical reading: /);
    expect(out).toContain('## Findings');
    expect(out).toContain('## My notes');
  });

  it('prints JSON with the documented top-level fields', async () => {
    const { code, out } = await run(['--json', EXAMPLE]);
    expect(code).toBe(0);
    const c = JSON.parse(out);
    for (const key of ['paper', 'references', 'includedStudies', 'search', 'terms', 'statements', 'findings']) expect(c).toHaveProperty(key);
    expect(c.paper).toMatchObject({ title: expect.any(String), year: expect.any(Number) });
    expect(c.references.entries.length).toBe(c.references.count);
  });

  it('starts the Markdown with YAML front matter on request', async () => {
    const { code, out } = await run(['--front-matter', EXAMPLE]);
    expect(code).toBe(0);
    expect(out).toMatch(/^---\ntitle: "Digital peer support[^\n]*"\nauthors:\n {2}- "/);
    expect(out).toMatch(/\ntags:\n {2}- critical-reading\n---\n\n# Critical reading: /);
  });

  it('writes to a file with -o', async () => {
    const target = join(dir, 'out.md');
    const { code, out } = await run(['-o', target, EXAMPLE]);
    expect(code).toBe(0);
    expect(out).toBe('');
    expect(await readFile(target, 'utf8')).toMatch(/^# Critical reading: /);
  });

  it('refuses an -o into a folder that does not exist in one line, before analysing anything', async () => {
    const { code, out, err } = await run(['-o', join(dir, 'no-such-folder', 'out.md'), EXAMPLE]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/-o .*out\.md: the folder .*no-such-folder does not exist/);
  });

  it('keeps terminal escape sequences and bidi overrides in a page title out of CSV and Markdown', async () => {
    const page = join(dir, 'escapes.html');
    const example = await readFile(EXAMPLE, 'utf8');
    await writeFile(page, example.replace(/<meta name="citation_title" content="[^"]*"/, '<meta name="citation_title" content="Peer support\u001b[2J\u001b]0;pwned\u0007 \u202eevil">'));
    for (const format of ['--csv', '--md']) {
      const { out } = await run([format, page, EXAMPLE]);
      expect(out).toContain('Peer support');
      expect(out).not.toMatch(/[\u001b\u0007\u202e]/);
    }
  });

  it('reads pages saved in ISO-8859-1, Shift_JIS and UTF-16 in their own encoding', async () => {
    const example = await readFile(EXAMPLE, 'utf8');
    const titled = (title: string, charset: string) =>
      example
        .replace(/<meta charset="[^"]*">/i, charset ? `<meta charset="${charset}">` : '')
        .replace(/<meta name="citation_title" content="[^"]*"/, `<meta name="citation_title" content="${title}"`);
    const latin = join(dir, 'latin1.html');
    await writeFile(latin, Buffer.from(titled('Müllers Übersicht', 'iso-8859-1'), 'latin1'));
    const sjis = join(dir, 'sjis.html');
    // "日本" in Shift_JIS is 93 FA 96 7B; the rest of the page is ASCII-compatible.
    const [before, after] = titled('TITLE-HERE peer support', 'shift_jis').split('TITLE-HERE');
    await writeFile(sjis, Buffer.concat([Buffer.from(before!, 'latin1'), Buffer.from([0x93, 0xfa, 0x96, 0x7b]), Buffer.from(after!, 'latin1')]));
    const utf16 = join(dir, 'utf16.html');
    await writeFile(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(titled('Ωmega review of peer support', ''), 'utf16le')]));
    const titles = await Promise.all([latin, sjis, utf16].map(async (f) => JSON.parse((await run(['--json', f])).out).paper.title));
    expect(titles).toEqual(['Müllers Übersicht', '日本 peer support', 'Ωmega review of peer support']);
  });

  it('reports each bad input in one line naming the file, processes the rest, and exits non-zero', async () => {
    const missing = join(dir, 'missing.html');
    const { code, out, err } = await run([missing, join(dir, 'junk.pdf'), join(dir, 'empty.html'), join(dir, 'not-article.html'), EXAMPLE]);
    expect(code).toBe(1);
    const lines = err.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(`critical-reader: ${missing}: no such file`);
    expect(lines[1]).toMatch(/junk\.pdf: not an HTML page or a PDF/);
    expect(lines[2]).toMatch(/empty\.html: the file is empty/);
    expect(lines[3]).toMatch(/not-article\.html: This does not look like a research article: it has no section headings/);
    // The good file still produced its row.
    expect(out).toContain('| File | Title |');
    expect(out).toContain(EXAMPLE);
  });

  it('analyses a folder into a table, and as CSV', async () => {
    const md = await run([join(dir, 'folder')]);
    expect(md.code).toBe(0);
    expect(md.out.trim().split('\n')).toHaveLength(3);
    const csv = await run(['--csv', join(dir, 'folder')]);
    const rows = csv.out.trim().split('\r\n');
    expect(rows[0]).toMatch(/^File,Title,Year,References/);
    expect(rows[0]).toMatch(/,First author,DOI$/);
    expect(rows).toHaveLength(2);
    // The example names its authors and DOI in its meta tags: the row says who and which paper.
    expect(rows[1]).toMatch(/,[^,]+ et al\.,10\.\d{4,9}\/\S+$/);
  });

  it('follows symbolic links in a folder, reads a looping link once, and reports a broken one', async () => {
    const links = join(dir, 'links');
    await mkdir(links);
    await symlink(join(process.cwd(), EXAMPLE), join(links, 'linked.html'));
    await symlink(join(dir, 'folder'), join(links, 'sub'));
    await symlink(links, join(links, 'loop'));
    await symlink(join(dir, 'gone.pdf'), join(links, 'broken.pdf'));
    const csv = await run(['--csv', links]);
    const rows = csv.out.trim().split('\r\n');
    // linked.html and sub/a.html, each once; the loop adds nothing.
    expect(rows).toHaveLength(3);
    expect(csv.err).toContain('broken.pdf');
    expect(csv.code).not.toBe(0);
  });

  it('refuses unknown options with usage and exit code 2', async () => {
    const r = await run(['--frobnicate', EXAMPLE]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown option --frobnicate');
  });

  it('uses a reader\'s own lens file and rejects a malformed one precisely', async () => {
    const lens = { id: 'co-production', name: 'Co-production', terms: [{ id: 'co-production', label: 'co-production', variants: ['co-production', 'co-produced', 'participatory'], expectDefinition: true }] };
    await writeFile(join(dir, 'lens.json'), JSON.stringify(lens));
    const r = await run(['--json', '--lens', join(dir, 'lens.json'), EXAMPLE]);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.out);
    expect(c.lenses).toEqual([{ id: 'co-production', name: 'Co-production' }]);
    expect(c.terms.map((t: { term: string }) => t.term)).toEqual(['co-production']);
    await writeFile(join(dir, 'bad-lens.json'), JSON.stringify({ ...lens, terms: [] }));
    const bad = await run(['--lens', join(dir, 'bad-lens.json'), EXAMPLE]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('lenses[0].terms: must be a non-empty list of terms');
  });
});
