/**
 * One config, several passes (selected with --mode), because an MV3 extension needs bundles of
 * different shapes:
 * - `cli`: the command line, an ES module for Node with dependencies left external.
 * - (default), `content`, `background`: the extension (see the extension section below).
 */
import { defineConfig, type UserConfig } from 'vite';

function cliConfig(): UserConfig {
  return {
    build: {
      ssr: 'src/cli/main.ts',
      outDir: 'dist/cli',
      emptyOutDir: true,
      target: 'node20',
      sourcemap: false,
      rollupOptions: { output: { entryFileNames: 'critical-reader.mjs', banner: '#!/usr/bin/env node' } },
    },
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'cli') return cliConfig();
  // Extension passes are added by the extension build (issue: extension on publisher pages).
  return cliConfig();
});
