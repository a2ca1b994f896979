// The wasm core's packed annotation, unpacked by www/annotation.js, must be the command line's
// JSON exactly: the same values, fields in the same order. Runs in Node on the shrunk core the
// page ships (www/pkg/min, `make page`) and on target/release/annotate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './helpers.mjs';
import { unpackAnnotation } from '../../www/annotation.js';

const MIN = join(ROOT, 'www', 'pkg', 'min');
const CLI = join(ROOT, process.env.CARGO_TARGET_DIR || 'target', 'release', 'annotate');

function texts(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...texts(path));
    else if (name.endsWith('.txt')) out.push(readFileSync(path, 'utf8'));
  }
  return out;
}

// The seeds, every fixture, and texts that stress the packing: none, astral characters before
// and inside names, quotation marks and escapes in strings, an unnamed speaker.
const TEXTS = [
  ...texts(join(ROOT, 'seeds')),
  ...texts(join(ROOT, 'tests', 'fixtures')),
  '',
  '😀 Emmanuel Macron a déclaré : « Nous 🇫🇷 gagnerons. » 𝒜 Angela Merkel a dit que non.',
  'Le "Président" Jean\\Dupont a dit\tque « oui ».\n\nSelon des sources, tout va bien.',
  '“It is over,” a spokesman said on Monday in New York.',
];

test('the unpacked annotation is the command line JSON, byte for byte', async () => {
  assert.ok(existsSync(join(MIN, 'article_annotator_bg.wasm')), 'www/pkg/min is missing: run make page');
  assert.ok(existsSync(CLI), `${CLI} is missing: run make core`);
  const glue = await import(pathToFileURL(join(MIN, 'article_annotator.js')).href);
  glue.initSync({ module: readFileSync(join(MIN, 'article_annotator_bg.wasm')) });

  const input = TEXTS.map((text, id) => JSON.stringify({ id, text })).join('\n') + '\n';
  const run = spawnSync(CLI, ['--jsonl'], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.trimEnd().split('\n');
  assert.equal(lines.length, TEXTS.length);

  let claims = 0;
  TEXTS.forEach((text, id) => {
    const unpacked = unpackAnnotation(glue.annotate(text, {}), id);
    claims += unpacked.claims.length;
    assert.equal(JSON.stringify(unpacked), lines[id], `text ${id}: ${text.slice(0, 60)}`);
  });
  assert.ok(claims > 10, 'the texts have claims to compare');
});

test('an id is put first, and left out when null or undefined', async () => {
  const glue = await import(pathToFileURL(join(MIN, 'article_annotator.js')).href);
  glue.initSync({ module: readFileSync(join(MIN, 'article_annotator_bg.wasm')) });
  const packed = () => glue.annotate('Angela Merkel a dit que non.', { lang: 'fr' });
  assert.deepEqual(Object.keys(unpackAnnotation(packed(), 'a1')), ['id', 'language', 'entities', 'clusters', 'claims']);
  assert.equal(unpackAnnotation(packed(), 'a1').id, 'a1');
  assert.ok(!('id' in unpackAnnotation(packed(), null)));
  assert.ok(!('id' in unpackAnnotation(packed())));
});
