// Error codes from the app: /<locale>/go/<CODE>/ lands on the article or FAQ answer that explains the code, with or
// without JavaScript (a meta refresh); /go/<CODE>/ picks the reader's language like the root page; a code the help
// center does not know lands on the search page with the code as the query, through the 404 page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from '../lib/browser.js';
import { useSite } from '../lib/fixture.js';
import { axeViolations } from '../lib/axe.js';

const site = useSite();
// Codes of the sample site (content/*/…): a FAQ answer and a whole article.
const FAQ_CODE = 'WD-1023';
const FAQ = { en: '/en/deposits-withdrawals/faq/', 'zh-CN': '/zh-CN/deposits-withdrawals/faq/' };
const ARTICLE_CODE = 'KY-4001';
const ARTICLE = { en: '/en/account/verify-identity/', 'zh-CN': '/zh-CN/account/verify-identity/' };

const path = (page) => new URL(page.url()).pathname;

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? '' : ' (JavaScript disabled)';

  test(`/<locale>/go/<code>/ lands on the FAQ answer and the article in both languages${mode}`, async () => {
    const page = await openPage(site.browser, { javaScriptEnabled });
    for (const locale of ['en', 'zh-CN']) {
      await page.goto(`${site.server.url}/${locale}/go/${FAQ_CODE}/`);
      await page.waitForURL(`**${FAQ[locale]}#withdrawal-limit`);
      assert.equal(await page.locator('html').getAttribute('lang'), locale);
      const answer = page.locator('details.faq-item#withdrawal-limit');
      assert.match(await answer.locator('summary').textContent(), locale === 'en' ? /withdrawal limit/ : /提币限额/);
      // With JavaScript the theme opens the answer the link points to; without, the reader opens it.
      if (!javaScriptEnabled) await answer.locator('summary').click();
      await answer.locator('.faq-answer').waitFor({ state: 'visible' });

      await page.goto(`${site.server.url}/${locale}/go/${ARTICLE_CODE}/`);
      await page.waitForURL(`**${ARTICLE[locale]}`);
      assert.equal(path(page), ARTICLE[locale]);
      assert.match(await page.locator('h1').textContent(), locale === 'en' ? /Verify your identity/ : /身份/);
    }
    await page.assertClean();
    await page.context().close();
  });
}

test('/go/<code>/ sends readers to their language: the browser\'s, or the one they chose before', async () => {
  const page = await openPage(site.browser);
  await page.goto(`${site.server.url}/go/${FAQ_CODE}/`);
  await page.waitForURL(`**${FAQ.en}#withdrawal-limit`);
  await page.assertClean();
  await page.context().close();

  const chinese = await openPage(site.browser, {
    storageState: { cookies: [], origins: [{ origin: site.server.url, localStorage: [{ name: 'pharos.lang', value: 'zh-CN' }] }] },
  });
  await chinese.goto(`${site.server.url}/go/${ARTICLE_CODE}/`);
  await chinese.waitForURL(`**${ARTICLE['zh-CN']}`);
  assert.equal(await chinese.locator('html').getAttribute('lang'), 'zh-CN');
  await chinese.assertClean();
  await chinese.context().close();
});

test('/go/<code>/ without JavaScript lists the code\'s page in every language', async () => {
  const page = await openPage(site.browser, { javaScriptEnabled: false });
  await page.goto(`${site.server.url}/go/${FAQ_CODE}/`);
  assert.equal(await page.locator('h1').textContent(), FAQ_CODE);
  const links = page.locator('a[data-lang-choice]');
  assert.equal(await links.count(), 2);
  await links.filter({ hasText: '提币限额' }).click();
  await page.waitForURL(`**${FAQ['zh-CN']}#withdrawal-limit`);
  await page.context().close();
});

test('an unknown code lands on the search page with the code as the query', async () => {
  // Not asserted clean: Chromium logs the 404 response of the code link itself as a console error.
  const page = await openPage(site.browser);
  const response = await page.goto(`${site.server.url}/en/go/NOPE-123/`);
  assert.equal(response.status(), 404);
  await page.waitForURL('**/en/search/?q=NOPE-123');
  // The search page fills its box from ?q= and runs the search.
  await page.waitForFunction(() => document.querySelector('main input[name="q"]')?.value === 'NOPE-123');
  // The search ran: it found nothing for a code no article has, and says so.
  await page.locator('#search-results', { hasText: 'NOPE-123' }).waitFor();
  assert.deepEqual(await axeViolations(page), []);

  // A code typed in lower case finds its page (links are published in upper case).
  await page.goto(`${site.server.url}/zh-CN/go/${ARTICLE_CODE.toLowerCase()}/`);
  await page.waitForURL(`**${ARTICLE['zh-CN']}`);
  // No language in the link: the reader's.
  await page.goto(`${site.server.url}/go/NOPE-123/`);
  await page.waitForURL('**/en/search/?q=NOPE-123');
  await page.context().close();
});

test('without JavaScript an unknown code shows the 404 page with a search box and a hint', async () => {
  const page = await openPage(site.browser, { javaScriptEnabled: false });
  const response = await page.goto(`${site.server.url}/en/go/NOPE-123/`);
  assert.equal(response.status(), 404);
  assert.equal(await page.locator('[data-code-search]').isVisible(), false);
  assert.match(await page.locator('main').textContent(), /error code/);
  await page.locator('main input[name="q"]').fill('NOPE-123');
  await page.locator('main button[type="submit"]').click();
  await page.waitForURL('**/en/search/?q=NOPE-123');
  await page.context().close();
});

test('axe: the /go/<code>/ language list, light and dark', async () => {
  const failures = [];
  for (const colorScheme of ['light', 'dark']) {
    // Keep the page in place (an empty redirect module) to check it, as a11y.test.js does for the root page.
    const page = await openPage(site.browser, { colorScheme, viewport: { width: 360, height: 800 } });
    await page.route('**/language-redirect.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
    await page.goto(`${site.server.url}/go/${FAQ_CODE}/`);
    for (const v of await axeViolations(page)) failures.push(`${colorScheme}: ${v}`);
    await page.context().close();
  }
  assert.deepEqual(failures, []);
});
