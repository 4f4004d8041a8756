// Accessibility: axe-core in every kind of page, in every locale, in light and dark, at phone and laptop widths:
// no serious or critical violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPage } from '../lib/browser.js';
import { useSite } from '../lib/fixture.js';
import { representativePages, pagesByKind, siteDir } from '../lib/site.js';
import { axeViolations } from '../lib/axe.js';

const site = useSite();
const pages = representativePages();

// Light on a phone and dark on a laptop: both schemes, both layouts, at half the cost of every combination.
for (const [colorScheme, width] of [['light', 360], ['dark', 1280]]) {
  test(`axe: every kind of page, every locale, ${colorScheme}, ${width} px`, async () => {
    const page = await openPage(site.browser, { colorScheme, viewport: { width, height: 800 } });
    const failures = [];
    for (const { kind, locale, path } of pages) {
      await page.goto(`${site.server.url}${path}`);
      for (const v of await axeViolations(page)) failures.push(`${kind} ${locale} ${path}: ${v}`);
    }
    assert.deepEqual(failures, []);
    await page.assertClean();
    await page.context().close();
  });
}

test('axe: open menus, an open FAQ answer and the language chooser', async () => {
  const failures = [];
  for (const colorScheme of ['light', 'dark']) {
    const page = await openPage(site.browser, { colorScheme, viewport: { width: 360, height: 800 } });
    await page.goto(`${site.server.url}/en/`);
    await page.locator('.topics-menu summary').click();
    for (const v of await axeViolations(page)) failures.push(`${colorScheme} topics menu: ${v}`);
    await page.locator('.language-menu summary').click();
    for (const v of await axeViolations(page)) failures.push(`${colorScheme} language menu: ${v}`);
    const faq = pages.find((p) => p.kind === 'faq');
    if (faq) {
      await page.goto(`${site.server.url}${faq.path}`);
      await page.locator('details.faq-item summary').first().click();
      for (const v of await axeViolations(page)) failures.push(`${colorScheme} open FAQ: ${v}`);
    }
    await page.context().close();
    // The root page sends readers on to their language; keep it in place (an empty redirect module) to check it.
    const root = await openPage(site.browser, { colorScheme });
    await root.route('**/language-redirect.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
    await root.goto(`${site.server.url}/`);
    assert.equal(await root.evaluate(() => document.body.className), 'kind-root');
    for (const v of await axeViolations(root)) failures.push(`${colorScheme} root: ${v}`);
    await root.context().close();
  }
  assert.deepEqual(failures, []);
});

/** Types into a search box like a reader and waits until the drop-down shows the results of the whole text. */
async function typeIn(page, selector, text) {
  await page.locator(selector).click();
  await page.evaluate(() => {
    document.addEventListener('pharos:search', (e) => { window.__shown = e.detail.query; });
  });
  await page.keyboard.type(text, { delay: 20 });
  await page.waitForFunction((s) => window.__shown === document.querySelector(s).value, selector);
}

test('axe: the search drop-down open, with an instant answer, a highlighted option and results from English', async () => {
  const failures = [];
  for (const [colorScheme, width] of [['light', 360], ['dark', 360], ['dark', 1280]]) {
    const page = await openPage(site.browser, { colorScheme, viewport: { width, height: 800 } });
    const popup = page.locator('.search-popup:not([hidden])');
    const where = `${colorScheme} ${width} px`;
    // The home page's big box: results with the answer above them, then an option highlighted by the arrow key.
    await page.goto(`${site.server.url}/en/`);
    await typeIn(page, '#hero-q', 'I forgot the memo');
    await popup.locator('.search-answer').waitFor();
    assert.ok(await popup.locator('[role=option]').count() > 0, where);
    for (const v of await axeViolations(page)) failures.push(`${where} drop-down with answer: ${v}`);
    await page.keyboard.press('ArrowDown');
    assert.ok(await page.locator('#hero-q').getAttribute('aria-activedescendant'), where);
    for (const v of await axeViolations(page)) failures.push(`${where} highlighted option: ${v}`);
    // The header box of a Chinese page, with the English results the reader asked for in a group of their own.
    await page.goto(`${site.server.url}/zh-CN/account/`);
    await typeIn(page, '#header-q', 'TWL');
    await popup.locator('.search-also').click();
    await popup.locator('[role=group] [role=option][lang=en]').first().waitFor();
    // Named by its visible label, which is read once (as the name), not again between the options.
    assert.equal(await popup.getByRole('group', { name: /English/ }).count(), 1, where);
    assert.equal(await popup.getByText(/English/).filter({ visible: true }).evaluateAll((els) => els.filter((e) => !e.closest('[aria-hidden=true]')).length), 0, where);
    for (const v of await axeViolations(page)) failures.push(`${where} drop-down with English results: ${v}`);
    await page.assertClean();
    await page.context().close();
  }
  assert.deepEqual(failures, []);
});

test('an untranslated article is marked in its own language, the interface around it in the reader\'s (WCAG 3.1.2)', async () => {
  const fallback = [...pagesByKind().get('article').values()].flat()
    .find((p) => readFileSync(join(siteDir(), p.path, 'index.html'), 'utf8').includes('notice-fallback'));
  assert.ok(fallback, 'the sample leaves articles untranslated on purpose (zh-CN/api/websocket-streams/)');
  const page = await openPage(site.browser);
  await page.goto(`${site.server.url}${fallback.path}`);
  const pageLang = await page.locator('html').getAttribute('lang');
  const langOf = (selector) => page.locator(selector).first().evaluate((el) => el.closest('[lang]').getAttribute('lang'));
  const contentLang = await langOf('.prose');
  assert.notEqual(contentLang, pageLang);
  assert.equal(await langOf('h1'), contentLang);
  for (const ui of ['.notice-fallback', '.meta', '.breadcrumbs', '.toc-title', '.site-header']) {
    if (await page.locator(ui).count()) assert.equal(await langOf(ui), pageLang, ui);
  }
  await page.assertClean();
  await page.context().close();
});
