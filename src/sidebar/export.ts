/** Export actions: Markdown to the clipboard, Markdown and JSON as downloads. All local. */
import type { Critique } from '../analysis/critique';
import { critiqueToMarkdown } from '../analysis/markdown';
import type { ReaderNote } from '../analysis/reader-notes';

export function markdownFor(critique: Critique, notes: ReaderNote[], frontMatter = false): string {
  return critiqueToMarkdown(critique, { notes, frontMatter });
}

export function jsonFor(critique: Critique, notes: ReaderNote[]): string {
  return JSON.stringify({ ...critique, readerNotes: notes }, null, 2);
}

/** A file name from the DOI or title: "critical-reading-10.1186_s12889-020-1.md". */
export function exportFileName(critique: Critique, ext: 'md' | 'json'): string {
  const base = critique.paper.doi ?? critique.paper.title ?? 'paper';
  const slug = base
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `critical-reading-${slug || 'paper'}.${ext}`;
}

/**
 * Writes text to the clipboard with the async Clipboard API. There is no fallback through the
 * page: the old execCommand path needed a <textarea> holding the whole critique and the reader's
 * notes in the page's document, where a page script could read it. When the page's permissions
 * policy blocks the clipboard, the reader is told to download the Markdown instead.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Saves text as a file through a link that is never put in the page's document: a page script
 * watching the document (a MutationObserver) would otherwise see the blob: URL and could read
 * the critique and the reader's notes from it. The URL is unguessable, and revoked once the
 * download has had time to start.
 */
export function downloadText(text: string, fileName: string, mime: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
