// Search in a real browser: the sample help center behind nginx (with its Content-Security-Policy), Debian's
// Chromium. Typing, keyboard, deep links, the results page, both languages, typos, synonyms, lazy loading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from '../lib/browser.js';
import { useSite } from '../lib/fixture.js';

const site = useSite();

const options = (page) => page.locator('.search-popup:not([hidden]) [role=option]');
/** Where each option of the open drop-down leads (an option is not a link: it keeps its URL in data-href). */
const optionUrls = (page) => options(page).evaluateAll((os) => os.map((o) => o.dataset.href));

/** Types like a reader and waits until the drop-down shows the results of the whole text. */
async function typeIn(page, selector, text) {
  await page.locator(selector).click();
  await page.evaluate(() => {
    document.addEventListener('pharos:search', (e) => { window.__shown = e.detail.query; });
  });
  await page.keyboard.type(text, { delay: 20 });
  await page.waitForFunction((t) => window.__shown === t, text);
  await options(page).first().waitFor();
}

const typeInHeader = (page, text) => typeIn(page, '#header-q', text);

/**
 * The tab that an action opens, loaded. When none opens, the error says what the search box looked like just
 * before and after the action: where the focus was, whether the drop-down was open and which option was active.
 */
async function newTab(page, action) {
  const state = () => page.evaluate(() => {
    const box = document.querySelector('#header-q');
    return {
      focus: document.activeElement?.id || document.activeElement?.tagName,
      hasFocus: document.hasFocus(),
      expanded: box.getAttribute('aria-expanded'),
      active: box.getAttribute('aria-activedescendant'),
      url: location.pathname,
    };
  });
  const before = await state();
  try {
    const [tab] = await Promise.all([page.context().waitForEvent('page', { timeout: 15000 }), action()]);
    await tab.waitForLoadState();
    return tab;
  } catch (e) {
    const after = await state().catch((err) => String(err));
    throw new Error(`no tab opened: ${e.message}\nbefore: ${JSON.stringify(before)}\nafter: ${JSON.stringify(after)}`);
  }
}

