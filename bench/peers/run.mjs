// The peers of BENCHMARKS.md, measured in Node on this machine, one JSON line each:
//   throughput: MB/s (2^20 bytes of UTF-8 input per second) over the two seed articles
//               (seeds/*.txt, French news) annotated one after the other, repeated to >= 2 MB;
//               the median of 3 rounds, after a warm-up. Each peer does its nearest equivalent
//               of the annotator's work: parse, then list its entities.
//   bundle:     gzip -9 of what a page must load (the peer's browser build, or its sources
//               and model when it has no build).
// The annotator itself is measured the same way: its wasm core (www/pkg/min, from `make page`)
// in Node, so that every row runs on the same engine.
//
// `npm ci` here first (dev only: nothing here is shipped); `node run.mjs`.
// The dev articles of the evaluation are never read.

import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const mods = join(here, 'node_modules');
const MB = 1 << 20;
const TARGET = Number(process.env.PEERS_MB || 2) * MB;
const ROUNDS = 3;

const seeds = readdirSync(join(root, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(root, 'seeds', f), 'utf8'));
const seedBytes = seeds.reduce((n, s) => n + Buffer.byteLength(s), 0);
const reps = Math.ceil(TARGET / seedBytes);

const version = (name) => JSON.parse(readFileSync(join(mods, name, 'package.json'), 'utf8')).version;
const gz = (files) => gzipSync(Buffer.concat(files.map((f) => readFileSync(f))), { level: 9 }).length;
const filesUnder = (dir, ext) =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && ext.some((x) => e.name.endsWith(x)))
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .sort();
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** MB/s of `annotate` over the seeds repeated `reps` times, median of ROUNDS. */
function throughput(annotate) {
  for (const s of seeds) annotate(s); // warm-up
  const rates = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) for (const s of seeds) annotate(s);
    const s = (performance.now() - t0) / 1000;
    rates.push((reps * seedBytes) / MB / s);
  }
  return median(rates);
}

function emit(peer, fields) {
  const round = (x) => (typeof x === 'number' ? Number(x.toFixed(3)) : x);
  console.log(JSON.stringify({ peer, ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, round(v)])) }));
}

const only = process.argv.slice(2);
const wanted = (name) => only.length === 0 || only.includes(name);

// The annotator's own core, when built.
const minDir = join(root, 'www', 'pkg', 'min');
if (wanted('article_annotator') && existsSync(join(minDir, 'article_annotator_bg.wasm'))) {
  const glue = await import(pathToFileURL(join(minDir, 'article_annotator.js')).href);
  const { unpackAnnotation } = await import(pathToFileURL(join(root, 'www', 'annotation.js')).href);
  glue.initSync({ module: readFileSync(join(minDir, 'article_annotator_bg.wasm')) });
  const html = join(root, 'www', 'dist', 'annotator.html');
  emit('article_annotator', {
    version: glue.version(),
    mb_per_s: throughput((t) => unpackAnnotation(glue.annotate(t, { lang: 'fr' }))),
    bundle_gzip_bytes: existsSync(html) ? gz([html]) : null,
    bundle: 'www/dist/annotator.html (everything: wasm, lexicons, JS, CSS)',
  });
}

// compromise and its French port share an API: parse, then list people, places, organisations.
async function compromiseLike(name, build) {
  if (!wanted(name)) return;
  const { default: nlp } = await import(name);
  emit(name, {
    version: version(name),
    mb_per_s: throughput((t) => {
      const doc = nlp(t);
      return [doc.people().out('array'), doc.places().out('array'), doc.organizations().out('array')];
    }),
    bundle_gzip_bytes: gz([join(mods, name, 'builds', build)]),
    bundle: `builds/${build}`,
  });
}
await compromiseLike('compromise', 'compromise.js');
await compromiseLike('fr-compromise', 'fr-compromise.min.js');

if (wanted('wink-nlp')) {
  const { default: winkNLP } = await import('wink-nlp');
  const { default: model } = await import('wink-eng-lite-web-model');
  const nlp = winkNLP(model);
  emit('wink-nlp', {
    version: `${version('wink-nlp')} + wink-eng-lite-web-model ${version('wink-eng-lite-web-model')}`,
    mb_per_s: throughput((t) => nlp.readDoc(t).entities().out()),
    bundle_gzip_bytes: gz([...filesUnder(join(mods, 'wink-nlp', 'src'), ['.js']), ...filesUnder(join(mods, 'wink-eng-lite-web-model', 'dist'), ['.js', '.json'])]),
    bundle: 'wink-nlp src/ + wink-eng-lite-web-model dist/ (no build is published)',
  });
}
