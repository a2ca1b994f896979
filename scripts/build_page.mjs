#!/usr/bin/env node
// Builds the page's generated parts from www/pkg/min (wasm-opt, then wasm-bindgen --target web)
// and seeds/:
//   www/gen/assets.js        the worker source, the wasm (LZMA-compressed, in base64) and the
//                            seeds, for www/index.html
//   www/dist/annotator.html  the single self-contained file: the same modules joined into one
//                            inline module script, the stylesheet inlined, the assets in data
//                            blocks, and a CSP whose script and style hashes are computed here.
// The wasm is compressed here with xz's LZMA (-9e, with pb=0 and lc=3, which suit wasm: in all
// a third smaller than gzip -9) and decoded in the worker by www/lzma.js: base64 of compressed
// bytes costs almost nothing under the page's own gzip (Huffman coding absorbs the 6 bits per
// character), whereas base64 of the raw wasm defeats gzip's matching.
// No bundler: the modules are joined by dropping their `import` lines and `export` keywords,
// which works because every top-level name is unique across them (checked below). The joined
// scripts and the stylesheet of the single file are then minified by esbuild (scripts/package.json):
// about 12 KB less under gzip, inside the page's 250 KB budget. www/gen/assets.js, for the page
// over http, keeps the readable sources.

import { transformSync } from 'esbuild';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { lzmaDecode } from '../www/lzma.js';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const www = join(root, 'www');
const read = (...p) => readFileSync(join(...p), 'utf8');

// Modules in dependency order.
const MODULES = ['offsets.js', 'export.js', 'input.js', 'render.js', 'panel.js', 'engine.js', 'main.js'];

function strip(name, source) {
  const out = source
    .replace(/^import\s[^;]*?from\s+['"][^'"]+['"];?[ \t]*$/gm, '')
    .replace(/^export\s+(?=(async\s+)?(function|const|let|class)\b)/gm, '');
  if (/^\s*(import|export)\b/m.test(out)) throw new Error(`${name}: an import or export the build cannot join`);
  return `// ---- ${name}\n${out.trim()}\n`;
}

// `format`: 'esm' for the page's module script; 'iife' for the worker's classic script, whose
// top-level names then become local (nothing outside it calls them: it only sets onmessage).
const minify = (code, loader, format) => transformSync(code, { loader, format, minify: true, target: 'es2022', legalComments: 'inline' }).code;

function checkUnique(parts) {
  const seen = new Map();
  for (const [name, text] of parts) {
    for (const m of text.matchAll(/^(?:async\s+)?(?:function\*?|const|let|class)\s+([\w$]+)/gm)) {
      if (seen.has(m[1])) throw new Error(`top-level name ${m[1]} in both ${seen.get(m[1])} and ${name}`);
      seen.set(m[1], name);
    }
  }
}

const glue = read(www, 'pkg', 'min', 'article_annotator.js');
// The core after wasm-opt and wasm-bindgen (mk/page.mk), as an .lzma stream whose header
// carries the unpacked size (xz writes "unknown"), checked by decoding it back.
const wasmRaw = readFileSync(join(www, 'pkg', 'min', 'article_annotator_bg.wasm'));
function lzma(bytes) {
  const xz = spawnSync('xz', ['--format=lzma', '--lzma1=preset=9e,pb=0,lc=3', '--stdout'], { input: bytes, maxBuffer: 1 << 30 });
  if (xz.error || xz.status !== 0) throw new Error(`xz failed (apt-get install xz-utils): ${xz.error || xz.stderr}`);
  const out = Buffer.from(xz.stdout);
  out.writeUInt32LE(bytes.length, 5);
  out.writeUInt32LE(0, 9);
  if (Buffer.compare(Buffer.from(lzmaDecode(out)), bytes) !== 0) throw new Error('www/lzma.js does not give the wasm back');
  return out;
}
const wasm = lzma(wasmRaw);
const seedDir = join(root, 'seeds');
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ name: basename(f, '.txt'), text: read(seedDir, f) }));

