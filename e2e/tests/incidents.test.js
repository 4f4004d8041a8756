// Incident banners (an announcement with banner: true): on every page without JavaScript, hidden by the page itself
// once their time has passed (Chromium's clock faked around the banner's own expiry, so these tests do not depend
// on the date they run), and accessible in both colour schemes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from '../lib/browser.js';
import { useSite } from '../lib/fixture.js';
import { axeViolations } from '../lib/axe.js';

const site = useSite();
const ARTICLE = '/en/deposits-withdrawals/crypto/withdrawal-pending/';
const ANNOUNCEMENT = '/en/announcements/2026-11-20-trc20-deposits-delayed/';
const MINUTE = 60 * 1000;

/** When the sample's banner expires, as the build wrote it into the page. */
async function expiry() {
  const html = await (await fetch(`${site.server.url}${ARTICLE}`)).text();
  const match = /class="incident incident-warning" data-expires="([^"]+)"/.exec(html);
  assert.ok(match, 'the sample site shows its TRC20 banner (content/*/announcements/2026-11-20-trc20-deposits-delayed.md)');
  return Date.parse(match[1]);
}

test('the banner shows before it expires, with a link to the announcement, in both languages', async () => {
  const page = await openPage(site.browser);
  await page.clock.setFixedTime(new Date((await expiry()) - MINUTE));
  for (const [locale, label, severity] of [['en', 'Service notices', 'Warning:'], ['zh-CN', '服务公告', '注意：']]) {
    await page.goto(`${site.server.url}/${locale}/`);
    const region = page.getByRole('region', { name: label });
    await region.waitFor({ state: 'visible' });
    assert.equal(await region.locator('.incident-severity').textContent(), severity);
    await region.locator('a').click();
    await page.waitForURL(`**/${locale}/announcements/2026-11-20-trc20-deposits-delayed/`);
    assert.match(await page.locator('h1').textContent(), locale === 'en' ? /TRC20/ : /TRC20 网络/);
  }
  await page.assertClean();
  await page.context().close();
});

test('once expired the page hides the banner by itself, also while it is open', async () => {
  const expires = await expiry();
  const later = await openPage(site.browser);
  await later.clock.setFixedTime(new Date(expires + MINUTE));
  await later.goto(`${site.server.url}${ARTICLE}`);
  await later.locator('.incidents').waitFor({ state: 'hidden' });
  await later.assertClean();
  await later.context().close();

  const open = await openPage(site.browser);
  await open.clock.install({ time: new Date(expires - 5000) });
  await open.goto(`${site.server.url}${ANNOUNCEMENT}`);
  await open.locator('.incident').waitFor({ state: 'visible' });
  await open.clock.runFor(10000);
  await open.locator('.incidents').waitFor({ state: 'hidden' });
  await open.assertClean();
  await open.context().close();
});

test('without JavaScript the banner is in the page', async () => {
  const page = await openPage(site.browser, { javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  await page.goto(`${site.server.url}${ARTICLE}`);
  const banner = page.locator('.incident-warning');
  assert.equal(await banner.isVisible(), true);
  assert.match(await banner.textContent(), /Warning:\s+Known issue: USDT deposits on the TRC20 network are delayed/);
  await page.context().close();
});

test('axe finds nothing serious on a page with the banner, light and dark, phone and laptop', async () => {
  const failures = [];
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [360, 1280]) {
      const page = await openPage(site.browser, { colorScheme, viewport: { width, height: 800 } });
      await page.clock.setFixedTime(new Date((await expiry()) - MINUTE));
      await page.goto(`${site.server.url}${ARTICLE}`);
      await page.locator('.incident').waitFor({ state: 'visible' });
      for (const v of await axeViolations(page)) failures.push(`${colorScheme} ${width}px: ${v}`);
      await page.context().close();
    }
  }
  assert.deepEqual(failures, []);
});
