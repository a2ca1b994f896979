// The page in headless Chromium: the single file from file:// and www/ over http.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, serveWww, waitForCards, screenshot, seedText, SINGLE_URL, ROOT } from './helpers.mjs';

let chromium;
let server;
before(async () => {
  chromium = await launch();
  server = await serveWww();
});
after(async () => {
  await chromium.close();
  await server.close();
});

const overHttp = () => ({ allowed: (u) => u.startsWith(server.url) || u.startsWith('data:') || u.startsWith('blob:') });

// Facts about the drawn articles, and every mark checked against the annotation it draws.
async function facts(page) {
  return page.evaluate(() => {
    const articles = window.annotatorPage.articles();
    const cards = [...document.querySelectorAll('#articles .card')];
    const mismatches = [];
    cards.forEach((card, i) => {
      const { result } = articles[i];
      const byEid = new Map();
      for (const el of card.querySelectorAll('[data-eid]')) byEid.set(el.dataset.eid, (byEid.get(el.dataset.eid) || '') + el.textContent);
      for (const e of result.entities) if (byEid.get(String(e.id)) !== e.text) mismatches.push([e.text, byEid.get(String(e.id))]);
      const byClaim = new Map();
      for (const el of card.querySelectorAll('[data-claim-id]')) byClaim.set(el.dataset.claimId, (byClaim.get(el.dataset.claimId) || '') + el.textContent);
      for (const c of result.claims) if (byClaim.get(String(c.id)) !== c.text) mismatches.push([c.text, byClaim.get(String(c.id))]);
      if (card.querySelector('.article-text').textContent !== articles[i].text) mismatches.push(['article text', i]);
    });
    const claims = [...document.querySelectorAll('#articles [data-claim]')];
    return {
      cards: cards.length,
      persons: document.querySelectorAll('#articles [data-entity="person"]').length,
      entitiesWithoutType: [...document.querySelectorAll('#articles mark')].filter((m) => !m.dataset.entity).length,
      claims: claims.length,
      claimsWithoutSpeakerAttr: claims.filter((c) => !c.hasAttribute('data-speaker')).length,
      chips: claims.filter((c) => c.dataset.chip && c.dataset.speaker).map((c) => c.dataset.speaker),
      chipText: claims[0] ? getComputedStyle(claims.find((c) => c.dataset.chip), '::before').content : '',
      labelText: getComputedStyle(document.querySelector('#articles [data-entity]'), '::after').content,
      panelSpeakers: [...document.querySelectorAll('#panel .speaker h4')].map((h) => h.textContent),
      panelTypes: [...document.querySelectorAll('#panel .type-group')].map((g) => g.dataset.type),
      messages: [...document.querySelectorAll('#messages .error')].map((m) => m.textContent),
      mismatches,
      violations: window.__violations,
    };
  });
}

function assertSeedAnnotated(f, cards) {
  assert.equal(f.cards, cards);
  assert.ok(f.persons > 0, 'person marks');
  assert.equal(f.entitiesWithoutType, 0);
  assert.ok(f.claims > 0, 'claims');
  assert.equal(f.claimsWithoutSpeakerAttr, 0, 'every claim element has data-speaker');
  assert.ok(f.chips.length > 0, 'a claim with a speaker chip');
  assert.match(f.chipText, /\w/, 'the chip shows a name');
  assert.match(f.labelText, /"(person|org|place|date|qty)"/, 'entities carry a visible type label');
  assert.ok(f.panelSpeakers.length > 0, 'who said what lists speakers');
  assert.ok(f.panelTypes.includes('person'), 'the index lists people');
  assert.deepEqual(f.mismatches, [], 'every mark covers exactly its text');
  assert.deepEqual(f.messages, []);
  assert.deepEqual(f.violations, []);
}

