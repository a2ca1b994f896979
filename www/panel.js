// The side panel: the legend (which is also the filter), "who said what", the index of
// entities by type, and, with several articles, the speakers they share side by side.

import { ENTITY_TYPES, TYPE_LABELS, TYPE_NAMES } from './render.js';

/** Case- and accent-insensitive form of a name, for matching across articles. */
export function foldName(s) {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .trim();
}

const hidden = new Set(); // the filtered-out types, and 'claims'

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k === 'class') node.className = v;
    else if (k.startsWith('aria-') || k === 'role') node.setAttribute(k, v);
    else node[k] = v;
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

function truncate(s, n = 110) {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
}

/** Applies the filter state to the page (classes on <body>, read by the stylesheet). */
export function applyFilters() {
  for (const t of [...ENTITY_TYPES, 'claims']) document.body.classList.toggle(`hide-${t}`, hidden.has(t));
}

function legend(articles) {
  const counts = Object.fromEntries([...ENTITY_TYPES, 'claims'].map((t) => [t, 0]));
  for (const a of articles) {
    for (const e of a.result.entities) if (e.type in counts) counts[e.type]++;
    counts.claims += a.result.claims.length;
  }
  const list = el('ul', { class: 'legend' });
  for (const t of [...ENTITY_TYPES, 'claims']) {
    const button = el(
      'button',
      { type: 'button', class: 'legend-item', dataset: { filter: t }, 'aria-pressed': String(!hidden.has(t)) },
      t === 'claims'
        ? el('span', { class: 'swatch swatch-claim', 'aria-hidden': 'true' })
        : el('mark', { class: 'swatch', dataset: { entity: t, label: TYPE_LABELS[t] }, 'aria-hidden': 'true' }, 'Aa'),
      el('span', { class: 'legend-name' }, t === 'claims' ? 'Claims' : TYPE_NAMES[t]),
      el('span', { class: 'count' }, String(counts[t])),
    );
    button.title = `Show or hide ${t === 'claims' ? 'claims' : TYPE_NAMES[t].toLowerCase()}`;
    button.addEventListener('click', () => {
      if (hidden.has(t)) hidden.delete(t);
      else hidden.add(t);
      button.setAttribute('aria-pressed', String(!hidden.has(t)));
      applyFilters();
    });
    list.append(el('li', {}, button));
  }
  return el('section', { class: 'panel-section', 'aria-labelledby': 'legend-h' }, el('h2', { id: 'legend-h' }, 'Legend and filter'), list);
}

// A speaker's key in one article: its cluster, else its words, else "unattributed".
function speakerGroups(article) {
  const groups = new Map();
  for (const c of article.result.claims) {
    const name = article.model.speakers.get(c.id);
    const sp = c.speaker;
    const key = sp && sp.cluster !== null && sp.cluster !== undefined ? `c${sp.cluster}` : name ? `t${foldName(name)}` : 'none';
    if (!groups.has(key)) groups.set(key, { key, name: name || 'Unattributed', cluster: sp ? sp.cluster : null, claims: [] });
    groups.get(key).claims.push(c);
  }
  return [...groups.values()].sort((a, b) => (a.key === 'none') - (b.key === 'none') || b.claims.length - a.claims.length);
}

function claimButton(article, claim, jump) {
  return el(
    'button',
    {
      type: 'button',
      class: 'claim-link',
      dataset: { kind: claim.kind },
      onclick: () => jump(article, `[data-claim-id="${claim.id}"][data-part="first"]`),
    },
    el('span', { class: 'kind' }, claim.kind === 'direct' ? 'direct' : 'indirect'),
    ' ',
    truncate(claim.text),
  );
}

function whoSaidWhat(articles, jump) {
  const section = el('section', { class: 'panel-section', 'aria-labelledby': 'who-h' }, el('h2', { id: 'who-h' }, 'Who said what'));
  for (const article of articles) {
    if (articles.length > 1) section.append(el('h3', {}, article.title));
    const groups = speakerGroups(article);
    if (!groups.length) section.append(el('p', { class: 'empty' }, 'No claims found.'));
    for (const g of groups.slice(0, 200)) {
      const list = el('ul', { class: 'claims' });
      for (const c of g.claims.slice(0, 50)) list.append(el('li', {}, claimButton(article, c, jump)));
      section.append(
        el(
          'div',
          { class: 'speaker', dataset: { speakerName: g.name } },
          el('h4', {}, g.name, ' ', el('span', { class: 'count', 'aria-label': `${g.claims.length} claims` }, String(g.claims.length))),
          list,
        ),
      );
    }
  }
  return section;
}

