// Search on a host that ignores HTTP Range: the sample site behind a second nginx with `max_ranges 0` (it answers
// every range request with 200 and the whole file, as Python's http.server and some proxies do), against the same
// site behind the tested configuration. The browser must find out on its first index request, stop asking for
// ranges, read the small chunk files instead, and show the same results for a first-query cost within budget.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, launch } from '../lib/browser.js';
import { startNginx } from '../lib/nginx.js';
import { siteDir } from '../lib/site.js';

// A first query's bytes with chunk files, everything counted (modules, index pieces, headers): the ceiling issue 13
// sets. Measured when this was written: 67-83 KB for these English queries, 135 KB for the Chinese one (seven CJK
// bigrams and their completions touch most of the small sample's chunk files), against 183-274 KB of packed index.
const BUDGET = 150 * 1024;
const QUERIES = [
  ['en', 'withdrawal pending'],
  ['en', 'account frozen'],
  ['en', 'cash out fee'],
  ['zh-CN', '提币一直没到账'],
];

let ranged;
let rangeless;
let browser;
before(async () => {
  ranged = await startNginx(siteDir());
  rangeless = await startNginx(siteDir(), { extra: 'max_ranges 0;' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await ranged?.stop();
  await rangeless?.stop();
});

/** A first query in a fresh page: results, and every request of the search with its Range header and size. */
async function firstQuery(server, lang, q) {
  const page = await openPage(browser);
  await page.goto(`${server.url}/${lang}/`);
  await page.waitForFunction(() => window.pharos && window.pharos.search);
  const seen = [];
  const onFinished = (request) => seen.push(request);
  page.on('requestfinished', onFinished);
  const urls = await page.evaluate(async ({ q, lang }) => (await window.pharos.search(q, { lang, limit: 5 })).map((r) => r.url), { q, lang });
  await page.waitForTimeout(50);
  page.off('requestfinished', onFinished);
  const requests = [];
  for (const r of seen) {
    const sizes = await r.sizes();
    const response = await r.response();
    requests.push({ path: new URL(r.url()).pathname, range: (await r.allHeaders()).range ?? null, status: response?.status(),
      bytes: sizes.responseBodySize + sizes.responseHeadersSize });
  }
  return { page, urls, requests, bytes: requests.reduce((n, r) => n + r.bytes, 0) };
}

test('nginx with max_ranges 0 answers a range request with the whole file', async () => {
  const meta = await (await fetch(`${rangeless.url}/_pharos/search/en/meta.json`)).json();
  const res = await fetch(`${rangeless.url}/_pharos/search/en/${meta.version}/post.bin`, { headers: { Range: 'bytes=0-99' } });
  assert.equal(res.status, 200);
  assert.ok((await res.arrayBuffer()).byteLength > 100);
});

for (const [lang, q] of QUERIES) {
  test(`"${q}" (${lang}): same results without Range, one probe, then no range asked, within ${BUDGET / 1024} KB`, async () => {
    const a = await firstQuery(ranged, lang, q);
    const b = await firstQuery(rangeless, lang, q);
    try {
      assert.ok(a.urls.length > 0, 'results on the Range host');
      assert.deepEqual(b.urls, a.urls);
      const index = (r) => /\/_pharos\/search\/[^/]+\/[0-9a-f]+\//.test(r.path);
      const lines = b.requests.map((r) => `${r.path} ${r.range ?? ''} ${r.status} ${r.bytes} B`).join('\n');
      // The first index request is the probe: one byte of the first dictionary file, answered 200 with the file.
      const first = b.requests.findIndex(index);
      assert.match(b.requests[first].path, /\/dict\/0\.bin$/, lines);
      assert.equal(b.requests[first].range, 'bytes=0-0', lines);
      assert.equal(b.requests[first].status, 200, lines);
      assert.deepEqual(b.requests.slice(first + 1).filter((r) => r.range), [], lines);
      assert.deepEqual(b.requests.filter((r) => /\/(dict|post|docs)\.bin$/.test(r.path)), [], `no packed file read whole:\n${lines}`);
      // On the Range host the probe is answered 206 and the packed files are read in ranges.
      const ra = a.requests.filter(index);
      assert.equal(ra[0].status, 206);
      assert.ok(ra.slice(1).every((r) => r.range && r.status === 206 && /\/(dict|post|docs)\.bin$/.test(r.path)),
        a.requests.map((r) => `${r.path} ${r.range} ${r.status}`).join('\n'));
      console.log(`# ${lang} "${q}": Range host ${(a.bytes / 1024).toFixed(1)} KB in ${a.requests.length} requests; host ignoring Range ${(b.bytes / 1024).toFixed(1)} KB in ${b.requests.length} requests`);
      assert.ok(b.bytes <= BUDGET, `${b.bytes} B > ${BUDGET} B:\n${lines}`);
      a.page.assertClean();
      b.page.assertClean();
    } finally {
      await a.page.context().close();
      await b.page.context().close();
    }
  });
}

test('the answer is remembered for the session: the next page of the tab asks for no range at all', async () => {
  const { page } = await firstQuery(rangeless, 'en', 'deposit');
  try {
    assert.equal(await page.evaluate(() => sessionStorage.getItem(`pharos-search-ranges:${location.origin}`)), '0');
    await page.goto(`${rangeless.url}/en/account/faq/`);
    const ranges = [];
    page.on('request', async (r) => { if ((await r.allHeaders()).range) ranges.push(r.url()); });
    await page.waitForFunction(() => window.pharos && window.pharos.search);
    const results = await page.evaluate(async () => (await window.pharos.search('withdrawal fee', { limit: 5 })).length);
    assert.ok(results > 0);
    assert.deepEqual(ranges, []);
    page.assertClean();
  } finally {
    await page.context().close();
  }
});

test('the search box works the same on a host that ignores Range', async () => {
  const page = await openPage(browser);
  try {
    await page.goto(`${rangeless.url}/en/account/faq/`);
    await page.locator('#header-q').click();
    await page.evaluate(() => {
      document.addEventListener('pharos:search', (e) => { window.__shown = e.detail.query; });
    });
    await page.keyboard.type('withdrawal pending', { delay: 20 });
    await page.waitForFunction(() => window.__shown === 'withdrawal pending');
    const first = page.locator('.search-popup:not([hidden]) [role=option]').first();
    await first.waitFor();
    assert.match(await first.locator('.search-hit-title').innerText(), /withdrawal pending/i);
    page.assertClean();
  } finally {
    await page.context().close();
  }
});
