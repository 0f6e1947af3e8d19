/**
 * One config, several passes (selected with --mode), because an MV3 extension needs bundles of
 * different shapes:
 * - `cli`: the command line, an ES module for Node with dependencies left external.
 * - `bench`: `npm run bench` (scripts/bench.ts) bundled the same way.
 * - `background`: the background as one IIFE (Chrome service worker and Firefox background
 *   script alike); this pass also emits manifest.json, copies public/ and the pdf.js assets.
 * - `content`: the tiny first-load content script (IIFE, no imports).
 * - `sidebar`: the sidebar bundle the first-load script asks for (IIFE).
 * - `pages` (also the default mode): extension pages (PDF viewer, options) as ES modules.
 * `npm run build` (scripts/build-extension.mjs) runs the extension passes into dist/chrome and
 * derives dist/firefox from it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
// @ts-expect-error plain .mjs helper shared with the build script (no type declarations)
import { extensionPageInputs } from './scripts/extension-pages.mjs';

const ROOT = process.cwd();
const OUT = resolve(ROOT, process.env.CR_EXTENSION_OUT ?? 'dist/chrome');

/**
 * An ES module for Node with dependencies left external: the command line, and the benchmark
 * (`npm run bench` times the code in the shape it ships in, not tsx's per-file transform, which
 * wraps every function in a naming helper).
 */
function nodeBundle(entries: Record<string, string>, outDir: string, banner?: string): UserConfig {
  return {
    // public/ holds the extension's icons; these outputs must not carry them.
    publicDir: false,
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      sourcemap: false,
      rollupOptions: { input: entries, output: { entryFileNames: '[name].mjs', ...(banner ? { banner } : {}) } },
    },
  };
}

const JSX = { oxc: { jsx: { runtime: 'automatic' as const, importSource: 'preact' } } };

/** An IIFE bundle with no runtime imports: what MV3 content scripts and both background kinds accept. */
function iifeConfig(entry: string, fileName: string, plugins: Plugin[] = [], publicDir: string | false = false): UserConfig {
  return {
    ...JSX,
    publicDir,
    plugins,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: OUT,
      emptyOutDir: false,
      target: 'es2022',
      sourcemap: false,
      minify: true,
      copyPublicDir: publicDir !== false,
      lib: { entry: resolve(ROOT, entry), formats: ['iife'], name: fileName.replace(/\W/g, '_'), fileName: () => fileName },
    },
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Emits the root manifest (version from package.json, options page only once built) and pdf.js assets. */
function extensionAssets(): Plugin {
  return {
    name: 'critical-reader-extension-assets',
    generateBundle() {
      const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string };
      const manifest = JSON.parse(readFileSync(resolve(ROOT, 'manifest.json'), 'utf8')) as Record<string, unknown>;
      manifest.version = pkg.version;
      const pages = extensionPageInputs(ROOT) as Record<string, string>;
      if (!pages.options) delete manifest.options_ui;
      this.emitFile({ type: 'asset', fileName: 'manifest.json', source: JSON.stringify(manifest, null, 2) + '\n' });
      const pdfjs = resolve(ROOT, 'node_modules/pdfjs-dist');
      for (const sub of ['cmaps', 'standard_fonts', 'wasm']) {
        for (const file of filesUnder(join(pdfjs, sub))) {
          this.emitFile({ type: 'asset', fileName: `pdfjs/${relative(pdfjs, file)}`, source: readFileSync(file) });
        }
      }
    },
  };
}

function pagesConfig(): UserConfig {
  return {
    ...JSX,
    root: resolve(ROOT, 'src'),
    base: '/',
    publicDir: false,
    build: {
      outDir: OUT,
      emptyOutDir: false,
      target: 'es2022',
      sourcemap: false,
      chunkSizeWarningLimit: 2000,
      rollupOptions: { input: extensionPageInputs(ROOT) as Record<string, string> },
    },
  };
}

export default defineConfig(({ mode }) => {
  switch (mode) {
    case 'cli':
      return nodeBundle({ 'critical-reader': 'src/cli/main.ts' }, 'dist/cli', '#!/usr/bin/env node');
    case 'bench':
      // The CLI's pdf.js floor runs as a process of its own beside the CLI (scripts/bench-pdf.ts).
      return nodeBundle({ bench: 'scripts/bench.ts', 'bench-pdfjs-only': 'scripts/bench-pdfjs-only.ts' }, 'dist/bench');
    case 'background':
      return iifeConfig('src/background/index.ts', 'background.js', [extensionAssets()], resolve(ROOT, 'public'));
    case 'content':
      return iifeConfig('src/content/loader.ts', 'content.js');
    case 'sidebar':
      return iifeConfig('src/content/app.ts', 'sidebar.js');
    default:
      return pagesConfig();
  }
});
