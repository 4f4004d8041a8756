// The official-channel checker page in a real browser, against the sample site's published list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from '../lib/browser.js';
import { useSite } from '../lib/fixture.js';

const site = useSite();

// [input, verdict, words the explanation must contain]
const CASES = [
  ['tidewell.example', 'official', /matches tidewell\.example/],
  ['https://help.tidewell.example/en/', 'official', /part of our domain tidewell\.example/],
  ['support@tidewell.example', 'official', /@tidewell\.example/],
  ['+1 (555) 010-0', 'official', /\+1 555 0100/],
  ['https://t.me/tidewell_cn', 'official', /@tidewell_cn \(Telegram\)/],
  ['tidewell.com', 'lookalike', /different ending/],
  ['tidewell.example.help-desk.io', 'lookalike', /real site is help-desk\.io/],
  ['tidewe11.example', 'lookalike', /1 → l/],
  ['t1dewell.example', 'lookalike', /1 → i/],
  ['tid3well.example', 'lookalike', /3 → e/],
  ['@tidewell_announcernents', 'lookalike', /rn → m/],
  ['tіdewell.example', 'lookalike', /another alphabet \(і → i\)/],
  ['xn--tdewell-rog.example', 'lookalike', /encoded international name \(xn--tdewell-rog\)/],
  ['@tidewell_support_help', 'lookalike', /adds words/],
  ['"Tidewell Support" <tidewell.helpdesk@gmail.com>', 'lookalike', /name it shows \(Tidewell Support\)/],
  ['https://tidewell.example@login-check.io/', 'lookalike', /really goes to login-check\.io/],
  ['https://instagram.com/tidewell', 'lookalike', /only on X, Telegram/],
  ['+1 555 0109', 'lookalike', /one digit/],
  ['example.org', 'unknown', /does not match anything/],
  ['@cryptohelpdesk', 'unknown', /does not match anything/],
];

test(`the checker says official, look-alike or not on the list for ${CASES.length} inputs, and why`, async () => {
  const page = await openPage(site.browser, { viewport: { width: 360, height: 800 } });
  await page.goto(`${site.server.url}/en/verify/`);
  const input = page.locator('[data-verify-input]');
  await input.waitFor({ state: 'visible' });
  const result = page.locator('[data-verify-result]');
  for (const [value, verdict, why] of CASES) {
    await result.evaluate((box) => {
      box.replaceChildren();
      delete box.dataset.verdict;
    });
    await input.fill(value);
    await input.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-verify-result]').dataset.verdict);
    assert.equal(await result.getAttribute('data-verdict'), verdict, value);
    const text = await result.innerText();
    assert.match(text, why, `${value}: ${text}`);
    assert.doesNotMatch(text, /\bsafe\b/i, value);
  }
  assert.equal(await result.getAttribute('aria-live'), 'polite');
  // The box looks like a search box but is not one: what a reader checks is never sent to search suggestions.
  assert.equal(await input.getAttribute('role'), null, 'the checker box became a search combobox');
  assert.equal(await page.locator('.verify-form .search-popup').count(), 0, 'search suggestions under the checker box');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scrolling at 360 px');
  page.assertClean();
  await page.context().close();
});

test('the verdict is in the reader\'s language', async () => {
  const page = await openPage(site.browser);
  await page.goto(`${site.server.url}/zh-CN/verify/?check=${encodeURIComponent('tidewell.example.help-desk.io')}`);
  const result = page.locator('[data-verify-result]');
  await page.waitForFunction(() => document.querySelector('[data-verify-result]').dataset.verdict);
  assert.equal(await result.getAttribute('data-verdict'), 'lookalike');
  assert.match(await result.innerText(), /警告：tidewell\.example\.help-desk\.io 不是我们的渠道[\s\S]*真正的网站是 help-desk\.io/);
  page.assertClean();
  await page.context().close();
});

test('without JavaScript the page shows the official list itself', async () => {
  const page = await openPage(site.browser, { javaScriptEnabled: false });
  await page.goto(`${site.server.url}/en/verify/`);
  assert.equal(await page.locator('[data-verify]').isVisible(), false);
  const items = await page.locator('.official-items li').allInnerTexts();
  assert.ok(items.includes('tidewell.example'));
  assert.ok(items.includes('any address ending in @tidewell.example'));
  assert.ok(items.includes('Telegram: @tidewell_cn'));
  assert.ok(items.includes('+1 555 0100'));
  await page.context().close();
});
