// Shared by the end-to-end tests and the benchmark: Debian's Chromium through playwright-core
// (no browser download), a static server for www/ on 127.0.0.1, and a guard that fails on
// any network request the page makes.

import { mkdtempSync, mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WWW = join(ROOT, 'www');
export const SINGLE = join(WWW, 'dist', 'annotator.html');
export const SINGLE_URL = pathToFileURL(SINGLE).href;
export const ARTIFACTS = join(ROOT, 'tests', 'e2e', 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/**
 * Launches headless Chromium with a fresh profile (a new --user-data-dir from mkdtemp, which
 * playwright passes itself): `{browser, close}`, `browser` being the browser's context;
 * `close()` removes the profile too.
 */
export async function launch() {
  if (!existsSync(SINGLE)) throw new Error(`${SINGLE} is missing: run make page`);
  const profile = mkdtempSync(join(tmpdir(), 'annotator-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const close = async () => {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { browser, close };
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json' };

/** Serves www/ on 127.0.0.1 on a free port: `{url, close}`. */
export async function serveWww() {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(WWW, path);
    if (file.endsWith('/')) file = join(file, 'index.html');
    if (!file.startsWith(WWW) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    try {
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' }).end(readFileSync(file));
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { url, close: () => new Promise((r) => server.close(r)) };
}

/**
 * A page whose every request is checked: only the page's own files (`allowed(url)`) go
 * through; anything else is aborted and recorded in `guard.blocked`. CSP violations and
 * page errors are recorded too.
 */
export async function openPage(browser, url, { allowed = (u) => u.startsWith('file:') || u.startsWith('data:') || u.startsWith('blob:'), colorScheme = 'light', viewport = { width: 1280, height: 900 } } = {}) {
  const page = await browser.newPage();
  await page.emulateMedia({ colorScheme });
  await page.setViewportSize(viewport);
  const guard = { blocked: [], requests: [], cspBlocked: [], errors: [], console: [] };
  await page.route('**/*', (route) => {
    const u = route.request().url();
    guard.requests.push(u);
    if (allowed(u)) return route.continue();
    guard.blocked.push(u);
    return route.abort('blockedbyclient');
  });
  page.on('request', (req) => {
    const u = req.url();
    if (!allowed(u) && !guard.blocked.includes(u)) guard.blocked.push(u);
  });
  // A request the CSP stopped never left the page: it is listed apart.
  page.on('requestfailed', (req) => {
    if (req.failure()?.errorText !== 'csp') return;
    const i = guard.blocked.indexOf(req.url());
    if (i >= 0 && !guard.requests.includes(req.url())) guard.blocked.splice(i, 1);
    guard.cspBlocked.push(req.url());
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample }));
  });
  page.on('pageerror', (e) => guard.errors.push(String(e)));
  page.on('console', (m) => guard.console.push(`${m.type()}: ${m.text()}`));
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 30000 });
  return { page, guard };
}

/** Waits until the queue is empty and `n` cards are drawn. */
export async function waitForCards(page, n, timeout = 60000) {
  await page.waitForFunction((n) => document.querySelectorAll('#articles .card').length >= n && !window.annotatorPage.busy(), n, { timeout });
}

export const seedText = (i) => {
  const files = ['000_34e6ec2c4447f1c3.txt', '003_77698da07e883b51.txt'];
  return readFileSync(join(ROOT, 'seeds', files[i]), 'utf8');
};

export async function screenshot(page, name, opts = {}) {
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, ...opts });
  return path;
}
