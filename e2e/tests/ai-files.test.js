// Readable by AI assistants: /llms.txt and the Markdown twin of an article, as nginx serves them (text types in
// UTF-8), and the <link rel="alternate" type="text/markdown"> a page points tools to, followed in Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from '../lib/browser.js';
import { useSite } from '../lib/fixture.js';

const site = useSite();
const ARTICLE = '/en/deposits-withdrawals/crypto/withdrawal-pending/';

test('/llms.txt is served as UTF-8 text and lists the Markdown twin of every article, per language', async () => {
  const response = await fetch(`${site.server.url}/llms.txt`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'text/plain; charset=utf-8');
  const text = await response.text();
  assert.match(text, /^# Tidewell Help Center\n\n> Answers about/);
  const english = text.indexOf('\n## English\n');
  const chinese = text.indexOf('\n## 简体中文\n');
  assert.ok(english > 0 && chinese > english, 'one section per language, in the site\'s order');
  assert.match(text.slice(english, chinese),
    /\n- \[Why is my withdrawal pending\?\]\(https:\/\/help\.tidewell\.example\/en\/deposits-withdrawals\/crypto\/withdrawal-pending\/index\.md\): Why a crypto/);
  assert.match(text.slice(chinese), /\n- \[[^\]]+\]\(https:\/\/help\.tidewell\.example\/zh-CN\/[^)]+\/index\.md\)/);

  const full = await fetch(`${site.server.url}/zh-CN/llms-full.txt`);
  assert.equal(full.headers.get('content-type'), 'text/plain; charset=utf-8');
  assert.match(await full.text(), /^# Tidewell 帮助中心\n/);
});

test('an article\'s Markdown twin is served as text/markdown and linked from the page', async () => {
  const page = await openPage(site.browser);
  await page.goto(`${site.server.url}${ARTICLE}`);
  const link = page.locator('link[rel="alternate"][type="text/markdown"]');
  assert.equal(await link.count(), 1);
  const href = await link.getAttribute('href');
  const twinUrl = new URL(href, page.url()).href;
  assert.equal(twinUrl, `${site.server.url}${ARTICLE}index.md`);
  // Fetched by the page itself, as a browser extension or an agent would: same origin, allowed by the CSP.
  const twin = await page.evaluate(async (url) => {
    const r = await fetch(url);
    return { status: r.status, type: r.headers.get('content-type'), text: await r.text() };
  }, twinUrl);
  assert.equal(twin.status, 200);
  assert.equal(twin.type, 'text/markdown; charset=utf-8');
  assert.match(twin.text, /^---\ntitle: "Why is my withdrawal pending\?"\n/);
  assert.match(twin.text, /\nurl: "https:\/\/help\.tidewell\.example\/en\/deposits-withdrawals\/crypto\/withdrawal-pending\/"\n/);
  assert.match(twin.text, /\n---\n\n# Why is my withdrawal pending\?\n\n/);
  await page.assertClean();
  await page.context().close();
});
