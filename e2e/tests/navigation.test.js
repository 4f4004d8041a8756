// Readers find their way: home → section → article, and the language switcher keeps the article.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startNginx } from '../lib/nginx.js';
import { launch, openPage } from '../lib/browser.js';
import { siteDir } from '../lib/site.js';

let server;
let browser;

before(async () => {
  server = await startNginx(siteDir());
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('home → section → article in English', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}/en/`);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.locator('.card-link', { hasText: 'Deposits and withdrawals' }).click();
  await page.waitForURL('**/en/deposits-withdrawals/');
  await page.locator('a', { hasText: "Why hasn't my deposit arrived?" }).first().click();
  await page.waitForURL('**/en/deposits-withdrawals/crypto/deposit-not-credited/');
  assert.match(await page.locator('h1').textContent(), /deposit/i);
  page.assertClean();
  await page.context().close();
});

test('the language switcher goes to the same article in Chinese', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}/en/deposits-withdrawals/crypto/deposit-not-credited/`);
  await page.locator('.language-menu summary').click();
  await page.locator('.language-menu a[hreflang="zh-CN"]').click();
  await page.waitForURL('**/zh-CN/deposits-withdrawals/crypto/deposit-not-credited/');
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  page.assertClean();
  await page.context().close();
});

test('unknown URLs get the 404 page with status 404', async () => {
  const res = await fetch(`${server.url}/en/no-such-page/`);
  assert.equal(res.status, 404);
  assert.match(await res.text(), /Page not found/);
});
