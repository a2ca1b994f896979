// The page: input, the queue of articles, the cards, the tooltip, the keyboard, the panel.

import { ASSETS } from './gen/assets.js';
import { Engine, decodeBase64 } from './engine.js';
import { MAX_CHARS, Refusal, checkText, formatSize, readArticleFile, readFragment, makeFragment } from './input.js';
import { makeModel, renderText, TYPE_NAMES } from './render.js';
import { renderPanel } from './panel.js';
import { toJson, toWebAnnotation, toCsv, download } from './export.js';

const $ = (sel, root = document) => root.querySelector(sel);
const textarea = $('#input-text');
const langSelect = $('#lang');
const articlesEl = $('#articles');
const panelEl = $('#panel');
const statusEl = $('#status');
const statusText = $('#status-text');
const progressEl = $('#progress');
const cancelButton = $('#cancel');
const messagesEl = $('#messages');
const tooltip = $('#tooltip');

/** Pastes longer than this go straight to a card rather than into the text box. */
const DIRECT_PASTE = 100000;
/** The longest text offered as a link (`#text=`). */
const MAX_LINK_CHARS = 32768;

const articles = []; // {key, id, title, text, result, model, card, timing}
let nextKey = 1;
let crashNext = false;

const engine = new Engine(ASSETS.worker, decodeBase64(ASSETS.wasm));
engine.ready.then(
  (info) => {
    document.body.dataset.ready = 'true';
    $('#version').textContent = `core ${info.version}`;
  },
  (e) => showMessage(`The annotator could not start: ${e.message}`),
);

// Messages ------------------------------------------------------------------

function showMessage(text, kind = 'error') {
  const item = document.createElement('div');
  item.className = `message ${kind}`;
  item.dataset.kind = kind;
  const p = document.createElement('p');
  p.textContent = text;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'dismiss';
  close.textContent = 'Dismiss';
  close.setAttribute('aria-label', 'Dismiss this message');
  close.addEventListener('click', () => item.remove());
  item.append(p, close);
  messagesEl.append(item);
  while (messagesEl.children.length > 5) messagesEl.firstElementChild.remove();
}

function setStatus(text, progress = null) {
  statusText.textContent = text;
  statusEl.dataset.busy = text ? 'true' : 'false';
  if (progress === null) progressEl.removeAttribute('value');
  else progressEl.value = progress;
  progressEl.hidden = !text;
  cancelButton.hidden = !text;
}

// The queue -----------------------------------------------------------------

let queue = Promise.resolve();
let pending = 0;

function titleOf(text) {
  const line = text.split('\n').find((l) => l.trim()) || 'Untitled';
  const flat = line.replace(/\s+/g, ' ').trim();
  return flat.length > 90 ? `${flat.slice(0, 89)}…` : flat;
}

/** Queues one article: `{text, title, lang, id}`; resolves when its card is drawn (or refused). */
function enqueue(job) {
  pending++;
  const run = queue.then(() => annotateArticle(job)).finally(() => {
    pending--;
    if (!pending) setStatus('');
  });
  queue = run.catch(() => {});
  return run;
}

