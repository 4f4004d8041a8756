// XSS in a real browser: the filter-evasion vectors of fixtures/xss-vectors.json, placed everywhere a writer,
// translator or site owner can put text (see lib/hostile.js), built with the real jar twice (raw HTML sanitized,
// and `markdown.trustedHtml: true` with the vectors kept out of the bodies the writer is trusted with), served by
// nginx with the project's CSP, and opened page by page in Chromium with JavaScript on. The vectors are also typed
// into the search box, the results page's ?q=, the ticket assistant and the official-channel checker.
// Pass: no dialog, no window.__xss, no CSP violation, no uncaught error, and no javascript:/vbscript:/data: URL or
// event-handler attribute anywhere in the DOM, before or after the page's own scripts ran.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNginx } from '../lib/nginx.js';
import { launch } from '../lib/browser.js';
import { REPO, urlPath } from '../lib/site.js';
import {
  CONTROL, VECTORS, REFUSED_URLS, REFUSED_TEMPLATES, places, writeHostileContent, pharosYml, buildSite, removeTree,
} from '../lib/hostile.js';

const variants = [{ name: 'raw HTML sanitized', trustedHtml: false }, { name: 'trustedHtml: true', trustedHtml: true }];
let browser;
const tried = { places: 0, typed: 0, pages: 0 };

before(async () => {
  browser = await launch();
});

/** Builds and serves a variant's hostile site the first time a test needs it. */
async function serve(v) {
  if (!v.server) {
    v.root = writeHostileContent({ trustedHtml: v.trustedHtml });
    const built = buildSite(v.root);
    assert.equal(built.status, 0, `the hostile site (${v.name}) builds:\n${built.stderr.slice(0, 4000)}`);
    v.site = built.site;
    v.server = await startNginx(v.site);
  }
  return v.server;
}

after(async () => {
  await browser?.close();
  for (const v of variants) {
    await v.server?.stop();
    removeTree(v.root);
  }
  const n = VECTORS.length;
  console.log(`# ${n} vectors; ${tried.places} vector × place combinations built and opened, `
    + `${tried.typed} vectors typed or put in a URL, ${tried.pages} page loads`);
});

function htmlFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...htmlFiles(path));
    else if (name.endsWith('.html')) out.push(path);
  }
  return out;
}

/**
 * A browser context that records, across navigations, every sign of script that is not the theme's: dialogs,
 * writes to window.__xss, CSP violations and uncaught errors.
 */
async function hostileContext() {
  const context = await browser.newContext({ javaScriptEnabled: true, reducedMotion: 'reduce' });
  const signs = [];
  await context.exposeBinding('__xssSign', ({ page }, what) => signs.push(`${what} at ${page.url()}`));
  // Injected by the DevTools protocol, outside the page's CSP: it watches, it is not one of the vectors.
  await context.addInitScript(() => {
    Object.defineProperty(window, '__xss', {
      configurable: false,
      get() { return undefined; },
      set(v) { window.__xssSign(`window.__xss = ${v}`); },
    });
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__xssSign(`CSP: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`);
    });
  });
  context.on('page', (page) => watch(page, signs));
  return { context, signs };
}

function watch(page, signs) {
  page.on('dialog', async (dialog) => {
    signs.push(`dialog ${dialog.type()} "${dialog.message()}" at ${page.url()}`);
    await dialog.dismiss().catch(() => {});
  });
  page.on('pageerror', (err) => signs.push(`uncaught ${err.message} at ${page.url()}`));
  page.on('console', (msg) => {
    // Hostile <img src=x> are kept as relative images that 404; every other console error is a finding.
    if (msg.type() === 'error' && !/Failed to load resource: the server responded with a status of 404/.test(msg.text())) {
      signs.push(`console: ${msg.text()} at ${page.url()}`);
    }
  });
}

