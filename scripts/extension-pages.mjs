/**
 * Extension pages built in the `pages` pass, each included only once its HTML and entry script
 * exist (the PDF viewer and options page are written separately). Shared by vite.config.ts and
 * scripts/build-extension.mjs.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const PAGES = {
  viewer: ['src/viewer/viewer.html', 'src/viewer/viewer.ts'],
  options: ['src/options/options.html', 'src/options/options.ts'],
  // The sidebar beside publisher pages, framed by the content script (src/sidebar/frame-protocol.ts).
  sidebar: ['src/sidebar/frame.html', 'src/sidebar/frame.ts'],
};

/** name → absolute html path, for pages whose files all exist. */
export function extensionPageInputs(root = process.cwd()) {
  const out = {};
  for (const [name, files] of Object.entries(PAGES)) {
    if (files.every((f) => existsSync(resolve(root, f)) || existsSync(resolve(root, f.replace(/\.ts$/, '.tsx'))))) out[name] = resolve(root, files[0]);
  }
  return out;
}