// The worker is a classic script: Chromium refuses a module worker from a blob: URL made by a
// file:// page (an opaque origin). So the glue module loses its exports (and its one use of
// import.meta, for the default .wasm URL, which the worker never takes), then come offsets.js,
// lzma.js, annotation.js and worker.js in a block of their own.
function glueAsScript(source) {
  const out = source
    .replace(/^export\s+\{[^}]*\};?[ \t]*$/gm, '')
    .replace(/^export\s+(?=(async\s+)?(function|const|let|class)\b)/gm, '')
    .replace(/import\.meta\.url/g, 'self.location.href');
  if (/^\s*(import|export)\b|import\.meta/m.test(out)) throw new Error('the wasm-bindgen glue has an import or export the build cannot remove');
  return out;
}
const workerParts = [
  ['offsets.js', strip('offsets.js', read(www, 'offsets.js'))],
  ['lzma.js', strip('lzma.js', read(www, 'lzma.js'))],
  ['annotation.js', strip('annotation.js', read(www, 'annotation.js'))],
  ['worker.js', strip('worker.js', read(www, 'worker.js'))],
];
checkUnique(workerParts);
const workerSource = `${glueAsScript(glue)}\n{\n${workerParts.map(([, t]) => t).join('\n')}}\n`;
const wasmBase64 = wasm.toString('base64');

// JSON safe inside <script>: no "</script", no "<!--".
const json = (v) => JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

mkdirSync(join(www, 'gen'), { recursive: true });
writeFileSync(
  join(www, 'gen', 'assets.js'),
  '// Generated by scripts/build_page.mjs from www/pkg and seeds/: do not edit.\n' +
    `export const ASSETS = {\n  worker: ${json(workerSource)},\n  wasm: ${JSON.stringify(wasmBase64)},\n  seeds: ${json(seeds)},\n};\n`,
);

// The single file.
const parts = MODULES.map((m) => [m, strip(m, read(www, m))]);
checkUnique(parts);
const script = minify(
  "const ASSETS = {\n  worker: JSON.parse(document.getElementById('asset-worker').textContent),\n" +
  "  wasm: document.getElementById('asset-wasm').textContent.trim(),\n" +
  "  seeds: JSON.parse(document.getElementById('asset-seeds').textContent),\n};\n" +
    parts.map(([, t]) => t).join('\n'),
  'js',
  'esm',
);
const css = minify(read(www, 'style.css'), 'css');
const sha = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
const csp =
  `default-src 'none'; script-src ${sha(script)} 'wasm-unsafe-eval'; worker-src blob:; style-src ${sha(css)}; ` +
  "img-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'; object-src 'none'";

let html = read(www, 'index.html');
const replace = (from, to) => {
  if (!html.includes(from)) throw new Error(`index.html: ${from} not found`);
  html = html.replace(from, () => to);
};
replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/.exec(html)[0], `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
replace('<link rel="stylesheet" href="style.css">', `<style>${css}</style>`);
replace('<script type="module" src="main.js"></script>', `<script type="module">${script}</script>`);
replace(
  '</body>',
  `<script type="application/json" id="asset-seeds">${json(seeds)}</script>\n` +
    `<script type="application/json" id="asset-worker">${json(minify(workerSource, 'js', 'iife'))}</script>\n` +
    `<script type="application/octet-stream" id="asset-wasm">\n${wasmBase64}\n</script>\n</body>`, // one line: line breaks would cost 1% under gzip
);
if (/<script(?![^>]*type="application\/(json|octet-stream)")[^>]*>/g.test(html.replace(`<script type="module">${script}</script>`, '')))
  throw new Error('an inline script without a hash');
mkdirSync(join(www, 'dist'), { recursive: true });
writeFileSync(join(www, 'dist', 'annotator.html'), html);
const gz = gzipSync(html, { level: 9 }).length;
console.log(
  `wrote www/gen/assets.js and www/dist/annotator.html: ${html.length} bytes, ` +
    `${gz} gzipped, of the budget's 250,000 (wasm ${wasmRaw.length}, ${wasm.length} as LZMA)`,
);
