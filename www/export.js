// Out: the annotation as JSON (SCHEMA.md), as W3C Web Annotation JSON-LD, and the claims as
// CSV. Each takes the loaded articles: `{title, text, result}`, `result` as the core returned it.

import { makeOffsets } from './offsets.js';

/** The name a claim's speaker resolves to: its cluster's name, else the mention, else "". */
export function speakerName(result, claim) {
  const sp = claim.speaker;
  if (!sp) return '';
  if (sp.cluster !== null && sp.cluster !== undefined) {
    const cluster = result.clusters.find((c) => c.id === sp.cluster);
    if (cluster) return cluster.name;
  }
  return sp.text || '';
}

/** The articles' annotations: one document as SCHEMA.md has it, several as an array. */
export function toJson(articles) {
  const docs = articles.map((a) => a.result);
  return JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2) + '\n';
}

function articleIri(article, index) {
  const id = article.result.id ?? article.id ?? index + 1;
  return `urn:x-article:${encodeURIComponent(String(id))}`;
}

// A Web Annotation target on [start, end) code points of the article.
function target(source, text, offsets, start, end) {
  const s = offsets.toUtf16(start);
  const e = offsets.toUtf16(end);
  const from = offsets.toUtf16(Math.max(0, start - 32));
  const to = offsets.toUtf16(end + 32);
  return {
    source,
    selector: [
      { type: 'TextQuoteSelector', exact: text.slice(s, e), prefix: text.slice(from, s), suffix: text.slice(e, to) },
      { type: 'TextPositionSelector', start, end },
    ],
  };
}

/** W3C Web Annotation JSON-LD: an AnnotationCollection of entities and claims. */
export function toWebAnnotation(articles) {
  const items = [];
  articles.forEach((article, i) => {
    const { text, result } = article;
    const offsets = makeOffsets(text);
    const source = articleIri(article, i);
    const clusters = new Map(result.clusters.map((c) => [c.id, c]));
    for (const e of result.entities) {
      const body = [{ type: 'TextualBody', purpose: 'tagging', value: e.type }];
      const cluster = clusters.get(e.cluster);
      if (cluster) body.push({ type: 'TextualBody', purpose: 'identifying', value: cluster.name });
      if (e.why) body.push({ type: 'TextualBody', purpose: 'commenting', value: `why: ${e.why}` });
      items.push({
        id: `${source}#entity-${e.id}`,
        type: 'Annotation',
        motivation: 'identifying',
        body,
        target: target(source, text, offsets, e.start, e.end),
      });
    }
    for (const c of result.claims) {
      const body = [{ type: 'TextualBody', purpose: 'classifying', value: `${c.kind} claim` }];
      const name = speakerName(result, c);
      if (name) body.push({ type: 'TextualBody', purpose: 'describing', value: `speaker: ${name}` });
      if (c.cue) body.push({ type: 'TextualBody', purpose: 'describing', value: `cue: ${c.cue.text}` });
      if (c.why) body.push({ type: 'TextualBody', purpose: 'commenting', value: `why: ${c.why}` });
      items.push({
        id: `${source}#claim-${c.id}`,
        type: 'Annotation',
        motivation: 'classifying',
        body,
        target: target(source, text, offsets, c.start, c.end),
      });
    }
  });
  return (
    JSON.stringify(
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'AnnotationCollection',
        label: 'Entities and claims',
        total: items.length,
        first: { type: 'AnnotationPage', startIndex: 0, items },
      },
      null,
      2,
    ) + '\n'
  );
}

function csvCell(value) {
  const s = String(value ?? '');
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The claims as CSV: article, speaker, kind, cue, content (RFC 4180, CRLF line ends). */
export function toCsv(articles) {
  const rows = [['article', 'speaker', 'kind', 'cue', 'content']];
  for (const { title, result } of articles) {
    for (const c of result.claims) {
      rows.push([result.id ?? title, speakerName(result, c), c.kind, c.cue ? c.cue.text : '', c.text]);
    }
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Offers `content` as a file to save (a Blob URL: nothing leaves the machine). */
export function download(filename, content, type) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
