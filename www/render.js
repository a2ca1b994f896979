// The article with its annotations inline, built from the DOM (never from HTML strings):
// text goes in with text nodes only, and every mark is styled by its data-* attributes.
//
// Entities, claims, cues and speaker mentions may nest or cross; the text is cut into
// segments at every boundary, and each segment is wrapped in the elements of the spans that
// cover it, outermost first. A span that has to be closed early (a crossing span, or a new
// paragraph) goes on in a second element, a continuation (`data-part="cont"`).

import { makeOffsets } from './offsets.js';
import { speakerName } from './export.js';

export const ENTITY_TYPES = ['person', 'organization', 'location', 'date', 'quantity'];
/** The visible label of each entity type. */
export const TYPE_LABELS = { person: 'person', organization: 'org', location: 'place', date: 'date', quantity: 'qty' };
export const TYPE_NAMES = {
  person: 'People',
  organization: 'Organisations',
  location: 'Places',
  date: 'Dates',
  quantity: 'Quantities',
};

// Texts longer than this (UTF-16 units) draw only their paragraphs on screen (style.css).
const LONG = 100000;

// Which element is outside when two spans cover the same text.
const RANK = { claim: 0, spk: 1, ent: 2, cue: 3 };

/** The facts the page needs about one annotated article, with the UTF-16 positions. */
export function makeModel(text, result) {
  const offsets = makeOffsets(text);
  const clusters = new Map(result.clusters.map((c) => [c.id, c]));
  const entities = new Map(result.entities.map((e) => [e.id, e]));
  const claims = new Map(result.claims.map((c) => [c.id, c]));
  const speakers = new Map(result.claims.map((c) => [c.id, speakerName(result, c)]));
  return { text, result, offsets, clusters, entities, claims, speakers };
}

// Every span to draw, sorted so that an enclosing span comes before what it encloses.
function collectSpans(model) {
  const { result, offsets } = model;
  const spans = [];
  const add = (kind, start, end, data) => {
    const s = offsets.toUtf16(start);
    const e = offsets.toUtf16(end);
    if (e > s) spans.push({ kind, s, e, data, el: null });
  };
  for (const e of result.entities) add('ent', e.start, e.end, e);
  // A cue or a speaker mention shared by several claims is drawn once, naming them all.
  const shared = new Map();
  const addShared = (kind, part, claimId) => {
    if (!part || part.start === undefined) return;
    const key = `${kind}:${part.start}:${part.end}`;
    if (shared.has(key)) shared.get(key).push(claimId);
    else {
      const ids = [claimId];
      shared.set(key, ids);
      add(kind, part.start, part.end, { ids, part });
    }
  };
  for (const c of result.claims) {
    add('claim', c.start, c.end, c);
    addShared('cue', c.cue, c.id);
    addShared('spk', c.speaker, c.id);
  }
  spans.sort((a, b) => a.s - b.s || b.e - a.e || RANK[a.kind] - RANK[b.kind]);
  spans.forEach((span, i) => (span.order = i));
  return spans;
}

function openElement(span, model) {
  const first = span.el === null;
  let el;
  if (span.kind === 'ent') {
    const e = span.data;
    el = document.createElement('mark');
    el.dataset.entity = e.type;
    el.dataset.label = TYPE_LABELS[e.type] || e.type;
    el.dataset.eid = e.id;
    if (e.cluster !== null && e.cluster !== undefined) el.dataset.cluster = e.cluster;
  } else if (span.kind === 'claim') {
    const c = span.data;
    const name = model.speakers.get(c.id);
    el = document.createElement('span');
    el.dataset.claim = c.kind;
    el.dataset.claimId = c.id;
    el.dataset.speaker = name;
    if (first) {
      el.dataset.chip = name || 'unattributed';
      el.setAttribute('role', 'note');
      el.setAttribute('aria-label', `${c.kind} claim, ${name ? `by ${name}` : 'speaker unknown'}`);
    }
  } else {
    el = document.createElement('span');
    el.dataset[span.kind === 'cue' ? 'cueOf' : 'speakerOf'] = span.data.ids.join(' ');
  }
  if (span.kind === 'ent' || span.kind === 'claim') {
    el.dataset.part = first ? 'first' : 'cont';
    if (first) el.tabIndex = 0;
  }
  if (first) span.el = el;
  return el;
}

const now = () => performance.now();
// A task boundary: timers, input and rendering all get their turn.
const pause = () => new Promise((r) => setTimeout(r, 0));

/**
 * Draws the annotated text into `root` (an element already in the page, so that the browser
 * styles and lays out each slice as it comes rather than all at the end). Works in slices of
 * a few milliseconds, yielding to the page in between, and reports progress as a fraction.
 */
export async function renderText(model, root, onProgress = () => {}) {
  const { text } = model;
  root.classList.add('article-text');
  if (text.length > LONG) root.classList.add('long');
  const spans = collectSpans(model);
  // Cut points: every span boundary and every paragraph start.
  const cuts = new Set([0, text.length]);
  const paraStarts = new Set();
  for (const m of text.matchAll(/\n+/g)) {
    const p = m.index + m[0].length;
    if (p < text.length) {
      cuts.add(p);
      paraStarts.add(p);
    }
  }
  for (const s of spans) {
    cuts.add(s.s);
    cuts.add(s.e);
  }
  const points = Float64Array.from(cuts).sort();

  // Long texts group their paragraphs in blocks that are laid out only when on screen.
  const long = text.length > LONG;
  let block = root;
  let inBlock = 0;
  let para = null;
  const newPara = () => {
    if (long && inBlock++ % 48 === 0) {
      block = document.createElement('div');
      block.className = 'block';
      root.append(block);
    }
    para = document.createElement('div');
    para.className = 'para';
    para.dir = 'auto';
    block.append(para);
  };
  newPara();
  let stack = []; // open [span, element] pairs, outermost first
  let active = []; // spans covering the current segment, in nesting order
  let next = 0; // the next span (by start) to become active
  let deadline = now() + 12;

  for (let i = 0; i + 1 < points.length; i++) {
    const b = points[i];
    const b2 = points[i + 1];
    if (b > 0 && paraStarts.has(b)) {
      newPara();
      stack = [];
    }
    active = active.filter((s) => s.e > b);
    let added = false;
    while (next < spans.length && spans[next].s <= b) {
      if (spans[next].e > b) {
        active.push(spans[next]);
        added = true;
      }
      next++;
    }
    if (added) active.sort((x, y) => x.order - y.order);
    let k = 0;
    while (k < stack.length && k < active.length && stack[k][0] === active[k]) k++;
    stack.length = k;
    for (; k < active.length; k++) {
      const el = openElement(active[k], model);
      (stack.length ? stack[stack.length - 1][1] : para).append(el);
      stack.push([active[k], el]);
    }
    (stack.length ? stack[stack.length - 1][1] : para).append(document.createTextNode(text.slice(b, b2)));
    if ((i & 255) === 0 && now() > deadline) {
      onProgress(b2 / text.length);
      await pause();
      deadline = now() + 12;
    }
  }
  onProgress(1);
  return root;
}
