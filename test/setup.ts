// pdfjs-dist's legacy build expects Promise.withResolvers, which Node 20 lacks.
import '../src/shared/node-polyfills';
