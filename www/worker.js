// The annotation worker's message handler. It is not loaded on its own: the page appends it,
// with offsets.js, lzma.js and annotation.js, to the wasm-bindgen glue (`initSync`, `annotate`,
// `warm`, `version` and `wasm` are the glue's, `lzmaDecode` lzma.js's, `unpackAnnotation`
// annotation.js's), and starts the whole as a classic worker from a Blob URL, which
// works from disk too. One request, one reply: `{seq, ok, result | error}`; long texts also
// send `{seq, progress}` as their chunks are done.

// Texts longer than this (in UTF-16 units) are annotated in chunks cut at paragraph ends, so
// that progress can be shown; entities and claims never cross a cut, and clusters of the same
// type and name are merged across chunks.
const CHUNK = 256 * 1024;

function cutPoints(text) {
  const cuts = [0];
  let p = 0;
  while (text.length - p > CHUNK) {
    const limit = p + CHUNK;
    let end = -1;
    for (const sep of ['\n\n', '\n', '. ', ' ']) {
      const at = text.lastIndexOf(sep, limit - sep.length);
      if (at > p + CHUNK / 2) {
        end = at + sep.length;
        break;
      }
    }
    if (end < 0) end = limit;
    const c = text.charCodeAt(end - 1);
    if (c >= 0xd800 && c <= 0xdbff) end--; // never split a surrogate pair
    cuts.push(end);
    p = end;
  }
  cuts.push(text.length);
  return cuts;
}

const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

// Appends chunk result `r`, whose text starts `shift` code points into the article, to `acc`.
function merge(acc, r, shift) {
  const eBase = acc.entities.length;
  const clusterMap = new Map();
  for (const c of r.clusters) {
    const key = `${c.type}\u0000${fold(c.name)}`;
    let target = acc.byKey.get(key);
    if (!target) {
      target = { ...c, id: acc.clusters.length, aliases: [...c.aliases], mentions: [] };
      acc.clusters.push(target);
      acc.byKey.set(key, target);
    } else {
      for (const a of c.aliases) if (!target.aliases.includes(a)) target.aliases.push(a);
    }
    target.mentions.push(...c.mentions.map((m) => m + eBase));
    clusterMap.set(c.id, target.id);
  }
  const mapCluster = (id) => (id === null || id === undefined ? id : clusterMap.get(id) ?? null);
  for (const e of r.entities) {
    acc.entities.push({ ...e, id: e.id + eBase, start: e.start + shift, end: e.end + shift, cluster: mapCluster(e.cluster) });
  }
  const moved = (part) => part && { ...part, start: part.start + shift, end: part.end + shift };
  for (const c of r.claims) {
    const claim = { ...c, id: acc.claims.length, start: c.start + shift, end: c.end + shift, cue: moved(c.cue), speaker: moved(c.speaker) };
    if (claim.speaker) claim.speaker.cluster = mapCluster(claim.speaker.cluster);
    acc.claims.push(claim);
  }
}

function annotateText(text, options, progress) {
  if (text.length <= CHUNK) return unpackAnnotation(annotate(text, options), options.id);
  const cuts = cutPoints(text);
  const acc = { entities: [], clusters: [], claims: [], byKey: new Map() };
  let shift = 0;
  let language;
  const opts = { ...options };
  for (let i = 0; i + 1 < cuts.length; i++) {
    const part = text.slice(cuts[i], cuts[i + 1]);
    const r = unpackAnnotation(annotate(part, opts));
    if (i === 0) {
      language = r.language;
      if (!opts.lang && (language === 'fr' || language === 'en')) opts.lang = language; // one language for all
    }
    merge(acc, r, shift);
    shift += codePointLength(part);
    progress((i + 1) / (cuts.length - 1));
  }
  const out = {};
  if (options.id !== undefined) out.id = options.id;
  out.language = language;
  for (const c of acc.clusters) c.mentions.sort((a, b) => a - b);
  Object.assign(out, { entities: acc.entities, clusters: acc.clusters, claims: acc.claims });
  return out;
}

// The core's bytes come LZMA-compressed (see scripts/build_page.mjs and lzma.js). The tables of
// the first language (French, the page's first) are built before the reply; the other
// language's right after it, as a task of its own: an article that needs them before then
// builds them itself.
const FIRST_LANGUAGE = 'fr';
let otherLanguagesMs = null;

function init(msg) {
  const t0 = performance.now();
  const bytes = lzmaDecode(msg.bytes);
  const t1 = performance.now();
  const module = new WebAssembly.Module(bytes);
  const t2 = performance.now();
  initSync({ module });
  const t3 = performance.now();
  warm(FIRST_LANGUAGE);
  const t4 = performance.now();
  setTimeout(() => {
    const t = performance.now();
    warm();
    otherLanguagesMs = performance.now() - t;
  });
  return { version: version(), decompressMs: t1 - t0, compileMs: t2 - t1, instantiateMs: t3 - t2, warmMs: t4 - t3 };
}

function fail(seq, e) {
  self.postMessage({
    seq,
    ok: false,
    error: { name: (e && e.name) || 'Error', message: String((e && e.message) || e), trap: e instanceof WebAssembly.RuntimeError },
  });
}

self.onmessage = (event) => {
  const msg = event.data;
  try {
    if (msg.op === 'init') {
      self.postMessage({ seq: msg.seq, ok: true, result: init(msg) });
    } else if (msg.op === 'annotate') {
      const t0 = performance.now();
      const result = annotateText(msg.text, msg.options, (progress) => self.postMessage({ seq: msg.seq, progress }));
      self.postMessage({ seq: msg.seq, ok: true, result, ms: performance.now() - t0 });
    } else if (msg.op === 'timings') {
      // For the benchmark: how long the other languages' tables took (null until built).
      self.postMessage({ seq: msg.seq, ok: true, result: { otherLanguagesMs } });
    } else if (msg.op === 'trap') {
      // For the tests: a real trap inside the module (an out-of-bounds read), as a panic gives.
      wasmTrap();
    } else {
      throw new Error(`unknown request ${msg.op}`);
    }
  } catch (e) {
    fail(msg.seq, e);
  }
};

// A trap inside the module: the core is asked to read a string past the end of its memory.
function wasmTrap() {
  wasm.annotate(wasm.memory.buffer.byteLength + 65536, 64, undefined);
}
