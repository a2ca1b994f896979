#!/usr/bin/env node
// Measures again and rewrites the generated part of BENCHMARKS.md (between its
// `<!-- generated -->` and `<!-- /generated -->` lines; the prose around them is kept):
//   - the machine, the commit and the date;
//   - the page's size: the single file gzipped, the wasm raw, gzipped and as shipped (LZMA),
//     the lexicons, the JavaScript and CSS;
//   - the page's figures in headless Chromium (tests/e2e/bench.mjs);
//   - cargo bench's throughputs (criterion's estimates in target/criterion);
//   - the peers in Node (bench/peers/run.mjs; `npm ci` there when its node_modules is missing).
// `make benchmarks-doc` builds what is needed first. Set BENCH_CARGO=0 to reuse the last
// `cargo bench` results instead of running it (it takes a few minutes).

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const doc = join(root, 'BENCHMARKS.md');
const targetDir = process.env.CARGO_TARGET_DIR || join(root, 'target');
const sh = (cmd, args, opts = {}) => (execFileSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, ...opts }) ?? '').trim();
const tryShell = (cmd, args) => {
  try {
    return sh(cmd, args, { stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return 'unknown';
  }
};
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
// Sizes in KB of 1000 bytes, as the issue counts them (its 137 KB for compromise is the
// 136,715 bytes of gzip -9 measured here).
const kb = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} MB` : `${(n / 1000).toFixed(1)} KB`);
const files = (dir, keep) =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && keep(e.name))
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .sort();
// The JSON lines of a run's output, echoed to standard error as they are read.
const jsonLines = (text) =>
  text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => (process.stderr.write(`${l}\n`), JSON.parse(l)));
const log = (msg) => process.stderr.write(`benchmarks-doc: ${msg}\n`);

// The machine, before anything runs (the load average says whether others were busy).
const os = /PRETTY_NAME="([^"]*)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? 'unknown';
const load = loadavg().map((x) => x.toFixed(2)).join(', ');
const machine = [
  ['CPU', `${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores`],
  ['memory', `${(totalmem() / 2 ** 30).toFixed(0)} GiB`],
  ['system', `${os}, Linux ${tryShell('uname', ['-r'])}`],
  ['load average at the start (1, 5, 15 min)', load],
  ['rustc', tryShell('rustc', ['--version'])],
  ['node', process.version],
  ['browser', tryShell(process.env.CHROMIUM || '/usr/bin/chromium', ['--version'])],
];
const dirty = tryShell('git', ['status', '--porcelain', '--untracked-files=no', '--', '.', ':!BENCHMARKS.md']) !== '';
const commit = `${tryShell('git', ['rev-parse', '--short', 'HEAD'])}${dirty ? ' (with uncommitted changes)' : ''}`;
const date = new Date().toISOString().slice(0, 10);

// Sizes.
const single = readFileSync(join(root, 'www', 'dist', 'annotator.html'));
const wasm = readFileSync(join(root, 'www', 'pkg', 'min', 'article_annotator_bg.wasm'));
// The LZMA stream the single file ships (its base64 data block), as build_page.mjs made it.
const shipped = /<script type="application\/octet-stream" id="asset-wasm">([^<]*)<\/script>/.exec(single.toString('latin1'));
const lzmaBytes = shipped ? Buffer.from(shipped[1], 'base64').length : null;
const lexicons = Buffer.concat(files(join(root, 'data'), () => true).map((f) => readFileSync(f)));
const jsCss = Buffer.concat(files(join(root, 'www'), (n) => /\.(js|css)$/.test(n)).filter((f) => !/[/\\](gen|pkg|dist)[/\\]/.test(f)).map((f) => readFileSync(f)));
const sizes = [
  ['`www/dist/annotator.html`, everything', kb(single.length), kb(gz(single))],
  ['the core (wasm-opt -Oz, wasm-bindgen), its lexicons included', kb(wasm.length), `${kb(gz(wasm))} (as shipped, LZMA: ${lzmaBytes ? kb(lzmaBytes) : '?'})`],
  ['lexicons (`data/**`), inside the core', kb(lexicons.length), kb(gz(lexicons))],
  ['JavaScript and CSS (`www/*.js`, `www/style.css`)', kb(jsCss.length), kb(gz(jsCss))],
];

// The page's figures.
log('page figures (tests/e2e/bench.mjs)');
const page = jsonLines(sh('node', ['bench.mjs'], { cwd: join(root, 'tests', 'e2e'), stdio: ['ignore', 'pipe', 'inherit'] }));

// cargo bench.
if (process.env.BENCH_CARGO !== '0') {
  log('cargo bench --bench annotate');
  sh('cargo', ['bench', '--bench', 'annotate'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
const criterion = join(targetDir, 'criterion');
const cargo = existsSync(criterion)
  ? files(criterion, (n) => n === 'benchmark.json')
      .filter((f) => f.includes(`${join('new', 'benchmark.json')}`))
      .map((f) => {
        const b = JSON.parse(readFileSync(f, 'utf8'));
        const est = JSON.parse(readFileSync(join(dirname(f), 'estimates.json'), 'utf8'));
        const bytes = b.throughput?.Bytes ?? b.throughput?.BytesDecimal;
        const s = est.mean.point_estimate / 1e9;
        const mtime = statSync(join(dirname(f), 'estimates.json')).mtime;
        const when = mtime.toISOString().slice(0, 16).replace('T', ' ');
        return { group: b.group_id, name: `${b.group_id} / ${b.value_str ?? b.function_id}`, ms: s * 1000, mbs: bytes ? bytes / 2 ** 20 / s : null, bytes, when, mtime };
      })
      // The corpora's sizes are in the benchmarks' names and move with the data: a group's
      // older results, under other names, are of other commits.
      .filter((r, _, all) => !all.some((o) => o.group === r.group && o.mtime > r.mtime))
  : [];

// The peers.
const peersDir = join(root, 'bench', 'peers');
if (!existsSync(join(peersDir, 'node_modules'))) {
  log('npm ci in bench/peers');
  sh('npm', ['ci', '--no-audit', '--no-fund'], { cwd: peersDir, stdio: ['ignore', 'ignore', 'inherit'] });
}
log('peers (bench/peers/run.mjs)');
const peers = jsonLines(sh('node', ['run.mjs'], { cwd: peersDir, stdio: ['ignore', 'pipe', 'inherit'] }));

// The tables.
const table = (head, rows) => [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const fix = (x, d = 2) => (x === null || x === undefined ? '' : Number(x).toFixed(d));
const pageRow = (f) => {
  const what = {
    startup_compile_instantiate_lexicons_ms: "start-up: compile + instantiate the core, build the French lexicon tables (the issue's figure)",
    startup_decode_ms: '… before it, decode the LZMA-compressed core (`www/lzma.js`)',
    startup_compile_instantiate_ms: '… of which compile + instantiate',
    startup_lexicons_ms: "… of which the lexicon tables (`warm('fr')`: French and the detector's)",
    startup_english_lexicons_after_ms: 'the English tables, built just after start-up (`warm()`)',
    startup_total_ms: 'start-up in all: decode + compile + instantiate + lexicon tables',
    seed_annotate_render_ms: `annotate + render seed \`${f.seed}\` (${f.chars} characters)`,
    annotate_throughput_5mb: 'annotate throughput inside wasm, 5 MB of French text (the seeds repeated)',
    single_file_gzip_bytes: 'gzip -9 of `www/dist/annotator.html`',
  }[f.figure] ?? f.figure;
  return [what, f.unit === 'bytes' ? `${f.value} bytes (${kb(f.value)})` : `${fix(f.value)} ${f.unit}`, f.runs ? `median of ${f.runs}` : ''];
};
const generated = [
  `Measured ${date} at commit ${commit}. Sizes: KB are 1000 bytes, as in the issue. Throughput: MB/s are 2^20 bytes of UTF-8 input (or UTF-16 units in the page) a second, which is 5% stricter than 10^6.`,
  '',
  table(['machine', ''], machine),
  '',
  '### Size',
  '',
  table(['part', 'raw', 'gzip -9'], sizes),
  '',
  '### The page (headless Chromium, the single file from disk)',
  '',
  table(['figure', 'value', 'runs'], page.map(pageRow)),
  '',
  '### The core (`cargo bench`, native, one thread)',
  '',
  cargo.length
    ? table(['benchmark', 'input', 'mean time', 'throughput', 'measured (UTC)'], cargo.map((c) => [c.name, c.bytes ? kb(c.bytes) : '', `${fix(c.ms, 3)} ms`, c.mbs ? `${fix(c.mbs)} MB/s` : '', c.when]))
    : '(no criterion results: run `make bench`)',
  '',
  '### Peers (Node, the two seed articles repeated, French)',
  '',
  table(
    ['library', 'version', 'throughput', 'bundle, gzip -9', 'bundle measured'],
    peers.map((p) => [p.peer === 'article_annotator' ? '**article_annotator** (its wasm core in Node)' : p.peer, p.version, `${fix(p.mb_per_s)} MB/s`, p.bundle_gzip_bytes ? kb(p.bundle_gzip_bytes) : '', p.bundle]),
  ),
].join('\n');

let text = existsSync(doc) ? readFileSync(doc, 'utf8') : '# Benchmarks\n\n<!-- generated -->\n<!-- /generated -->\n';
const start = text.indexOf('<!-- generated -->');
const end = text.indexOf('<!-- /generated -->');
if (start < 0 || end < start) throw new Error('BENCHMARKS.md: no <!-- generated --> ... <!-- /generated --> block');
text = `${text.slice(0, start)}<!-- generated -->\n<!-- Written by scripts/benchmarks_doc.mjs (make benchmarks-doc): edit the prose, not this block. -->\n\n${generated}\n\n${text.slice(end)}`;
writeFileSync(doc, text);
log(`wrote ${relative(root, doc)}`);
