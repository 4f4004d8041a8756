// The support pages and blocks pass axe-core's WCAG 2.1 AA rules, on a phone and on a desktop, light and dark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { openPage } from '../lib/browser.js';
import { useSite } from '../lib/fixture.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const site = useSite();

async function violations(page, include) {
  await page.evaluate(AXE); // evaluated through the DevTools protocol, so the page's CSP does not apply
  return page.evaluate(async (selector) => {
    const result = await window.axe.run(selector ? { include: [selector] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    if (result.passes.length < 10) return [`axe checked too little (${result.passes.length} rules passed)`];
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, include);
}

for (const [path, width, colorScheme, prepare, include] of [
  ['/en/contact/', 360, 'light', async (p) => { await p.locator('label.topic').first().click(); await p.locator('[data-describe]').fill('hacked'); }, null],
  ['/zh-CN/contact/', 1280, 'dark', async (p) => { await p.locator('label.topic').nth(2).click(); }, null],
  ['/en/verify/', 360, 'dark', async (p) => { await p.locator('[data-verify-input]').fill('tidewell.com'); await p.locator('[data-verify-input]').press('Enter'); }, null],
  ['/zh-CN/verify/', 1280, 'light', async (p) => { await p.locator('[data-verify-input]').fill('support@tidewell.example'); await p.locator('[data-verify-input]').press('Enter'); }, null],
  ['/en/deposits-withdrawals/crypto/withdrawal-pending/', 360, 'light', async (p) => { await p.locator('[data-vote="no"]').click(); }, '.article-after'],
  ['/zh-CN/account/account-frozen/', 1280, 'dark', async () => {}, '.article-after'],
]) {
  test(`axe finds nothing on ${path} at ${width} px, ${colorScheme}`, async () => {
    const page = await openPage(site.browser, { viewport: { width, height: 800 }, colorScheme });
    await page.goto(`${site.server.url}${path}`);
    await page.waitForLoadState('load');
    await page.waitForFunction(() => !document.querySelector('[data-assistant][hidden], [data-verify][hidden], [data-feedback][hidden]'));
    await prepare(page);
    assert.deepEqual(await violations(page, include), []);
    page.assertClean();
    await page.context().close();
  });
}