/** Everything in the DOM that could run script: on* attributes, srcdoc, and URLs with a script-capable scheme. */
function dangerousDom() {
  const found = [];
  const URL_ATTRS = /^(href|src|action|formaction|xlink:href|data|poster|background|codebase|cite|ping|lowsrc|dynsrc)$/i;
  const bad = (value) => {
    try {
      const { protocol } = new URL(value, location.href);
      return ['javascript:', 'vbscript:', 'data:'].includes(protocol);
    } catch {
      return false;
    }
  };
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      for (const { name, value } of el.attributes) {
        const what = `<${el.localName} ${name}="${value.slice(0, 60)}">`;
        if (/^on/i.test(name) || /^srcdoc$/i.test(name)) found.push(what);
        else if (URL_ATTRS.test(name) && bad(value)) found.push(what);
        else if (/^srcset$/i.test(name) && value.split(',').some((c) => bad(c.trim().split(/\s+/)[0]))) found.push(what);
        else if (el.localName === 'meta' && /^content$/i.test(name) && /refresh/i.test(el.httpEquiv)
          && /url\s*=\s*['"]?\s*(javascript|vbscript|data):/i.test(value)) found.push(what);
      }
      if (el.localName === 'base') found.push(`<base href="${el.getAttribute('href')}">`);
      if (el.localName === 'template') walk(el.content);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return found;
}

async function inspect(page, signs, label) {
  for (let attempt = 0; ; attempt++) {
    try {
      const found = await page.evaluate(dangerousDom);
      for (const f of found) signs.push(`${label}${attempt ? ` (after it moved on to ${page.url()})` : ''}: ${f}`);
      return;
    } catch (e) {
      // A page that navigated itself (redirect pages, /go/ codes) is inspected where it lands.
      if (attempt > 8 || !/context was destroyed|navigat/i.test(e.message)) throw e;
      // The old document may still count as loaded: give the navigation time to begin, then wait for it.
      await new Promise((r) => setTimeout(r, 100 * (attempt + 1)));
      await page.waitForLoadState('load');
    }
  }
}

async function visitAll(server, site, signs, context) {
  // Redirect pages (/go/ codes, the language chooser) leave for their target on their own, racing the next visit;
  // their targets are visited in their own right, and their few words come from the same titles.
  const redirect = (file) => /<meta http-equiv="refresh"|language-redirect/.test(readFileSync(file, 'utf8'));
  const paths = htmlFiles(site).filter((f) => !redirect(f)).map((f) => urlPath(site, f))
    .filter((p) => !p.includes(`/${CONTROL}/`));
  const workers = 3;
  let next = 0;
  await Promise.all(Array.from({ length: workers }, async () => {
    const page = await context.newPage();
    while (next < paths.length) {
      const path = paths[next++];
      await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
      await inspect(page, signs, path);
      tried.pages++;
    }
    await page.close();
  }));
  return paths.length;
}

test('links with a script scheme in pharos.yml (edit link, channel, emergency, official handle, ticket template) are refused with file and line', () => {
  // A small content root: the links are refused while pharos.yml is read, before any page.
  const root = mkdtempSync(join(tmpdir(), 'pharos-xss-links-'));
  mkdirSync(join(root, 'en', 'security'), { recursive: true });
  writeFileSync(join(root, 'en', '_index.md'), '---\ntitle: Home\n---\nHome.\n');
  cpSync(join(REPO, 'content', 'en', 'security', 'account-compromised.md'), join(root, 'en', 'security', 'account-compromised.md'));
  try {
    for (const url of REFUSED_URLS) {
      writeFileSync(join(root, 'pharos.yml'), pharosYml({ urls: { edit: `${url}{path}` } }));
      let run = buildSite(root);
      assert.equal(run.status, 1, `editUrl ${JSON.stringify(url)} is refused`);
      assert.match(run.stderr, /pharos\.yml:\d+: error: .*link/, run.stderr);
      assert.doesNotMatch(run.stderr, /\tat |Exception/);

      const template = REFUSED_TEMPLATES[REFUSED_URLS.indexOf(url)];
      writeFileSync(join(root, 'pharos.yml'), pharosYml({ urls: { channel: url, emergency: url, handle: url, template } }));
      run = buildSite(root);
      assert.equal(run.status, 1, `${JSON.stringify(url)} in support links is refused`);
      const errors = run.stderr.split('\n').filter((l) => /^pharos\.yml:\d+: error: /.test(l));
      // The channel's, the emergency's and the handle's link, and the template.
      assert.equal(errors.length, 4, `${JSON.stringify(url)}:\n${run.stderr}`);
      assert.equal(new Set(errors.map((l) => l.split(':')[1])).size, 4, 'each error names its own line');
      tried.places += 5;
    }
  } finally {
    removeTree(root);
  }
});

test('the control: raw HTML a trusted writer wrote does run, and the test sees it', async () => {
  const v = variants.find((x) => x.trustedHtml);
  const server = await serve(v);
  const { context, signs } = await hostileContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/en/${CONTROL}/`, { waitUntil: 'load' });
  await inspect(page, signs, 'control');
  await context.close();
  // The CSP blocks the handler (and reports it); the DOM check finds the handler and the javascript: link.
  assert.ok(signs.some((s) => s.startsWith('CSP: script-src')), signs.join('\n'));
  assert.ok(signs.some((s) => s.includes('onerror=')), signs.join('\n'));
  assert.ok(signs.some((s) => s.includes('href="javascript:')), signs.join('\n'));
});

for (const v of variants) {
  test(`${v.name}: no vector runs on any page of the hostile site in Chromium, and none leaves a script URL or handler in the DOM`, async () => {
    const server = await serve(v);
    const { context, signs } = await hostileContext();
    const pages = await visitAll(server, v.site, signs, context);
    await context.close();
    assert.ok(pages > 300, `${pages} pages opened`);
    assert.deepEqual(signs, []);
    tried.places += places({ trustedHtml: v.trustedHtml }).reduce((sum, [, n]) => sum + n, 0);
  });

  test(`${v.name}: vectors typed into the search box, the results page, the ticket assistant and the checker never run`, async () => {
    const base = (await serve(v)).url;
    const { context, signs } = await hostileContext();
    const page = await context.newPage();

    // The search box: every vector, and a word that lists the hostile pages (their titles and excerpts).
    await page.goto(`${base}/en/`, { waitUntil: 'load' });
    const box = page.locator('.search-input').first();
    for (const q of ['xsshostile', ...VECTORS]) {
      await box.fill(q);
      await page.waitForFunction(() => !document.querySelector('.search-busy'), null, { timeout: 60000 });
      await page.waitForTimeout(20);
      await inspect(page, signs, `search box "${q}"`);
      tried.typed++;
    }
    const hostileHits = await (async () => {
      await box.fill('xsshostile');
      await page.locator('.search-popup .search-option').first().waitFor({ timeout: 60000 });
      return page.locator('.search-popup .search-option').count();
    })();
    assert.ok(hostileHits > 0, 'the hostile pages are found, so their titles and excerpts are shown');

    // The results page, with each vector in ?q= (a link anyone can send).
    for (const q of ['xsshostile', ...VECTORS]) {
      await page.goto(`${base}/en/search/?q=${encodeURIComponent(q)}`, { waitUntil: 'load' });
      await page.waitForFunction(() => !document.documentElement.classList.contains('search-pending'), null, { timeout: 60000 });
      await inspect(page, signs, `results page ?q=${q}`);
      tried.typed++;
    }

    // The ticket assistant: each topic, then each vector as the reader's one line (suggestions and ticket link).
    await page.goto(`${base}/en/contact/?topic=xss`, { waitUntil: 'load' });
    const describe = page.locator('[data-describe]');
    await describe.waitFor({ state: 'visible', timeout: 60000 });
    for (const q of ['xsshostile', ...VECTORS]) {
      await describe.fill(q);
      await page.waitForTimeout(260); // the assistant waits 200 ms before it searches
      await inspect(page, signs, `assistant "${q}"`);
      const href = await page.locator('[data-submit]').getAttribute('href');
      assert.match(href, /^https:\/\/desk\.example\/new\?/, `the ticket link stays the template's for "${q}"`);
      tried.typed++;
    }
    for (const q of VECTORS.slice(0, 20)) {
      await page.goto(`${base}/en/contact/?topic=${encodeURIComponent(q)}`, { waitUntil: 'load' });
      await inspect(page, signs, `contact ?topic=${q}`);
    }

    // The official-channel checker: typed, and in ?check=.
    await page.goto(`${base}/en/verify/`, { waitUntil: 'load' });
    const check = page.locator('[data-verify-input]');
    for (const q of VECTORS) {
      await check.fill(q);
      await check.press('Enter');
      await inspect(page, signs, `checker "${q}"`);
      tried.typed++;
    }
    for (const q of VECTORS.slice(0, 20)) {
      await page.goto(`${base}/en/verify/?check=${encodeURIComponent(q)}`, { waitUntil: 'load' });
      await inspect(page, signs, `checker ?check=${q}`);
    }
    await context.close();
    assert.deepEqual(signs, []);
  });
}