test('the single file, opened from file://, annotates the two seeds with no network', async () => {
  const { page, guard } = await openPage(chromium.browser, SINGLE_URL);
  await page.click('#samples');
  await waitForCards(page, 2);
  assertSeedAnnotated(await facts(page), 2);
  // Two seeds: the "across articles" section is there.
  assert.ok(await page.locator('#panel .compare').count());
  await screenshot(page, 'single-file-seeds-full', { fullPage: true });
  // The README's screenshot: a claim lit up, its cue and speaker with it.
  const id = await page.evaluate(() => {
    const card = document.querySelector('#articles .card');
    for (const claim of card.querySelectorAll('[data-claim][data-part="first"]')) {
      const id = claim.dataset.claimId;
      const spk = card.querySelector(`[data-speaker-of~="${id}"]`);
      if (spk && (spk.querySelector('[data-entity="person"]') || spk.closest('[data-entity="person"]'))) return id;
    }
    return card.querySelector('[data-claim][data-part="first"]').dataset.claimId;
  });
  const claim = page.locator(`#articles .card:first-child [data-claim-id="${id}"][data-part="first"]`);
  await claim.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + scrollY - 330));
  await claim.hover({ position: { x: 8, y: 8 } });
  const shot = await screenshot(page, 'seeds-annotated');
  // The README's copy changes only on request (`make screenshot`), so a test run leaves the tree clean.
  if (process.env.UPDATE_SCREENSHOT) copyFileSync(shot, join(ROOT, 'docs', 'screenshot.png'));
  assert.deepEqual(guard.blocked, [], 'no request beyond the file');
  assert.deepEqual(guard.requests, [SINGLE_URL]);
  assert.deepEqual(guard.errors, []);
  await page.close();
});

test('dark mode follows prefers-color-scheme, and print keeps the highlights', async () => {
  const { page } = await openPage(chromium.browser, SINGLE_URL, { colorScheme: 'dark' });
  await page.click('#samples');
  await waitForCards(page, 2);
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  assert.equal(bg, 'rgb(20, 21, 24)');
  await screenshot(page, 'seeds-dark');
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  const print = await page.evaluate(() => ({
    panel: getComputedStyle(document.querySelector('#panel')).display,
    mark: getComputedStyle(document.querySelector('#articles [data-entity]')).backgroundColor,
    adjust: getComputedStyle(document.querySelector('#articles [data-entity]')).printColorAdjust,
  }));
  assert.equal(print.panel, 'none');
  assert.notEqual(print.mark, 'rgba(0, 0, 0, 0)');
  assert.equal(print.adjust, 'exact');
  await screenshot(page, 'seeds-print');
  await page.close();
});

test('www/ over http annotates a seed, loading nothing but its own files', async () => {
  const { page, guard } = await openPage(chromium.browser, server.url, overHttp());
  await page.fill('#input-text', seedText(1));
  await page.click('#annotate');
  await waitForCards(page, 1);
  assertSeedAnnotated(await facts(page), 1);
  await screenshot(page, 'http-seed');
  assert.deepEqual(guard.blocked, []);
  const files = guard.requests.map((u) => u.slice(server.url.length)).sort();
  assert.deepEqual(files, ['', 'engine.js', 'export.js', 'gen/assets.js', 'input.js', 'main.js', 'offsets.js', 'panel.js', 'render.js', 'style.css']);
  await page.close();
});

test('an emoji before an entity does not shift its highlight', async () => {
  const { page } = await openPage(chromium.browser, SINGLE_URL);
  const text = '😀👍🏽🇫🇷 Emmanuel Macron a déclaré mardi à Paris que la France tiendra bon. 👩‍👩‍👧‍👦 « Nous ne céderons pas », a affirmé Élisabeth Borne à Lyon.';
  await page.fill('#input-text', text);
  await page.click('#annotate');
  await waitForCards(page, 1);
  const f = await facts(page);
  assert.deepEqual(f.mismatches, []);
  const marks = await page.$$eval('#articles [data-entity]', (els) => els.map((e) => e.textContent));
  assert.ok(marks.includes('Emmanuel Macron'), `marks: ${marks}`);
  assert.ok(marks.includes('Élisabeth Borne'), `marks: ${marks}`);
  await page.close();
});

