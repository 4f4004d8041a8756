// "Was this helpful?" and the urgent-section banner. Votes need a site built with support.feedback.endpoint, so
// this test builds a small one with the generator's jar and proxies the endpoint (same origin, as the CSP wants)
// from nginx to a local HTTP server that records what arrives.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startNginx } from '../lib/nginx.js';
import { launch, openPage } from '../lib/browser.js';
import { siteDir } from '../lib/site.js';

const here = dirname(fileURLToPath(import.meta.url));
const JAR = process.env.PHAROS_JAR || resolve(here, '..', '..', 'generator', 'target', 'pharos.jar');

const CONFIG = `title: Feedback test
locales:
  - code: en
  - code: zh-CN
support:
  provider: github
  github: {repo: acme/help, labels: [support]}
  categories:
    - id: general
      label: {en: Other, zh-CN: 其他}
    - id: security
      label: {en: Security, zh-CN: 账户安全}
  emergency:
    title: {en: "Hacked? Freeze your account now", zh-CN: 账户被盗？立即冻结}
    url: https://acme.example/freeze
    triggers: {en: [hacked], zh-CN: [被盗]}
  feedback:
    endpoint: /feedback-test/vote
`;

const FILES = {
  'pharos.yml': CONFIG,
  'en/_index.md': '---\ntitle: Help\n---\n',
  'zh-CN/_index.md': '---\ntitle: 帮助\n---\n',
  'en/basics/_index.md': '---\ntitle: Basics\n---\n',
  'en/basics/fees.md': '---\ntitle: Fees\n---\nAll about fees.\n',
  'zh-CN/basics/_index.md': '---\ntitle: 基础\n---\n',
  'zh-CN/basics/fees.md': '---\ntitle: 费用\n---\n关于费用。\n',
  'en/security/_index.md': '---\ntitle: Security\nurgent: true\nticket: {category: security}\n---\n',
  'en/security/hacked.md': '---\ntitle: My account was hacked\n---\nFreeze it first.\n',
};

let work;
let votes;
let receiver;
let server;
let sample;
let browser;

before(async () => {
  if (!existsSync(JAR)) throw new Error(`No generator jar at ${JAR}: run mvn -B -pl generator package -DskipTests first (or set PHAROS_JAR)`);
  work = mkdtempSync(join(tmpdir(), 'pharos-feedback-'));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(work, 'content', path)), { recursive: true });
    writeFileSync(join(work, 'content', path), text);
  }
  execFileSync('java', ['-jar', JAR, 'build', '--source', join(work, 'content'), '--out', join(work, 'site')], { stdio: 'pipe' });

  votes = [];
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      votes.push({ method: req.method, url: req.url, type: req.headers['content-type'], cookie: req.headers.cookie, body });
      res.writeHead(204).end();
    });
  });
  await new Promise((ok) => receiver.listen(0, '127.0.0.1', ok));
  const extra = `location /feedback-test/ { proxy_pass http://127.0.0.1:${receiver.address().port}; }`;
  server = await startNginx(join(work, 'site'), { extra });
  sample = await startNginx(siteDir());
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await sample?.stop();
  await new Promise((ok) => (receiver ? receiver.close(ok) : ok()));
  if (work) rmSync(work, { recursive: true, force: true });
});

async function waitFor(predicate, what) {
  const until = Date.now() + 5000;
  while (Date.now() < until) {
    if (predicate()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test('a vote is sent with sendBeacon to the endpoint: article id, locale and vote only', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}/zh-CN/basics/fees/`);
  const box = page.locator('[data-feedback]');
  await box.waitFor({ state: 'visible' });
  await box.locator('[data-vote="yes"]').click();
  await waitFor(() => votes.length === 1, 'the vote');
  assert.equal(votes[0].method, 'POST');
  assert.equal(votes[0].url, '/feedback-test/vote');
  assert.match(votes[0].type, /^text\/plain/);
  assert.equal(votes[0].cookie, undefined);
  assert.deepEqual(JSON.parse(votes[0].body), { id: 'basics/fees', locale: 'zh-CN', vote: 'yes' });
  assert.equal(await box.locator('[data-thanks]').innerText(), '感谢您的反馈。');
  assert.equal(await box.locator('[data-vote]').first().isVisible(), false);
  assert.equal(await box.locator('[data-followup]').isVisible(), false);
  page.assertClean();
  await page.context().close();
});

test('"No" is sent too, and offers the ticket saying the article did not solve the problem', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}/en/basics/fees/`);
  await page.locator('[data-vote="no"]').click();
  await waitFor(() => votes.length === 2, 'the second vote');
  assert.deepEqual(JSON.parse(votes[1].body), { id: 'basics/fees', locale: 'en', vote: 'no' });
  const link = page.locator('[data-followup] a[data-not-solved]');
  assert.equal(await link.isVisible(), true);
  const body = await link.evaluate((a) => new URL(a.href).searchParams.get('body'));
  assert.ok(body.startsWith('Problem: This article did not solve my problem.\n\n'), body);
  page.assertClean();
  await page.context().close();
});

test('without an endpoint nothing is sent; "No" still thanks the reader and offers the prefilled ticket', async () => {
  const page = await openPage(browser);
  const requests = [];
  page.on('request', (r) => { if (r.method() === 'POST') requests.push(r.url()); });
  await page.goto(`${sample.url}/en/deposits-withdrawals/crypto/deposit-not-credited/`);
  await page.locator('[data-vote="no"]').click();
  assert.equal(await page.locator('[data-thanks]').isVisible(), true);
  const description = await page.locator('a[data-not-solved]').evaluate((a) => new URL(a.href).searchParams.get('tf_description'));
  assert.ok(description.startsWith('Problem: This article did not solve my problem.\n\nYour UID:'), description);
  await page.waitForTimeout(300);
  assert.deepEqual(requests, []);
  page.assertClean();
  await page.context().close();
});

test('pages of an urgent section carry the emergency banner; others do not', async () => {
  const page = await openPage(browser, { viewport: { width: 360, height: 700 } });
  await page.goto(`${server.url}/en/security/hacked/`);
  const banner = page.locator('body > aside.emergency-banner');
  assert.equal(await banner.isVisible(), true);
  assert.match(await banner.innerText(), /Hacked\? Freeze your account now/);
  const box = await banner.boundingBox();
  assert.ok(box.y < 200, `the banner is at the top (y = ${box.y})`);
  const issue = await page.locator('.still-need-help .ticket-action a').evaluate((a) => new URL(a.href));
  assert.equal(issue.origin + issue.pathname, 'https://github.com/acme/help/issues/new');
  await page.goto(`${server.url}/en/basics/fees/`);
  assert.equal(await page.locator('body > aside.emergency-banner').count(), 0);
  page.assertClean();
  await page.context().close();
});
