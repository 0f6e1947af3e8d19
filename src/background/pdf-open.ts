/**
 * PDF-opening hooks for the background (context menu "Open PDF in Critical Reader", toolbar on PDF tabs).
 * PLACEHOLDER: written by the PDF viewer work; the background calls registerPdfOpening() at start-up.
 */
export function registerPdfOpening(): void {}
