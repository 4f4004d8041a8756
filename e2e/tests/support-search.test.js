// The parts of support that use the search module: the contact assistant's "these may already answer it" and the
// emergency banner above real search results.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from '../lib/browser.js';
import { useSite } from '../lib/fixture.js';

const site = useSite();

/** Every page with a search box exposes window.pharos.search; a page without it fails here. */
async function searchReady(page) {
  await page.waitForFunction(() => typeof window.pharos?.search === 'function', null, { timeout: 10000 });
}

for (const [locale, topic, typed, expected] of [
  ['en', 'withdrawals', 'my withdrawal is still pending', '/en/deposits-withdrawals/crypto/withdrawal-pending/'],
  ['en', 'deposits', 'deposit not credited', '/en/deposits-withdrawals/crypto/deposit-not-credited/'],
  ['zh-CN', 'withdrawals', '提币还在处理中', '/zh-CN/deposits-withdrawals/crypto/withdrawal-pending/'],
  ['zh-CN', 'deposits', '充值没有到账', '/zh-CN/deposits-withdrawals/crypto/deposit-not-credited/'],
]) {
  test(`the assistant suggests the right article (${locale}: ${typed})`, async () => {
    const page = await openPage(site.browser);
    await page.goto(`${site.server.url}/${locale}/contact/?topic=${topic}`);
    await searchReady(page);
    await page.locator('[data-describe]').fill(typed);
    const suggestion = page.locator(`[data-suggestion-list] a[href^="${expected}"]`);
    await suggestion.first().waitFor({ state: 'visible', timeout: 10000 });
    assert.equal(await page.locator('[data-suggestions-box] .suggestions-title').isVisible(), true);
    const excerpts = await page.locator('[data-suggestion-list] li p').evaluateAll((ps) => ps.map((p) => p.innerHTML));
    assert.ok(excerpts.length > 0, 'suggestions show excerpts');
    for (const excerpt of excerpts) assert.doesNotMatch(excerpt, /<(?!\/?mark>)/, 'excerpts keep nothing but text and <mark>');
    page.assertClean();
    await page.context().close();
  });
}

for (const [locale, query] of [['en', 'account hacked'], ['zh-CN', '账户被盗']]) {
  test(`search results for "${query}" start with the emergency banner`, async () => {
    const page = await openPage(site.browser);
    await page.goto(`${site.server.url}/${locale}/search/?q=${encodeURIComponent(query)}`);
    await searchReady(page);
    const banner = page.locator('[data-search-banner] .emergency-banner');
    await banner.waitFor({ state: 'visible', timeout: 10000 });
    assert.match(await banner.innerText(), locale === 'en' ? /Freeze it now/ : /立即冻结/);
    await page.goto(`${site.server.url}/${locale}/search/?q=${encodeURIComponent(locale === 'en' ? 'deposit' : '充值')}`);
    await page.locator('[data-search-banner]').first().waitFor({ state: 'attached', timeout: 10000 });
    assert.equal(await banner.count(), 0);
    page.assertClean();
    await page.context().close();
  });
}