async function annotateArticle({ text, title, lang, id }) {
  title = title || titleOf(text);
  try {
    checkText(text, `“${title}”`);
  } catch (e) {
    showMessage(e.message);
    return null;
  }
  const started = performance.now();
  const label = `“${title.length > 40 ? `${title.slice(0, 39)}…` : title}”`;
  setStatus(`Annotating ${label} (${formatSize(text.length)})…`, text.length > 200000 ? 0 : null);
  let reply;
  try {
    if (crashNext) {
      crashNext = false;
      await engine.trap();
    }
    reply = await engine.annotate(text, { lang, id }, (p) => setStatus(`Annotating ${label}… ${Math.round(p * 100)}%`, p));
  } catch (e) {
    if (e.message === 'Cancelled.') showMessage(`Stopped: ${label} was not annotated.`, 'info');
    else if (e.trap || e instanceof WebAssembly.RuntimeError)
      showMessage(`The annotator crashed on ${label} and was restarted; the page still works. (${e.message})`);
    else showMessage(`${label} could not be annotated: ${e.message}`);
    return null;
  }
  const annotated = performance.now();
  performance.mark('annotator:received');
  const model = makeModel(text, reply.result);
  setStatus(`Drawing ${label}…`, 0);
  const article = { key: nextKey++, id, title, text, result: reply.result, model };
  const body = document.createElement('div');
  article.card = makeCard(article, body);
  articlesEl.append(article.card);
  articles.push(article);
  await renderText(model, body, (p) => setStatus(`Drawing ${label}… ${Math.round(p * 100)}%`, p));
  performance.mark('annotator:drawn');
  refreshPanel();
  performance.mark('annotator:panel');
  article.timing = { annotateMs: reply.ms, roundTripMs: annotated - started, totalMs: performance.now() - started };
  article.card.querySelector('.meta-time').textContent = `${Math.round(article.timing.totalMs)} ms`;
  return article;
}

// Cards ---------------------------------------------------------------------

function button(text, onClick, props = {}) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.addEventListener('click', onClick);
  for (const [k, v] of Object.entries(props)) b.setAttribute(k, v);
  return b;
}

function fileStem(article) {
  return String(article.id ?? article.title).replace(/\.[a-z]+$/i, '').replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 60) || 'article';
}

function makeCard(article, body) {
  const { result } = article;
  const card = document.createElement('article');
  card.className = 'card';
  card.dataset.article = article.key;
  const head = document.createElement('header');
  head.className = 'card-head';
  const h = document.createElement('h2');
  h.id = `title-${article.key}`;
  h.textContent = article.title;
  card.setAttribute('aria-labelledby', h.id);
  const meta = document.createElement('p');
  meta.className = 'meta';
  const people = new Set(result.entities.filter((e) => e.type === 'person').map((e) => e.cluster ?? e.text)).size;
  const bits = [
    result.language ? `language ${result.language}` : 'language unknown',
    `${result.entities.length} entities`,
    `${people} people`,
    `${result.claims.length} claims`,
  ];
  for (const b of bits) {
    const s = document.createElement('span');
    s.textContent = b;
    meta.append(s);
  }
  const time = document.createElement('span');
  time.className = 'meta-time';
  meta.append(time);
  const actions = document.createElement('div');
  actions.className = 'card-actions';
  actions.setAttribute('role', 'group');
  actions.setAttribute('aria-label', `Export “${article.title}”`);
  const one = () => [article];
  actions.append(
    button('JSON', () => download(`${fileStem(article)}.json`, toJson(one()), 'application/json'), { 'aria-label': 'Export the annotation as JSON' }),
    button('Web Annotation', () => download(`${fileStem(article)}.jsonld`, toWebAnnotation(one()), 'application/ld+json'), {
      'aria-label': 'Export as W3C Web Annotation JSON-LD',
    }),
    button('CSV', () => download(`${fileStem(article)}-claims.csv`, toCsv(one()), 'text/csv'), { 'aria-label': 'Export the claims as CSV' }),
    button('Link', () => shareLink(article), { 'aria-label': 'Put a link to this text in the address bar' }),
    button('Remove', () => removeArticle(article), { 'aria-label': `Remove “${article.title}”`, class: 'remove' }),
  );
  head.append(h, meta, actions);
  body.lang = result.language || '';
  body.setAttribute('aria-label', `Text of “${article.title}”`);
  body.setAttribute('role', 'region');
  card.append(head, body);
  return card;
}

let ownHash = null;
function shareLink(article) {
  if (article.text.length > MAX_LINK_CHARS) {
    showMessage(`This text is too long for a link (${formatSize(article.text.length)}; at most ${formatSize(MAX_LINK_CHARS)}).`, 'info');
    return;
  }
  ownHash = makeFragment(article.text, article.result.language);
  location.hash = ownHash;
  showMessage('The link to this text is in the address bar. The text stays in the link: it is never sent to a server.', 'info');
}