test('the search code loads only when the reader focuses a search box', async () => {
  const page = await openPage(site.browser);
  const loaded = [];
  page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
  await page.goto(`${site.server.url}/en/account/faq/`);
  await page.waitForLoadState('networkidle');
  assert.ok(loaded.some((p) => p.endsWith('/js/search/boot.js')));
  assert.ok(!loaded.some((p) => /\/js\/search\/(ui|engine|index)\.js$|\/_pharos\/search\//.test(p)), loaded.join('\n'));
  await page.locator('#header-q').focus();
  await page.waitForFunction(() => document.querySelector('#header-q').getAttribute('role') === 'combobox');
  page.assertClean();
  await page.context().close();
});

test('results appear as you type, with matched words marked', async () => {
  const page = await openPage(site.browser);
  await page.goto(`${site.server.url}/en/account/faq/`);
  await typeInHeader(page, 'withdrawal pending');
  const first = options(page).first();
  assert.match(await first.locator('.search-hit-title').innerText(), /withdrawal pending/i);
  assert.ok(await page.locator('.search-popup mark').count() > 0);
  assert.match(await page.locator('.search-popup mark').first().innerText(), /withdraw|pending/i);
  // Title, where it is (section › heading) and an excerpt.
  assert.ok((await first.locator('.search-hit-where').innerText()).length > 0);
  page.assertClean();
  await page.context().close();
});

test('the drop-down is an ARIA combobox with a listbox and a live count', async () => {
  const page = await openPage(site.browser);
  await page.goto(`${site.server.url}/en/`);
  // The home page has the big box instead of the header one.
  await typeIn(page, '#hero-q', 'account frozen');
  const input = page.locator('.search-input[role=combobox]');
  assert.equal(await input.getAttribute('aria-expanded'), 'true');
  assert.equal(await input.getAttribute('aria-autocomplete'), 'list');
  const listId = await input.getAttribute('aria-controls');
  assert.equal(await page.locator(`#${listId}`).getAttribute('role'), 'listbox');
  await page.waitForFunction(() => /\d+ results?/.test(document.querySelector('[role=status]')?.textContent || ''));
  await page.keyboard.press('ArrowDown');
  const active = await input.getAttribute('aria-activedescendant');
  assert.ok(active);
  assert.equal(await page.locator(`#${active}`).getAttribute('aria-selected'), 'true');
  await page.keyboard.press('Escape');
  assert.equal(await input.getAttribute('aria-expanded'), 'false');
  page.assertClean();
  await page.context().close();
});

test('arrow keys and Enter open the result at its heading', async () => {
  const page = await openPage(site.browser);
  await page.goto(`${site.server.url}/en/security/`);
  await typeInHeader(page, 'cancel a withdrawal');
  const all = await optionUrls(page);
  const target = all.findIndex((h) => h.includes('#'));
  assert.ok(target >= 0, all.join(' '));
  for (let i = 0; i <= target; i++) await page.keyboard.press('ArrowDown');
  await Promise.all([page.waitForURL((u) => u.hash.length > 1), page.keyboard.press('Enter')]);
  const url = new URL(page.url());
  assert.equal(url.pathname + url.hash, all[target]);
  // The deep link lands on an existing heading (site.js opens a FAQ answer's <details>).
  const id = decodeURIComponent(url.hash.slice(1));
  assert.equal(await page.locator(`[id="${id}"]`).count(), 1);
  page.assertClean();
  await page.context().close();
});

test('a click on an option opens its page; Ctrl+click, a middle click and Ctrl+Enter open it in a new tab', async () => {
  const page = await openPage(site.browser);
  await page.goto(`${site.server.url}/en/security/`);
  await typeInHeader(page, 'cancel a withdrawal');
  const urls = await optionUrls(page);
  assert.ok(urls.length > 1, urls.join(' '));
  // No link, button or other focusable thing inside an option (axe: nested-interactive).
  assert.equal(await options(page).locator('a, button, input, [tabindex]').count(), 0);
  // A middle click on Linux pastes the primary selection into the focused box: not when it opens an option (the
  // pasted text changed the query, and the results re-rendered under the reader's next key).
  await page.evaluate(() => {
    window.__edits = 0;
    document.querySelector('#header-q').addEventListener('input', () => { window.__edits += 1; });
  });
  for (const [i, how] of [[1, { modifiers: ['Control'] }], [0, { button: 'middle' }]]) {
    const tab = await newTab(page, () => options(page).nth(i).click(how));
    const opened = new URL(tab.url());
    assert.equal(opened.pathname + opened.hash, urls[i], JSON.stringify(how));
    await tab.close();
    assert.equal(new URL(page.url()).pathname, '/en/security/', 'the reader stays where they were');
  }
  assert.equal(await page.evaluate(() => window.__edits), 0, 'nothing was pasted into the search box');
  // The keyboard's way: the highlighted option with Ctrl+Enter. Which one ArrowDown reaches depends on whether the
  // mouse left an option highlighted above: the one the box names as active is the one that must open. The reader
  // is back in the box first: after a tab opened and closed, the focus is wherever the browser put it.
  await page.locator('#header-q').focus();
  await page.keyboard.press('ArrowDown');
  const active = await page.locator('#header-q').getAttribute('aria-activedescendant');
  assert.ok(active, 'an option is highlighted');
  const highlighted = await page.locator(`[id="${active}"]`).getAttribute('data-href');
  const tab = await newTab(page, () => page.keyboard.press('Control+Enter'));
  assert.equal(new URL(tab.url()).pathname + new URL(tab.url()).hash, new URL(highlighted, tab.url()).pathname
    + new URL(highlighted, tab.url()).hash);
  assert.ok(urls.includes(new URL(tab.url()).pathname + new URL(tab.url()).hash));
  await tab.close();
  await Promise.all([page.waitForURL((u) => u.pathname !== '/en/security/'), options(page).nth(1).click()]);
  const url = new URL(page.url());
  assert.equal(url.pathname + url.hash, urls[1]);
  page.assertClean();
  await page.context().close();
});

test('a shared /en/search/?q= URL shows the results page', async () => {
  const page = await openPage(site.browser);
  await page.goto(`${site.server.url}/en/search/?q=${encodeURIComponent('lost 2fa phone')}`);
  await page.locator('.search-results .search-result').first().waitFor();
  assert.equal(await page.locator('#page-q').inputValue(), 'lost 2fa phone');
  const hrefs = await page.locator('.search-results .search-result a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.slice(0, 3).some((h) => h.startsWith('/en/security/lost-2fa-device/')), hrefs.join(' '));
  assert.equal(await page.locator('.search-results [data-search-banner]').count(), 1);
  // Typing on the page updates the results and the URL.
  await page.locator('#page-q').fill('account frozen');
  await page.waitForURL((u) => u.searchParams.get('q') === 'account frozen');
  await page.locator('.search-results .search-result a[href^="/en/account/account-frozen/"]').first().waitFor();
  page.assertClean();
  await page.context().close();
});

test('Chinese: 提币一直没到账 finds the withdrawal articles', async () => {
  const page = await openPage(site.browser);
  await page.goto(`${site.server.url}/zh-CN/account/`);
  await typeInHeader(page, '提币一直没到账');
  const hrefs = (await optionUrls(page)).map(decodeURIComponent);
  assert.ok(hrefs.some((h) => h.startsWith('/zh-CN/deposits-withdrawals/crypto/withdraw')), hrefs.join('\n'));
  assert.ok(await page.locator('.search-popup mark').count() > 0);
  page.assertClean();
  await page.context().close();
});

test('a typing mistake still finds its article', async () => {
  const page = await openPage(site.browser);
  await page.goto(`${site.server.url}/en/support/`);
  await typeInHeader(page, 'verifcation rejected');
  const hrefs = await optionUrls(page);
  assert.ok(hrefs.slice(0, 3).some((h) => h.startsWith('/en/account/verification-rejected/')), hrefs.join(' '));
  page.assertClean();
  await page.context().close();
});

test('a synonym from synonyms/zh-CN.txt finds its article', async () => {
  const page = await openPage(site.browser);
  await page.goto(`${site.server.url}/zh-CN/search/?q=${encodeURIComponent('出金手续费')}`);
  await page.locator('.search-results .search-result').first().waitFor();
  const hrefs = await page.locator('.search-results .search-result a').evaluateAll((as) => as.map((a) => decodeURIComponent(a.getAttribute('href'))));
  assert.ok(hrefs.slice(0, 5).some((h) => h.startsWith('/zh-CN/fees-limits/withdrawal-fees/')), hrefs.join('\n'));
  page.assertClean();
  await page.context().close();
});

test('few results in Chinese: the reader can also search English pages', async () => {
  const page = await openPage(site.browser);
  await page.goto(`${site.server.url}/zh-CN/search/?q=TWL`);
  const also = page.locator('.search-results .search-also');
  await also.waitFor();
  await also.click();
  const english = page.locator('.search-results .search-result[lang="en"] a');
  await english.first().waitFor();
  const hrefs = await english.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.some((h) => h.startsWith('/en/fees-limits/fee-discounts/')), hrefs.join(' '));
  page.assertClean();
  await page.context().close();
});

test('window.pharos.search and the pharos:search event keep their contract', async () => {
  const page = await openPage(site.browser);
  await page.goto(`${site.server.url}/en/trading/`);
  const results = await page.evaluate(() => window.pharos.search('order not filled', { lang: 'en', limit: 3 }));
  assert.equal(results.length, 3);
  for (const r of results) {
    assert.equal(typeof r.url, 'string');
    assert.equal(typeof r.title, 'string');
    assert.equal(typeof r.excerpt, 'string');
    assert.equal(typeof r.section, 'string');
  }
  const zh = await page.evaluate(() => window.pharos.search('订单没成交', { lang: 'zh-CN', limit: 2 }));
  assert.ok(zh[0].url.startsWith('/zh-CN/'));
  await page.evaluate(() => {
    document.addEventListener('pharos:search', (e) => {
      const { query, lang, results, container } = e.detail;
      window.__event = { query, lang, count: results.length, banner: container.querySelectorAll('[data-search-banner]').length, first: container.firstElementChild?.matches('[data-search-banner]') };
    });
  });
  await typeInHeader(page, 'stop loss');
  await page.waitForFunction(() => window.__event);
  const event = await page.evaluate(() => window.__event);
  assert.equal(event.query, 'stop loss');
  assert.equal(event.lang, 'en');
  assert.ok(event.count > 0);
  assert.equal(event.banner, 1);
  assert.equal(event.first, true);
  page.assertClean();
  await page.context().close();
});

test('on a 360 px phone in dark mode the drop-down fits the screen', async () => {
  const page = await openPage(site.browser, { viewport: { width: 360, height: 740 }, colorScheme: 'dark' });
  await page.goto(`${site.server.url}/en/account/faq/`);
  await typeInHeader(page, 'reset password');
  const box = await page.locator('.search-popup').boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 360, JSON.stringify(box));
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= 360, `page scrolls sideways: ${scrollWidth}`);
  const [bg, text] = await page.locator('.search-popup').evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
  assert.notEqual(bg, 'rgb(255, 255, 255)', 'the drop-down follows dark mode');
  assert.ok(text);
  page.assertClean();
  await page.context().close();
});

test('without JavaScript the search form leads to the list of all articles', async () => {
  const page = await openPage(site.browser, { javaScriptEnabled: false });
  await page.goto(`${site.server.url}/en/account/faq/`);
  await page.locator('#header-q').fill('anything');
  await Promise.all([page.waitForURL('**/en/search/?q=anything'), page.locator('#header-q').press('Enter')]);
  assert.ok(await page.locator('.all-articles a[href="/en/deposits-withdrawals/crypto/withdrawal-pending/"]').count() > 0);
  await page.context().close();
});

test('nginx serves the index as the reader needs it: meta.json revalidated, index files in ranges and cached', async () => {
  const meta = await fetch(`${site.server.url}/_pharos/search/en/meta.json`);
  assert.equal(meta.status, 200);
  assert.equal(meta.headers.get('cache-control'), 'no-cache');
  const { version } = await meta.json();
  const dict = await fetch(`${site.server.url}/_pharos/search/en/${version}/dict.bin`, { headers: { Range: 'bytes=0-99' } });
  assert.equal(dict.status, 206);
  assert.equal((await dict.arrayBuffer()).byteLength, 100);
  assert.match(dict.headers.get('cache-control'), /immutable/);
});
