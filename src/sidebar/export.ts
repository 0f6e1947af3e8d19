/** Export actions: Markdown to the clipboard, Markdown and JSON as downloads. All local. */
import type { Critique } from '../analysis/critique';
import { critiqueToMarkdown } from '../analysis/markdown';
import type { ReaderNote } from '../analysis/reader-notes';

export function markdownFor(critique: Critique, notes: ReaderNote[]): string {
  return critiqueToMarkdown(critique, { notes });
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
 * Writes text to the clipboard. The async Clipboard API first; the old execCommand path as a
 * fallback for pages whose permissions policy blocks it.
 */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = doc.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;left:-9999px;top:0;opacity:0';
    doc.documentElement.append(area);
    area.select();
    let ok = false;
    try {
      ok = doc.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}

export function downloadText(text: string, fileName: string, mime: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  doc.documentElement.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