test('markup in the text stays text and runs nothing', async () => {
  const { page } = await openPage(chromium.browser, SINGLE_URL);
  const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b onmouseover="window.__pwned=3">Emmanuel Macron</b> a déclaré que tout allait bien.';
  await page.fill('#input-text', evil);
  await page.click('#annotate');
  await waitForCards(page, 1);
  // An HTML file with scripts and handlers: reduced to its text, nothing runs.
  const html = `<!doctype html><html><head><title>T</title><script>window.__pwned=4</script><style>p{}</style></head>
    <body onload="window.__pwned=5"><nav>Accueil Rubriques Menu</nav><header>Le Journal du Soir</header>
    <article><h1>Le titre</h1><p>Emmanuel Macron a déclaré que <img src=x onerror="window.__pwned=6">la France tiendra bon.</p>
    <div class="share-buttons">Partager sur Facebook</div><p>Deuxième paragraphe.</p></article>
    <footer>Mentions légales</footer><script>window.__pwned=7</script></body></html>`;
  await page.setInputFiles('#file-input', { name: 'article.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  await waitForCards(page, 2);
  await page.hover('#articles .card:first-child .article-text');
  const r = await page.evaluate(() => ({
    pwned: window.__pwned,
    elements: document.querySelectorAll('#articles img, #articles script, #articles b, #articles [onerror], #articles [onmouseover]').length,
    first: document.querySelectorAll('#articles .article-text')[0].textContent,
    second: document.querySelectorAll('#articles .article-text')[1].textContent,
    violations: window.__violations,
  }));
  assert.equal(r.pwned, undefined);
  assert.equal(r.elements, 0);
  assert.equal(r.first, evil);
  assert.equal(r.second, 'Le titre\n\nEmmanuel Macron a déclaré que la France tiendra bon.\n\nDeuxième paragraphe.');
  // Parsing the HTML file (DOMParser) reports its inline script and style as refused; nothing else.
  assert.deepEqual(r.violations.filter((v) => v.blocked !== 'inline'), []);
  await page.close();
});

for (const where of ['file', 'http']) {
  test(`the CSP (${where}) forbids network access, inline handlers and inline scripts`, async () => {
    const { page, guard } = await openPage(chromium.browser, where === 'file' ? SINGLE_URL : server.url, where === 'file' ? {} : overHttp());
    const r = await page.evaluate(async () => {
      const out = {};
      for (const url of ['http://127.0.0.1:9/x', 'https://example.com/', 'pkg/article_annotator_bg.wasm']) {
        try {
          await fetch(url);
          out[url] = 'fetched';
        } catch (e) {
          out[url] = 'refused';
        }
      }
      const b = document.createElement('button');
      b.setAttribute('onclick', 'window.__handler = 1');
      document.body.append(b);
      b.click();
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.append(s);
      const img = new Image();
      img.src = 'https://example.com/pixel.png';
      await new Promise((r) => setTimeout(r, 300));
      return { out, handler: window.__handler, inline: window.__inline, directives: window.__violations.map((v) => v.directive) };
    });
    assert.deepEqual(Object.values(r.out), ['refused', 'refused', 'refused']);
    assert.equal(r.handler, undefined, 'an inline handler ran');
    assert.equal(r.inline, undefined, 'an inline script ran');
    for (const d of ['connect-src', 'script-src-attr', 'script-src-elem', 'img-src']) assert.ok(r.directives.includes(d), `${d} in ${r.directives}`);
    assert.deepEqual(guard.blocked, [], 'the CSP stopped every request before the network');
    assert.ok(guard.cspBlocked.includes('https://example.com/pixel.png'));
    await page.close();
  });
}

test('keyboard: j and k step through every claim, and every mark is a tab stop', async () => {
  const { page } = await openPage(chromium.browser, SINGLE_URL);
  await page.click('#samples');
  await waitForCards(page, 2);
  const all = await page.$$eval('#articles [data-claim][data-part="first"]', (els) => els.map((e) => `${e.closest('.card').dataset.article}:${e.dataset.claimId}`));
  assert.ok(all.length > 1);
  // The pointer, left over the button, would end up over a mark as j scrolls the page, and a
  // hover takes the tooltip (and aria-describedby) from the focused claim: park it in the header.
  await page.mouse.move(1, 1);
  await page.focus('#samples');
  const seen = [];
  for (let i = 0; i < all.length; i++) {
    await page.keyboard.press('j');
    seen.push(await page.evaluate(() => `${document.activeElement.closest('.card')?.dataset.article}:${document.activeElement.dataset.claimId}`));
  }
  assert.deepEqual(seen, all, 'j visits every claim in order');
  await page.keyboard.press('k');
  assert.equal(await page.evaluate(() => `${document.activeElement.closest('.card').dataset.article}:${document.activeElement.dataset.claimId}`), all[all.length - 2]);
  // The focused claim lights up its cue and speaker and describes itself.
  const lit = await page.evaluate(() => ({
    tooltip: !document.querySelector('#tooltip').hidden && document.querySelector('#tooltip').textContent,
    describedby: document.activeElement.getAttribute('aria-describedby'),
    label: document.activeElement.getAttribute('aria-label'),
  }));
  assert.match(lit.tooltip, /claim/);
  assert.equal(lit.describedby, 'tooltip');
  assert.match(lit.label, /claim/);
  const tabStops = await page.$$eval('#articles [data-part="first"]', (els) => els.every((e) => e.tabIndex === 0));
  assert.ok(tabStops);
  // Tab from a claim goes on to the next mark.
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.activeElement.matches('[data-entity], [data-claim]')));
  await page.close();
});