function removeArticle(article) {
  const i = articles.indexOf(article);
  if (i >= 0) articles.splice(i, 1);
  article.card.remove();
  refreshPanel();
}

function refreshPanel() {
  renderPanel(panelEl, articles, jump);
  document.body.classList.toggle('has-articles', articles.length > 0);
  $('#export-all').hidden = articles.length < 2;
}

function jump(article, selector) {
  const target = article.card.querySelector(selector);
  if (!target) return;
  target.scrollIntoView({ block: 'center', behavior: 'smooth' });
  target.focus({ preventScroll: true });
  target.classList.remove('flash');
  void target.offsetWidth;
  target.classList.add('flash');
}

// Input ---------------------------------------------------------------------

$('#annotate').addEventListener('click', () => {
  const text = textarea.value;
  if (!text.trim()) {
    showMessage('Paste or type an article first.', 'info');
    textarea.focus();
    return;
  }
  enqueue({ text, lang: langSelect.value, id: `pasted-${nextKey}` });
});

textarea.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    $('#annotate').click();
  }
});

textarea.addEventListener('paste', (e) => {
  const text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
  if (text.length > MAX_CHARS) {
    e.preventDefault();
    showMessage(`The pasted text is too long (${formatSize(text.length)}); the limit is ${formatSize(MAX_CHARS)}. Split it into several articles.`);
  } else if (text.length > DIRECT_PASTE) {
    // A long paste goes straight to its card, keeping the text box light.
    e.preventDefault();
    enqueue({ text, lang: langSelect.value, id: `pasted-${nextKey}` });
  }
});

async function openFiles(files) {
  for (const file of files) {
    try {
      const { title, text } = await readArticleFile(file);
      enqueue({ text, title, lang: langSelect.value, id: file.name });
    } catch (e) {
      showMessage(e instanceof Refusal ? e.message : `“${file.name}” could not be read: ${e.message}`);
    }
  }
}

$('#file-input').addEventListener('change', (e) => {
  openFiles([...e.target.files]);
  e.target.value = '';
});

document.addEventListener('dragover', (e) => {
  e.preventDefault();
  document.body.classList.add('dragging');
});
document.addEventListener('dragleave', (e) => {
  if (!e.relatedTarget) document.body.classList.remove('dragging');
});
document.addEventListener('drop', (e) => {
  e.preventDefault();
  document.body.classList.remove('dragging');
  const dt = e.dataTransfer;
  if (dt && dt.files && dt.files.length) openFiles([...dt.files]);
  else if (dt) {
    const text = dt.getData('text/plain');
    if (text) enqueue({ text, lang: langSelect.value, id: `dropped-${nextKey}` });
  }
});

$('#samples').addEventListener('click', () => {
  for (const seed of ASSETS.seeds) enqueue({ text: seed.text, lang: '', id: seed.name, title: titleOf(seed.text) });
});

$('#clear').addEventListener('click', () => {
  for (const a of [...articles]) removeArticle(a);
});

cancelButton.addEventListener('click', () => engine.restart());

$('#export-all').addEventListener('click', (e) => {
  const kind = e.target.closest('button')?.dataset.export;
  if (kind === 'json') download('articles.json', toJson(articles), 'application/json');
  if (kind === 'jsonld') download('articles.jsonld', toWebAnnotation(articles), 'application/ld+json');
  if (kind === 'csv') download('claims.csv', toCsv(articles), 'text/csv');
});

// The address: #text=…&lang=… -------------------------------------------------

function openFragment() {
  if (location.hash === ownHash) return;
  const frag = readFragment(location.hash);
  if (!frag) return;
  if (frag.error) {
    showMessage(frag.error);
    return;
  }
  if (frag.lang) langSelect.value = frag.lang;
  enqueue({ text: frag.text, lang: frag.lang, id: 'link', title: titleOf(frag.text) });
}
window.addEventListener('hashchange', openFragment);
openFragment();