function entityIndex(articles, jump) {
  const section = el('section', { class: 'panel-section', 'aria-labelledby': 'index-h' }, el('h2', { id: 'index-h' }, 'Entities'));
  for (const article of articles) {
    if (articles.length > 1) section.append(el('h3', {}, article.title));
    const { result } = article;
    for (const type of ENTITY_TYPES) {
      const mentions = result.entities.filter((e) => e.type === type);
      if (!mentions.length) continue;
      // Referents with their mentions: clusters, and unclustered entities by their words.
      const refs = new Map();
      for (const e of mentions) {
        const cluster = e.cluster !== null && e.cluster !== undefined ? article.model.clusters.get(e.cluster) : null;
        const key = cluster ? `c${cluster.id}` : `t${foldName(e.text)}`;
        if (!refs.has(key)) refs.set(key, { name: cluster ? cluster.name : e.text, ids: [] });
        refs.get(key).ids.push(e.id);
      }
      const sorted = [...refs.values()].sort((a, b) => b.ids.length - a.ids.length || a.name.localeCompare(b.name));
      const list = el('ul', { class: 'refs' });
      for (const r of sorted.slice(0, 60)) {
        let turn = 0;
        list.append(
          el(
            'li',
            {},
            el(
              'button',
              {
                type: 'button',
                class: 'ref-link',
                title: 'Go to the next mention',
                onclick: () => jump(article, `[data-eid="${r.ids[turn++ % r.ids.length]}"][data-part="first"]`),
              },
              r.name,
            ),
            ' ',
            el('span', { class: 'count', 'aria-label': `${r.ids.length} mentions` }, `×${r.ids.length}`),
          ),
        );
      }
      if (sorted.length > 60) list.append(el('li', { class: 'more' }, `and ${sorted.length - 60} more`));
      section.append(
        el(
          'div',
          { class: 'type-group', dataset: { type } },
          el('h4', {}, el('mark', { class: 'swatch', dataset: { entity: type, label: TYPE_LABELS[type] }, 'aria-hidden': 'true' }, 'Aa'), ` ${TYPE_NAMES[type]} `, el('span', { class: 'count' }, String(mentions.length))),
          list,
        ),
      );
    }
  }
  return section;
}

/**
 * Speakers found in more than one article, matched by cluster name and aliases compared
 * case- and accent-insensitively: `[{name, byArticle: [[article, claims]]}]`.
 */
export function sharedSpeakers(articles) {
  const nodes = []; // one per (article, resolved speaker)
  articles.forEach((article, ai) => {
    for (const g of speakerGroups(article)) {
      if (g.cluster === null || g.cluster === undefined) continue;
      const cluster = article.model.clusters.get(g.cluster);
      if (!cluster) continue;
      const keys = new Set([cluster.name, ...(cluster.aliases || [])].map(foldName).filter((k) => k.length > 1));
      nodes.push({ ai, article, name: cluster.name, keys, claims: g.claims });
    }
  });
  const parent = nodes.map((_, i) => i);
  const find = (i) => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const owner = new Map();
  nodes.forEach((n, i) => {
    for (const k of n.keys) {
      if (!owner.has(k)) owner.set(k, i);
      else parent[find(i)] = find(owner.get(k));
    }
  });
  const groups = new Map();
  nodes.forEach((n, i) => {
    const root = find(i);
    if (!groups.has(root)) groups.set(root, []);
    groups.get(root).push(n);
  });
  const out = [];
  for (const members of groups.values()) {
    if (new Set(members.map((m) => m.ai)).size < 2) continue;
    const name = members.map((m) => m.name).sort((a, b) => b.length - a.length)[0];
    const byArticle = articles
      .map((article, ai) => [article, members.filter((m) => m.ai === ai).flatMap((m) => m.claims)])
      .filter(([, claims]) => claims.length);
    out.push({ name, byArticle });
  }
  return out.sort((a, b) => b.byArticle.length - a.byArticle.length || a.name.localeCompare(b.name));
}

function acrossArticles(articles, jump) {
  const section = el('section', { class: 'panel-section compare', 'aria-labelledby': 'across-h' }, el('h2', { id: 'across-h' }, 'Across articles'));
  const shared = sharedSpeakers(articles);
  if (!shared.length) section.append(el('p', { class: 'empty' }, 'No speaker is quoted in more than one article.'));
  for (const s of shared) {
    const columns = el('div', { class: 'columns' });
    for (const [article, claims] of s.byArticle) {
      const list = el('ul', { class: 'claims' });
      for (const c of claims.slice(0, 30)) list.append(el('li', {}, claimButton(article, c, jump)));
      columns.append(el('div', { class: 'column' }, el('h4', {}, article.title), list));
    }
    section.append(el('div', { class: 'shared-speaker', dataset: { speakerName: s.name } }, el('h3', {}, s.name), columns));
  }
  return section;
}

/** Rebuilds the panel for `articles`; `jump(article, selector)` moves to a mark. */
export function renderPanel(panel, articles, jump) {
  const parts = [legend(articles)];
  if (articles.length) {
    parts.push(whoSaidWhat(articles, jump));
    if (articles.length > 1) parts.push(acrossArticles(articles, jump));
    parts.push(entityIndex(articles, jump));
  } else {
    parts.push(el('p', { class: 'empty' }, 'Annotate an article to see who said what.'));
  }
  panel.replaceChildren(...parts);
  applyFilters();
}
