/** pdf.js's minified legacy build: the same API as the unminified one, parsed faster at start-up. */
declare module 'pdfjs-dist/legacy/build/pdf.min.mjs' {
  export * from 'pdfjs-dist/legacy/build/pdf.mjs';
}
/** pdf.js's worker code, imported in Node only for its side effect of setting `globalThis.pdfjsWorker`. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.min.mjs';
