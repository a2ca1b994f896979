// The core's annotation, unpacked. The wasm façade (src/wasm.rs, `Packed`) returns
// `[numbers, strings]`: a Uint32Array and one string, read here in step into the plain object
// of SCHEMA.md, with the same fields in the same order as the command line's JSON. The layout
// is written in both files: change them together.

/**
 * The annotation packed in `[numbers, strings]`, with `id` first when it is neither undefined
 * nor null (as the command line puts it).
 */
export function unpackAnnotation([numbers, strings], id) {
  let n = 0;
  let at = 0;
  const num = () => numbers[n++];
  const opt = () => (numbers[n] === 0 ? (n++, null) : numbers[n++] - 1);
  // Each string's length (UTF-16 units) is a number read when the string is due.
  const str = () => strings.slice(at, (at += numbers[n++]));
  // A few rules explain every annotation: each `why` comes once, then by its index.
  const whys = [];
  const why = () => {
    const i = numbers[n++];
    return i < whys.length ? whys[i] : (whys[i] = str());
  };
  const entityCount = num(), clusterCount = num(), claimCount = num();
  const types = [str(), str(), str(), str(), str()];
  const kinds = [str(), str()];
  const out = {};
  if (id !== undefined && id !== null) out.id = id;
  out.language = str();
  const entities = new Array(entityCount);
  for (let i = 0; i < entityCount; i++) {
    const eid = num(), type = types[num()], start = num(), end = num(), cluster = num();
    entities[i] = { id: eid, type, start, end, text: str(), cluster, why: why() };
  }
  const clusters = new Array(clusterCount);
  for (let i = 0; i < clusterCount; i++) {
    const cid = num(), type = types[num()];
    const mentions = new Array(num());
    for (let m = 0; m < mentions.length; m++) mentions[m] = num();
    const aliases = new Array(num());
    const name = str();
    for (let a = 0; a < aliases.length; a++) aliases[a] = str();
    clusters[i] = { id: cid, type, name, aliases, mentions };
  }
  const claims = new Array(claimCount);
  for (let i = 0; i < claimCount; i++) {
    const cid = num(), kind = kinds[num()], start = num(), end = num();
    const cue = num() ? { start: num(), end: num(), text: null } : null;
    const speaker = num() ? { start: num(), end: num(), text: null, cluster: opt() } : null;
    const text = str();
    if (cue) cue.text = str();
    if (speaker) speaker.text = str();
    claims[i] = { id: cid, kind, start, end, text, cue, speaker, why: why() };
  }
  out.entities = entities;
  out.clusters = clusters;
  out.claims = claims;
  return out;
}