// Reading: highlight, tooltip -------------------------------------------------

let lit = [];
let described = null;

function clearLight() {
  for (const el of lit) el.classList.remove('lit', 'lit-cue', 'lit-speaker');
  lit = [];
  if (described) described.removeAttribute('aria-describedby');
  described = null;
  tooltip.hidden = true;
}

function light(elements, cls) {
  for (const el of elements) {
    el.classList.add(cls);
    lit.push(el);
  }
}

function articleOf(node) {
  const card = node.closest('.card');
  return card && articles.find((a) => a.card === card);
}

function tooltipLines(target, article) {
  const { model } = article;
  if (target.dataset.eid !== undefined) {
    const e = model.entities.get(Number(target.dataset.eid));
    const lines = [[TYPE_NAMES[e.type] ? `${e.type}` : e.type, e.text]];
    const cluster = e.cluster !== null && e.cluster !== undefined ? model.clusters.get(e.cluster) : null;
    if (cluster) lines.push(['refers to', `${cluster.name} (${cluster.mentions.length} mention${cluster.mentions.length > 1 ? 's' : ''})`]);
    if (e.why) lines.push(['why', e.why]);
    return lines;
  }
  const c = model.claims.get(Number(target.dataset.claimId));
  const lines = [[`${c.kind} claim`, model.speakers.get(c.id) || 'speaker unknown']];
  if (c.speaker && c.speaker.text !== model.speakers.get(c.id)) lines.push(['speaker mention', c.speaker.text]);
  if (c.cue) lines.push(['cue', c.cue.text]);
  if (c.why) lines.push(['why', c.why]);
  return lines;
}

function showTooltip(target, article) {
  const lines = tooltipLines(target, article);
  const rows = lines.map(([k, v]) => {
    const row = document.createElement('div');
    const key = document.createElement('span');
    key.className = 'tip-key';
    key.textContent = k;
    const value = document.createElement('span');
    value.textContent = v;
    row.append(key, ' ', value);
    return row;
  });
  tooltip.replaceChildren(...rows);
  tooltip.hidden = false;
  const r = target.getBoundingClientRect();
  const tw = tooltip.offsetWidth;
  const th = tooltip.offsetHeight;
  let top = r.bottom + 8;
  if (top + th > innerHeight - 4) top = Math.max(4, r.top - th - 8);
  tooltip.style.top = `${top}px`;
  tooltip.style.left = `${Math.max(4, Math.min(innerWidth - tw - 4, r.left))}px`;
}

function focusTarget(node) {
  // The innermost entity or claim; a cue or a speaker mention stands for its claim.
  const t = node.closest('[data-eid], [data-claim-id], [data-cue-of], [data-speaker-of]');
  if (!t || !t.closest('.article-text')) return null;
  if (t.dataset.eid !== undefined || t.dataset.claimId !== undefined) return t;
  const ids = (t.dataset.cueOf || t.dataset.speakerOf).split(' ');
  return t.closest('.card').querySelector(`[data-claim-id="${ids[0]}"][data-part="first"]`);
}

function activate(node) {
  const target = focusTarget(node);
  if (!target) return;
  const article = articleOf(target);
  if (!article) return;
  clearLight();
  const card = article.card;
  if (target.dataset.eid !== undefined) {
    light(
      target.dataset.cluster !== undefined
        ? card.querySelectorAll(`[data-cluster="${target.dataset.cluster}"]`)
        : card.querySelectorAll(`[data-eid="${target.dataset.eid}"]`),
      'lit',
    );
  } else {
    const id = target.dataset.claimId;
    light(card.querySelectorAll(`[data-claim-id="${id}"]`), 'lit');
    light(card.querySelectorAll(`[data-cue-of~="${id}"]`), 'lit-cue');
    light(card.querySelectorAll(`[data-speaker-of~="${id}"]`), 'lit-speaker');
  }
  showTooltip(target, article);
  if (document.activeElement === target) {
    target.setAttribute('aria-describedby', 'tooltip');
    described = target;
  }
}