test('hovering lights up a referent, a claim its cue and speaker; the legend filters', async () => {
  const { page } = await openPage(chromium.browser, SINGLE_URL);
  await page.click('#samples');
  await waitForCards(page, 2);
  const cluster = await page.evaluate(() => {
    const counts = new Map();
    for (const m of document.querySelectorAll('#articles .card:first-child [data-cluster][data-entity="person"]')) counts.set(m.dataset.cluster, (counts.get(m.dataset.cluster) || 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0];
  });
  await page.hover(`#articles .card:first-child [data-cluster="${cluster[0]}"][data-entity="person"] >> nth=0`);
  assert.equal(await page.locator('#articles .lit[data-cluster]').count(), cluster[1]);
  assert.match(await page.textContent('#tooltip'), /why/i);
  const id = await page.evaluate(() => {
    const card = document.querySelector('#articles .card');
    const cue = card.querySelector('[data-cue-of]');
    return cue.dataset.cueOf.split(' ')[0];
  });
  await page.hover(`#articles .card:first-child [data-claim-id="${id}"][data-part="first"]`);
  assert.ok(await page.locator('#articles .lit-cue').count() >= 1);
  await page.click('#panel [data-filter="person"]');
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('[data-entity="person"]')).backgroundColor), 'rgba(0, 0, 0, 0)');
  assert.equal(await page.getAttribute('#panel [data-filter="person"]', 'aria-pressed'), 'false');
  await page.click('#panel [data-filter="person"]');
  // Who said what: a click jumps to the claim.
  await page.click('#panel .speaker .claim-link >> nth=0');
  assert.ok(await page.evaluate(() => document.activeElement.matches('[data-claim]')));
  await page.close();
});

test('exports: JSON, Web Annotation JSON-LD, CSV; copying gives the clean text', async () => {
  const { page } = await openPage(chromium.browser, SINGLE_URL);
  await page.click('#samples');
  await waitForCards(page, 2);
  const save = async (selector) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
    return readFileSync(await download.path(), 'utf8');
  };
  const text = seedText(0);
  const doc = JSON.parse(await save('#articles .card:first-child .card-actions button:text-is("JSON")'));
  assert.ok(Array.isArray(doc.entities) && Array.isArray(doc.clusters) && Array.isArray(doc.claims));
  assert.equal(doc.id, '000_34e6ec2c4447f1c3');
  const ld = JSON.parse(await save('#articles .card:first-child .card-actions button:text-is("Web Annotation")'));
  assert.equal(ld['@context'], 'http://www.w3.org/ns/anno.jsonld');
  assert.equal(ld.type, 'AnnotationCollection');
  const chars = [...text];
  for (const item of ld.first.items) {
    const quote = item.target.selector.find((s) => s.type === 'TextQuoteSelector');
    const pos = item.target.selector.find((s) => s.type === 'TextPositionSelector');
    assert.equal(chars.slice(pos.start, pos.end).join(''), quote.exact);
  }
  const csv = await save('#export-all button[data-export="csv"]');
  const lines = csv.trim().split('\r\n');
  assert.equal(lines[0], 'article,speaker,kind,cue,content');
  assert.ok(lines.length > 2);
  assert.ok(lines.some((l) => l.startsWith('003_77698da07e883b51,')));
  const all = JSON.parse(await save('#export-all button[data-export="json"]'));
  assert.equal(all.length, 2);
  // Copy: the whole first article, labels and chips left out.
  const copied = await page.evaluate(() => {
    const body = document.querySelector('#articles .article-text');
    const range = document.createRange();
    range.selectNodeContents(body);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    const data = new DataTransfer();
    document.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
    return data.getData('text/plain');
  });
  assert.equal(copied, text);
  await page.close();
});

test('#text= in the address annotates that text; speakers shared by two articles side by side', async () => {
  const a = '« Nous ne céderons pas », a affirmé Élisabeth Borne lundi à Lyon.';
  const { page } = await openPage(chromium.browser, `${SINGLE_URL}#text=${encodeURIComponent(a)}&lang=fr`);
  await waitForCards(page, 1);
  assert.equal(await page.textContent('#articles .article-text'), a);
  assert.equal(await page.inputValue('#lang'), 'fr');
  await page.fill('#input-text', 'ELISABETH BORNE a déclaré que le gouvernement tiendrait ses promesses.');
  await page.click('#annotate');
  await waitForCards(page, 2);
  const shared = await page.$$eval('#panel .shared-speaker', (els) => els.map((e) => [e.dataset.speakerName, e.querySelectorAll('.column').length]));
  assert.equal(shared.length, 1, JSON.stringify(shared));
  assert.equal(shared[0][1], 2);
  await screenshot(page, 'across-articles');
  await page.close();
});
