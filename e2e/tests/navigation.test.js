// Readers find their way: home → section → article, the language switcher keeps the article, FAQs expand, the
// topic menu works, and all of it without JavaScript too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from '../lib/browser.js';
import { useSite } from '../lib/fixture.js';
import { pagesByKind } from '../lib/site.js';

const site = useSite();
const ARTICLE = '/en/deposits-withdrawals/crypto/deposit-not-credited/';

function firstFaqPage() {
  const faq = pagesByKind().get('faq');
  assert.ok(faq?.get('en')?.length, 'the sample site has an English FAQ page');
  return faq.get('en')[0].path;
}

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? '' : ' (JavaScript disabled)';

  test(`home → section → article in English${mode}`, async () => {
    const page = await openPage(site.browser, { javaScriptEnabled });
    await page.goto(`${site.server.url}/en/`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await page.locator('.card-link', { hasText: 'Deposits and withdrawals' }).click();
    await page.waitForURL('**/en/deposits-withdrawals/');
    assert.equal(await page.locator('h1').textContent(), 'Deposits and withdrawals');
    await page.locator('main a', { hasText: "Why hasn't my deposit arrived?" }).first().click();
    await page.waitForURL(`**${ARTICLE}`);
    assert.match(await page.locator('h1').textContent(), /deposit/i);
    // The breadcrumb leads back up.
    await page.locator('.breadcrumbs a', { hasText: 'Crypto deposits and withdrawals' }).click();
    await page.waitForURL('**/en/deposits-withdrawals/crypto/');
    await page.assertClean();
    await page.context().close();
  });

  test(`the language switcher goes to the same article in Chinese${mode}`, async () => {
    const page = await openPage(site.browser, { javaScriptEnabled });
    await page.goto(`${site.server.url}${ARTICLE}`);
    await page.locator('.language-menu summary').click();
    await page.locator('.language-menu a[hreflang="zh-CN"]').click();
    await page.waitForURL(`**/zh-CN${ARTICLE.slice(3)}`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
    assert.match(await page.locator('h1').textContent(), /充值/);
    // And back, from the footer this time.
    await page.locator('.footer-languages a[hreflang="en"]').click();
    await page.waitForURL(`**${ARTICLE}`);
    await page.assertClean();
    await page.context().close();
  });

  test(`a FAQ answer expands when its question is clicked${mode}`, async () => {
    const page = await openPage(site.browser, { javaScriptEnabled, viewport: { width: 360, height: 740 } });
    await page.goto(`${site.server.url}${firstFaqPage()}`);
    const item = page.locator('details.faq-item').first();
    const answer = item.locator('.faq-answer');
    assert.equal(await item.evaluate((d) => d.open), false);
    assert.equal(await answer.isVisible(), false);
    await item.locator('summary').click();
    assert.equal(await item.evaluate((d) => d.open), true);
    assert.equal(await answer.isVisible(), true);
    await item.locator('summary').click();
    assert.equal(await answer.isVisible(), false);
    await page.assertClean();
    await page.context().close();
  });

  test(`the topic menu lists every section${mode}`, async () => {
    const page = await openPage(site.browser, { javaScriptEnabled, viewport: { width: 360, height: 740 } });
    await page.goto(`${site.server.url}${ARTICLE}`);
    const menu = page.locator('.topics-menu');
    await menu.locator('summary').click();
    const links = menu.locator('.menu-list a');
    assert.ok(await links.count() >= 9);
    assert.equal(await menu.locator('a[aria-current]').textContent(), 'Deposits and withdrawals');
    await links.filter({ hasText: 'Security' }).click();
    await page.waitForURL('**/en/security/');
    await page.assertClean();
    await page.context().close();
  });

  test(`searching without the search script lands on the list of every article${mode}`, async () => {
    const page = await openPage(site.browser, { javaScriptEnabled });
    await page.goto(`${site.server.url}/en/`);
    await page.locator('.hero-search .search-input').fill('withdrawal pending');
    await page.locator('.hero-search .search-submit').click();
    await page.waitForURL('**/en/search/?q=withdrawal+pending');
    if (!javaScriptEnabled) {
      // The page's own article list is the fallback: every article is one click away.
      const listed = await page.locator('.all-articles a').count();
      assert.ok(listed >= 50, `the search page lists every article without JavaScript (found ${listed})`);
      await page.locator('.all-articles a', { hasText: 'Why is my withdrawal pending?' }).click();
      await page.waitForURL('**/en/deposits-withdrawals/crypto/withdrawal-pending/');
    }
    await page.assertClean();
    await page.context().close();
  });
}

test('a link to a FAQ question opens its answer', async () => {
  const page = await openPage(site.browser);
  const path = firstFaqPage();
  await page.goto(`${site.server.url}${path}`);
  const id = await page.locator('details.faq-item').nth(1).getAttribute('id');
  await page.goto(`${site.server.url}${path}#${id}`);
  await page.waitForFunction((i) => document.getElementById(i).open, id);
  assert.equal(await page.locator(`[id="${id}"] .faq-answer`).isVisible(), true);
  await page.assertClean();
  await page.context().close();
});

test('Escape closes an open menu and returns focus to it', async () => {
  const page = await openPage(site.browser);
  await page.goto(`${site.server.url}${ARTICLE}`);
  await page.locator('.language-menu summary').click();
  assert.equal(await page.locator('.language-menu').evaluate((d) => d.open), true);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.language-menu').evaluate((d) => d.open), false);
  assert.equal(await page.evaluate(() => document.activeElement.closest('details')?.className), 'menu language-menu');
  await page.assertClean();
  await page.context().close();
});

test('unknown URLs get the 404 page with status 404', async () => {
  const res = await fetch(`${site.server.url}/en/no-such-page/`);
  assert.equal(res.status, 404);
  assert.match(await res.text(), /Page not found/);
});

test('the site root offers every language without JavaScript and picks one with it', async () => {
  const noJs = await openPage(site.browser, { javaScriptEnabled: false });
  await noJs.goto(`${site.server.url}/`);
  assert.deepEqual(await noJs.locator('.language-list a').evaluateAll((as) => as.map((a) => a.getAttribute('hreflang'))), ['en', 'zh-CN']);
  await noJs.context().close();
  const browser = site.browser;
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${site.server.url}/`);
  await page.waitForURL('**/zh-CN/');
  await context.close();
});
