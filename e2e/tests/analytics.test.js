// Search analytics (search.analytics.endpoint) in a real browser. A copy of the sample help center is built with the
// endpoint on another origin: a small Node HTTP server on its own port, which records what arrives, allowed by the
// CSP's connect-src as the README says. The unchanged sample (no endpoint) must send nothing at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startNginx, DEFAULT_CSP } from '../lib/nginx.js';
import { launch, openPage } from '../lib/browser.js';
import { axeViolations } from '../lib/axe.js';
import { REPO, siteDir } from '../lib/site.js';

const here = dirname(fileURLToPath(import.meta.url));
const JAR = process.env.PHAROS_JAR || resolve(here, '..', '..', 'generator', 'target', 'pharos.jar');

let work;
let beacons;
let collector;
let server;
let sample;
let browser;

before(async () => {
  if (!existsSync(JAR)) throw new Error(`No generator jar at ${JAR}: run mvn -B -pl generator package -DskipTests first (or set PHAROS_JAR)`);
  beacons = [];
  collector = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      beacons.push({ method: req.method, url: req.url, type: req.headers['content-type'], cookie: req.headers.cookie, body });
      res.writeHead(204, { 'access-control-allow-origin': '*' }).end();
    });
  });
  await new Promise((ok) => collector.listen(0, '127.0.0.1', ok));
  const endpoint = `http://127.0.0.1:${collector.address().port}/collect/search`;

  work = mkdtempSync(join(tmpdir(), 'pharos-analytics-'));
  const content = join(work, 'content');
  cpSync(join(REPO, 'content'), content, { recursive: true, filter: (src) => !/[\\/]content[\\/]target(?:[\\/]|$)/.test(src) });
  const yml = readFileSync(join(content, 'pharos.yml'), 'utf8');
  writeFileSync(join(content, 'pharos.yml'), `${yml}\nsearch:\n  analytics:\n    endpoint: ${endpoint}\n`);
  execFileSync('java', ['-jar', JAR, 'build', '--source', content, '--out', join(work, 'site'), '--no-cache'], { stdio: 'pipe' });

  const csp = `${DEFAULT_CSP}; connect-src 'self' http://127.0.0.1:${collector.address().port}`;
  server = await startNginx(join(work, 'site'), { csp });
  sample = await startNginx(siteDir());
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await sample?.stop();
  await new Promise((ok) => (collector ? collector.close(ok) : ok()));
  if (work) rmSync(work, { recursive: true, force: true });
});

