// Accessibility: axe-core in every kind of page, in every locale, in light and dark, at phone and laptop widths:
// no serious or critical violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from '../lib/browser.js';
import { useSite } from '../lib/fixture.js';
import { representativePages } from '../lib/site.js';
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
