// Getting articles in: pasted text, files (.txt, .md, .html), with the size limit and the
// refusals a person can read. HTML is parsed with DOMParser, which runs no script and
// loads nothing, and reduced to its article text.

/** The largest article accepted, in characters (UTF-16 units): about 8 MB of text. */
export const MAX_CHARS = 8 * 1024 * 1024;
/** The largest file read, in bytes (UTF-8 text is never shorter in characters than in bytes/4). */
export const MAX_FILE_BYTES = 4 * MAX_CHARS;

/** An error whose message is meant for the person using the page. */
export class Refusal extends Error {
  constructor(message) {
    super(message);
    this.name = 'Refusal';
  }
}

export function formatSize(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Throws a Refusal when `text` cannot be annotated (too big or empty). */
export function checkText(text, what = 'The text') {
  if (text.length > MAX_CHARS) {
    throw new Refusal(
      `${what} is too long: ${formatSize(text.length)} of text; the limit is ${formatSize(MAX_CHARS)}. ` +
        'Split it into several articles.',
    );
  }
  if (!text.trim()) throw new Refusal(`${what} is empty.`);
}

const TEXT_EXT = /\.(txt|text|md|markdown)$/i;
const HTML_EXT = /\.(html?|xhtml)$/i;

// True when the bytes look like a binary file rather than text: a NUL byte, or many
// control characters, in the first 64 KB.
function looksBinary(bytes) {
  const n = Math.min(bytes.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return n > 0 && control / n > 0.02;
}

/** Reads one dropped or opened file: `{title, text}`, or throws a Refusal. */
export async function readArticleFile(file) {
  const name = file.name || 'file';
  if (file.size > MAX_FILE_BYTES) {
    throw new Refusal(`“${name}” is too big (${formatSize(file.size)}); the limit is ${formatSize(MAX_CHARS)} of text.`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (looksBinary(bytes)) {
    throw new Refusal(`“${name}” is not a text file (it looks binary): only .txt, .md and .html files can be read.`);
  }
  const decoded = new TextDecoder('utf-8').decode(bytes);
  const bad = (decoded.match(/\uFFFD/g) || []).length;
  if (bad > 16 && bad / decoded.length > 0.01) {
    throw new Refusal(`“${name}” is not UTF-8 text: only .txt, .md and .html files in UTF-8 can be read.`);
  }
  const isHtml = HTML_EXT.test(name) || (!TEXT_EXT.test(name) && /^\s*<(!doctype html|html|head|body|article)\b/i.test(decoded));
  if (isHtml) {
    const { title, text } = htmlToText(decoded);
    checkText(text, `The article text of “${name}”`);
    return { title: title || name, text };
  }
  checkText(decoded, `“${name}”`);
  return { title: name, text: decoded };
}

// Elements that are never article text.
const DROP =
  'script,style,noscript,template,nav,aside,form,footer,iframe,object,embed,svg,math,canvas,' +
  'button,input,select,textarea,dialog,menu,[role=navigation],[role=banner],[role=contentinfo],' +
  '[role=complementary],[role=search],[aria-hidden=true],[hidden]';
// Class or id words of boilerplate blocks.
const BOILERPLATE =
  /(^|[\s_-])(nav|navbar|menu|breadcrumbs?|share|sharing|social|newsletter|subscribe|related|promo|advert|ads?|cookies?|comments?|sidebar|footer|masthead|paywall)([\s_-]|$)/i;
const BLOCK = new Set(
  ('P DIV H1 H2 H3 H4 H5 H6 LI UL OL DL DT DD BLOCKQUOTE PRE SECTION ARTICLE MAIN HEADER TABLE ' +
    'THEAD TBODY TR TD TH FIGURE FIGCAPTION ADDRESS HR CAPTION DETAILS SUMMARY').split(' '),
);

/** The article text of an HTML document: `{title, text}`, paragraphs separated by blank lines. */
export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const root = doc.querySelector('article') || doc.querySelector('main, [role=main]') || doc.body;
  if (!root) return { title: '', text: '' };
  const h1 = doc.querySelector('h1');
  const title = ((h1 && h1.textContent) || doc.title || '').replace(/\s+/g, ' ').trim();
  for (const el of root.querySelectorAll(DROP)) el.remove();
  // A page header outside the article is boilerplate; the article's own header keeps its title.
  for (const el of root.querySelectorAll('header')) if (!el.closest('article')) el.remove();
  for (const el of root.querySelectorAll('[class], [id]')) {
    const cls = typeof el.className === 'string' ? el.className : '';
    if (el.isConnected && BOILERPLATE.test(`${cls} ${el.id}`)) el.remove();
  }
  const paragraphs = [];
  let current = '';
  const flush = () => {
    const p = current.replace(/[ \t\r\n\f]+/g, ' ').trim();
    if (p) paragraphs.push(p);
    current = '';
  };
  const walk = (node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) current += child.data;
      else if (child.nodeType === 1) {
        if (child.tagName === 'BR') {
          flush();
        } else if (BLOCK.has(child.tagName)) {
          flush();
          walk(child);
          flush();
        } else walk(child);
      }
    }
  };
  walk(root);
  flush();
  // A headline outside the article element (in the page header) still opens the text.
  if (h1 && !root.contains(h1) && title && paragraphs[0] !== title) paragraphs.unshift(title);
  return { title, text: paragraphs.join('\n\n') };
}

/** The text and language given in the address fragment `#text=…&lang=…`, or null. */
export function readFragment(hash) {
  const params = {};
  for (const part of hash.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    try {
      params[part.slice(0, eq)] = decodeURIComponent(part.slice(eq + 1));
    } catch {
      return { error: 'The text in the address is not correctly encoded (bad %-escape).' };
    }
  }
  if (typeof params.text !== 'string') return null;
  return { text: params.text, lang: params.lang === 'fr' || params.lang === 'en' ? params.lang : '' };
}

/** The fragment that reopens `text` in `lang`. */
export function makeFragment(text, lang) {
  return `#text=${encodeURIComponent(text)}${lang ? `&lang=${lang}` : ''}`;
}
