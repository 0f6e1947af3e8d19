#!/usr/bin/env node
/**
 * Builds the extension for Chrome and Firefox from one root manifest (darkreader style):
 * the vite passes write dist/chrome, which is copied to dist/firefox, then each manifest gets
 * its small browser patch, and each folder is zipped (dist/critical-reader-<browser>.zip).
 */
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { build } from 'vite';
import { extensionPageInputs } from './extension-pages.mjs';

const ROOT = process.cwd();
const CHROME = resolve(ROOT, 'dist/chrome');
const FIREFOX = resolve(ROOT, 'dist/firefox');

/**
 * Chrome: a service worker, no Gecko settings. Firefox: background scripts (event page), and no
 * file:///* host permission — Firefox never lets extensions read local files by address (the
 * viewer offers the file picker and drag-and-drop there instead).
 */
const PATCHES = {
  chrome(m) {
    m.background = { service_worker: m.background.service_worker };
    delete m.browser_specific_settings;
    return m;
  },
  firefox(m) {
    m.background = { scripts: m.background.scripts };
    m.host_permissions = (m.host_permissions ?? []).filter((p) => !p.startsWith('file:'));
    if (m.host_permissions.length === 0) delete m.host_permissions;
    return m;
  },
};

function patchManifest(dir, browser) {
  const file = join(dir, 'manifest.json');
  const manifest = PATCHES[browser](JSON.parse(readFileSync(file, 'utf8')));
  writeFileSync(file, JSON.stringify(manifest, null, 2) + '\n');
}

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** A plain deflate zip (what both stores accept), without a zip binary or package. */
function zipDir(dir, out) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const file of filesUnder(dir).sort()) {
    const name = Buffer.from(relative(dir, file).split('\\').join('/'));
    const data = readFileSync(file);
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00, reproducible
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(0x00210000, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(out, Buffer.concat([...locals, ...centrals, end]));
}

const started = Date.now();
rmSync(CHROME, { recursive: true, force: true });
rmSync(FIREFOX, { recursive: true, force: true });
process.env.CR_EXTENSION_OUT = CHROME;
const modes = ['background', 'content', 'sidebar'];
if (Object.keys(extensionPageInputs(ROOT)).length) modes.push('pages');
for (const mode of modes) {
  await build({ configFile: resolve(ROOT, 'vite.config.ts'), mode, logLevel: 'warn' });
}
cpSync(CHROME, FIREFOX, { recursive: true });
patchManifest(CHROME, 'chrome');
patchManifest(FIREFOX, 'firefox');
for (const browser of ['chrome', 'firefox']) {
  const out = resolve(ROOT, `dist/critical-reader-${browser}.zip`);
  zipDir(resolve(ROOT, 'dist', browser), out);
}
if (!existsSync(join(CHROME, 'manifest.json'))) throw new Error('build produced no manifest');
console.log(`Built dist/chrome, dist/firefox and their zips (${modes.join(', ')}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
