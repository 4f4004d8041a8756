// Dark mode follows the system, and a reader's own choice (the header toggle) persists from page to page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, backgroundLuminance } from '../lib/browser.js';
import { useSite } from '../lib/fixture.js';

const site = useSite();
const ARTICLE = '/en/deposits-withdrawals/crypto/deposit-not-credited/';
const isDark = async (page) => (await backgroundLuminance(page)) < 0.1;

for (const javaScriptEnabled of [true, false]) {
  test(`pages follow the system colour scheme${javaScriptEnabled ? '' : ' (JavaScript disabled)'}`, async () => {
    for (const colorScheme of ['light', 'dark']) {
      const page = await openPage(site.browser, { colorScheme, javaScriptEnabled });
      await page.goto(`${site.server.url}${ARTICLE}`);
      assert.equal(await isDark(page), colorScheme === 'dark', `${colorScheme} system`);
      await page.assertClean();
      await page.context().close();
    }
  });
}

test('without JavaScript the toggle, which could not work, is not offered', async () => {
  const page = await openPage(site.browser, { javaScriptEnabled: false });
  await page.goto(`${site.server.url}/en/`);
  assert.equal(await page.locator('.theme-toggle').isVisible(), false);
  await page.context().close();
});

for (const system of ['light', 'dark']) {
  test(`on a ${system} system, the reader's opposite choice persists across pages and reloads`, async () => {
    const chosen = system === 'light' ? 'dark' : 'light';
    const page = await openPage(site.browser, { colorScheme: system });
    await page.goto(`${site.server.url}/en/`);
    const toggle = page.locator('.theme-toggle');
    await toggle.waitFor({ state: 'visible' });
    assert.equal(await toggle.getAttribute('aria-pressed'), String(system === 'dark'));
    await toggle.click();
    assert.equal(await page.locator('html').getAttribute('data-theme'), chosen);
    assert.equal(await isDark(page), chosen === 'dark');
    assert.equal(await toggle.getAttribute('aria-pressed'), String(chosen === 'dark'));

    // Another page, reached by a link, and then a reload.
    await page.locator('.card-link', { hasText: 'Security' }).click();
    await page.waitForURL('**/en/security/');
    await page.waitForFunction((c) => document.documentElement.dataset.theme === c, chosen);
    assert.equal(await isDark(page), chosen === 'dark');
    assert.equal(await page.locator('.theme-toggle').getAttribute('aria-pressed'), String(chosen === 'dark'));
    await page.reload();
    await page.waitForFunction((c) => document.documentElement.dataset.theme === c, chosen);
    assert.equal(await isDark(page), chosen === 'dark');

    // Toggling back follows the system again, and forgets the choice.
    await page.locator('.theme-toggle').click();
    assert.equal(await isDark(page), system === 'dark');
    assert.equal(await page.evaluate(() => localStorage.getItem('pharos.theme')), null);
    await page.goto(`${site.server.url}${ARTICLE}`);
    assert.equal(await page.locator('html').getAttribute('data-theme'), null);
    assert.equal(await isDark(page), system === 'dark');
    await page.assertClean();
    await page.context().close();
  });
}

test('how often a saved choice is in place by the first frame (measured, not asserted)', async () => {
  const page = await openPage(site.browser, { colorScheme: 'light' });
  await page.goto(`${site.server.url}/en/`);
  await page.locator('.theme-toggle').click();
  // The first animation frame callback runs just before the first frame is drawn: note the theme then.
  await page.addInitScript(() => {
    window.__firstFrameTheme = undefined;
    requestAnimationFrame(() => { window.__firstFrameTheme = document.documentElement.dataset.theme ?? 'system'; });
  });
  let early = 0;
  const runs = 6;
  for (let i = 0; i < runs; i++) {
    await page.goto(`${site.server.url}${i % 2 ? ARTICLE : '/en/security/'}`);
    await page.waitForFunction(() => window.__firstFrameTheme !== undefined);
    if (await page.evaluate(() => window.__firstFrameTheme) === 'dark') early++;
    assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
  }
  console.log(`# saved dark theme in place by the first frame on ${early} of ${runs} page loads`);
  await page.assertClean();
  await page.context().close();
});