async function waitFor(predicate, what, ms = 6000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (predicate()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(beacons)}`);
}

const options = (page) => page.locator('.search-popup:not([hidden]) [role=option]');

/** Types like a reader, one key at a time, and waits for the drop-down of the whole text. */
async function typeQuery(page, text) {
  await page.locator('#header-q').click();
  await page.evaluate(() => {
    document.addEventListener('pharos:search', (e) => { window.__shown = e.detail.query; });
  });
  await page.keyboard.type(text, { delay: 30 });
  await page.waitForFunction((t) => window.__shown === t, text);
}

const bodies = () => beacons.map((b) => JSON.parse(b.body));

test('the query the reader settled on is sent once, with its result count; then the result they opened', async () => {
  beacons.length = 0;
  const page = await openPage(browser);
  await page.goto(`${server.url}/en/account/faq/`);
  await typeQuery(page, 'withdrawal pending');
  const shown = await options(page).count();
  assert.ok(shown > 0);
  await waitFor(() => beacons.length === 1, 'the settled search');
  await new Promise((r) => setTimeout(r, 400));
  assert.equal(beacons.length, 1, 'one event for the whole query, not one per keystroke');
  const [search] = bodies();
  assert.deepEqual(Object.keys(search).sort(), ['lang', 'q', 'results', 't', 'v']);
  assert.equal(search.v, 1);
  assert.equal(search.q, 'withdrawal pending');
  assert.equal(search.lang, 'en');
  assert.equal(search.results, shown);
  assert.match(search.t, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

  const href = await options(page).nth(1).getAttribute('data-href');
  await Promise.all([page.waitForURL(`**${href}`), options(page).nth(1).click()]);
  await waitFor(() => beacons.length === 2, 'the opened result');
  assert.deepEqual({ ...bodies()[1], t: 'x' }, { v: 1, t: 'x', q: 'withdrawal pending', lang: 'en', results: shown, opened: href, rank: 2 });
  for (const b of beacons) {
    assert.equal(b.method, 'POST');
    assert.equal(b.url, '/collect/search');
    assert.match(b.type, /^text\/plain/);
    assert.equal(b.cookie, undefined, 'no cookies');
  }
  await page.assertClean();
  await page.context().close();
});

test('a result chosen with the keyboard is reported too, and a query that finds nothing says so', async () => {
  beacons.length = 0;
  const page = await openPage(browser);
  await page.goto(`${server.url}/zh-CN/account/faq/`);
  await typeQuery(page, 'qzxwv');
  await waitFor(() => beacons.length === 1, 'the missed search');
  assert.deepEqual({ ...bodies()[0], t: 'x' }, { v: 1, t: 'x', q: 'qzxwv', lang: 'zh-CN', results: 0 });

  await page.locator('#header-q').fill('');
  await typeQuery(page, '提币');
  await options(page).first().waitFor();
  const href = await options(page).first().getAttribute('data-href');
  await page.keyboard.press('ArrowDown');
  await Promise.all([page.waitForURL(`**${href}`), page.keyboard.press('Enter')]);
  await waitFor(() => beacons.length === 3, 'the search and the opened result');
  assert.deepEqual(bodies().slice(1).map(({ q, lang, opened, rank }) => ({ q, lang, opened, rank })), [
    { q: '提币', lang: 'zh-CN', opened: undefined, rank: undefined },
    { q: '提币', lang: 'zh-CN', opened: href, rank: 1 },
  ]);
  await page.assertClean();
  await page.context().close();
});

test('Global Privacy Control turns it off: nothing is sent', async () => {
  beacons.length = 0;
  const page = await openPage(browser);
  // The browser setting a reader would turn on; Chromium has no switch for it, so the page is told as a browser would.
  await page.context().addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true });
  });
  await page.goto(`${server.url}/en/account/faq/`);
  await typeQuery(page, 'account frozen');
  await options(page).first().click();
  await page.waitForLoadState('load');
  await new Promise((r) => setTimeout(r, 2000));
  assert.deepEqual(beacons, []);
  await page.context().close();
});

test('the sample, without an endpoint, loads no analytics code and sends no beacon', async () => {
  const page = await openPage(browser);
  const requests = [];
  page.on('request', (r) => requests.push({ method: r.method(), type: r.resourceType(), path: new URL(r.url()).pathname }));
  await page.goto(`${sample.url}/en/account/faq/`);
  await typeQuery(page, 'withdrawal pending');
  await new Promise((r) => setTimeout(r, 2000));
  const href = await options(page).first().getAttribute('data-href');
  await Promise.all([page.waitForURL(`**${href}`), options(page).first().click()]);
  await page.waitForLoadState('load');
  assert.deepEqual(requests.filter((r) => r.method !== 'GET' || r.type === 'ping' || /analytics/.test(r.path)), []);
  assert.equal(await page.locator('[data-analytics]').count(), 0);
  await page.assertClean();
  await page.context().close();
});

test('the report of the sample logs is one self-contained page that axe finds nothing serious on, light and dark', async () => {
  const out = join(work, 'report');
  execFileSync('java', ['-jar', JAR, 'report', 'searches', '--log', join(REPO, 'docs/examples/search-log.jsonl'),
    join(REPO, 'docs/examples/access.log'), '--source', join(REPO, 'content'), '--out', out], { stdio: 'pipe' });
  for (const colorScheme of ['light', 'dark']) {
    const page = await openPage(browser, { colorScheme });
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${join(out, 'report.html')}`);
    assert.deepEqual(requests.filter((u) => !u.startsWith('file://')), [], 'nothing fetched');
    assert.equal(await page.locator('svg rect.bar').count(), 14, 'a bar per day in each locale');
    assert.ok((await page.locator('table code').allInnerTexts()).includes('network, chain, blockchain, netwrok'));
    assert.deepEqual(await axeViolations(page), [], colorScheme);
    await page.context().close();
  }
});