articlesEl.addEventListener('mouseover', (e) => activate(e.target));
articlesEl.addEventListener('mouseleave', () => {
  if (!articlesEl.contains(document.activeElement)) clearLight();
});
articlesEl.addEventListener('focusin', (e) => activate(e.target));
articlesEl.addEventListener('focusout', (e) => {
  if (!e.relatedTarget || !articlesEl.contains(e.relatedTarget)) clearLight();
});
// Scrolling moves the tooltip with a focused mark, and hides it otherwise.
window.addEventListener(
  'scroll',
  () => {
    if (tooltip.hidden) return;
    const focused = articlesEl.contains(document.activeElement) && focusTarget(document.activeElement);
    if (focused) showTooltip(focused, articleOf(focused));
    else tooltip.hidden = true;
  },
  { passive: true },
);

// Copying gives the text itself: labels and chips are CSS, never text, and paragraphs keep
// their own line breaks.
document.addEventListener('copy', (e) => {
  const sel = getSelection();
  if (!sel || sel.isCollapsed || !sel.rangeCount) return;
  const range = sel.getRangeAt(0);
  const container = range.commonAncestorContainer;
  const within = (container.nodeType === 1 ? container : container.parentElement)?.closest('.article-text');
  if (!within || !e.clipboardData) return;
  e.clipboardData.setData('text/plain', range.cloneContents().textContent);
  e.preventDefault();
});

// Keyboard ------------------------------------------------------------------

const CLAIMS = '#articles [data-claim][data-part="first"]';
const ENTITIES = '#articles [data-entity][data-part="first"]';

function step(selector, dir) {
  const all = [...document.querySelectorAll(selector)];
  if (!all.length) return;
  const here = document.activeElement;
  let i;
  const current = here && here.closest(selector.includes('claim') ? '[data-claim]' : '[data-entity]');
  if (current) {
    const first = current.dataset.part === 'first' ? current : null;
    i = first ? all.indexOf(first) : -1;
  }
  if (i === undefined || i < 0) {
    // From wherever focus is, the next one after it in the document.
    const after = all.findIndex((el) => here && here !== document.body && here.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
    i = dir > 0 ? (after < 0 ? all.length : after) - 1 : after < 0 ? all.length : after;
  }
  const next = all[(i + dir + all.length) % all.length];
  next.focus({ preventScroll: true });
  next.scrollIntoView({ block: 'nearest' });
}

document.addEventListener('keydown', (e) => {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
  const t = e.target;
  if (t.closest && t.closest('textarea, input, select, [contenteditable="true"]')) {
    if (e.key === 'Escape') t.blur();
    return;
  }
  const keys = {
    j: () => step(CLAIMS, 1),
    k: () => step(CLAIMS, -1),
    ']': () => step(ENTITIES, 1),
    '[': () => step(ENTITIES, -1),
    '/': () => textarea.focus(),
    Escape: () => {
      clearLight();
      if (articlesEl.contains(document.activeElement)) document.activeElement.blur();
    },
    '?': () => {
      const help = $('#keys');
      help.open = !help.open;
      if (help.open) help.querySelector('summary').focus();
    },
  };
  if (keys[e.key]) {
    e.preventDefault();
    keys[e.key]();
  }
});

// For tests and other tools: read-only access and a few hooks.
window.annotatorPage = {
  ready: engine.ready,
  engine,
  version: () => engine.info && engine.info.version,
  articles: () => articles.map(({ title, text, result, timing }) => ({ title, text, result, timing })),
  busy: () => pending > 0,
  annotate: (text, options = {}) => enqueue({ text, lang: options.lang || '', id: options.id, title: options.title }).then((a) => a && a.timing),
  crashNext: () => {
    crashNext = true;
  },
  clear: () => $('#clear').click(),
  limit: MAX_CHARS,
};
