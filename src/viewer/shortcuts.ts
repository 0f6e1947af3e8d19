/** Keyboard shortcuts as in pdf.js's viewer: Ctrl/Cmd+F find, n/j and p/k pages, +/- zoom, Home/End. */
import type { PDFViewer } from 'pdfjs-dist/web/pdf_viewer.mjs';

export interface ShortcutTargets {
  viewer: PDFViewer;
  findInput: HTMLInputElement;
  container: HTMLElement;
}

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

export function installShortcuts({ viewer, findInput, container }: ShortcutTargets): void {
  window.addEventListener('keydown', (e) => {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && !e.altKey && (e.key === 'f' || e.key === 'F')) {
      e.preventDefault();
      findInput.focus();
      findInput.select();
      return;
    }
    if (mod && (e.key === '+' || e.key === '=' || e.key === '-' || e.key === '0')) {
      // Zoom the PDF, not the browser page (the toolbar and sidebar stay readable).
      e.preventDefault();
      if (e.key === '-') viewer.decreaseScale();
      else if (e.key === '0') viewer.currentScaleValue = 'page-width';
      else viewer.increaseScale();
      return;
    }
    // Inside the sidebar (a separate Preact app) or any field, single keys belong to it.
    if (mod || e.altKey || typingIn(e.target) || (e.target as HTMLElement | null)?.closest?.('#sidebar')) return;
    if (!viewer.pagesCount) return;
    switch (e.key) {
      case 'n':
      case 'j':
        viewer.nextPage();
        break;
      case 'p':
      case 'k':
        viewer.previousPage();
        break;
      case '+':
      case '=':
        viewer.increaseScale();
        break;
      case '-':
        viewer.decreaseScale();
        break;
      case 'Home':
        if (e.target !== container && document.activeElement !== container) return;
        viewer.currentPageNumber = 1;
        break;
      case 'End':
        if (e.target !== container && document.activeElement !== container) return;
        viewer.currentPageNumber = viewer.pagesCount;
        break;
      default:
        return;
    }
    e.preventDefault();
  });
}
