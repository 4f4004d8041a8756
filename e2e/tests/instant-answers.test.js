// Instant answers in a real browser: the sample help center behind nginx (with its Content-Security-Policy),
// Debian's Chromium. A question typed in the search box shows its FAQ answer above the results, with a link to the
// entry; a vague query shows none; the results page and the ticket assistant show it too; axe stays clean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from '../lib/browser.js';
import { useSite } from '../lib/fixture.js';
import { axeViolations } from '../lib/axe.js';

const site = useSite();

const CASES = [
  {
    locale: 'en', query: 'I forgot the memo', question: 'I forgot the memo or tag. Is my money lost?',
    text: /^No\. Go to Assets > Deposit, pick the coin/, label: 'Answer', more: 'Read more',
    url: '/en/deposits-withdrawals/faq/#i-forgot-the-memo-or-tag-is-my-money-lost', topic: 'deposits',
  },
  {
    locale: 'zh-CN', query: '应该选哪个网络', question: '应该选哪个网络？', text: /TRC20/, label: '答案', more: '查看全文',
    url: `/zh-CN/deposits-withdrawals/faq/#${encodeURIComponent('应该选哪个网络')}`, topic: 'deposits',
    assistantTitle: '提交之前：这能解答您的问题吗？',
  },
];
CASES[0].assistantTitle = 'Before you submit: does this answer it?';

/** Types like a reader into a search box and waits until the drop-down shows the results of the whole text. */
async function typeIn(page, selector, text) {
  await page.locator(selector).click();
  await page.evaluate(() => {
    document.addEventListener('pharos:search', (e) => { window.__shown = e.detail.query; });
  });
  await page.keyboard.type(text, { delay: 20 });
  await page.waitForFunction((s) => window.__shown === document.querySelector(s).value, selector);
}

async function checkBox(box, c) {
  assert.equal(await box.isVisible(), true);
  assert.equal(await box.locator('.search-answer-question').innerText(), c.question);
  assert.match(await box.locator('.search-answer-text').innerText(), c.text);
  const more = box.locator('a.search-answer-more');
  assert.equal(await more.innerText(), c.more);
  assert.equal(await more.getAttribute('href'), c.url);
}

for (const c of CASES) {
  test(`${c.locale}: a FAQ question typed in the search box shows its answer, and "${c.more}" opens the entry`, async () => {
    const page = await openPage(site.browser);
    await page.goto(`${site.server.url}/${c.locale}/`);
    await typeIn(page, '#hero-q', c.query);
    const popup = page.locator('.search-popup:not([hidden])');
    const box = popup.locator('.search-answer');
    await checkBox(box, c);
    // A region named by its label, above the list, announced with the count.
    const labelId = await box.getAttribute('aria-labelledby');
    assert.equal(await page.locator(`#${labelId}`).textContent(), c.label);
    assert.equal(await box.evaluate((el) => Boolean(el.compareDocumentPosition(el.parentElement.querySelector('[role=listbox]'))
      & Node.DOCUMENT_POSITION_FOLLOWING)), true, 'the box comes before the list');
    // The live region says an answer is shown, with the count.
    const status = page.locator('.search-form:has(#hero-q) [role=status]');
    await page.waitForFunction(() => /\d/.test(document.querySelector('.search-form:has(#hero-q) [role=status]')?.textContent || ''));
    assert.match(await status.textContent(), c.locale === 'en' ? /^An answer is shown above the results\. \d+ results?$/ : /^结果上方显示了一条答案。\s?\d+ 条结果$/);
    assert.deepEqual(await axeViolations(page), []);
    await page.assertClean();
    // Read more: the FAQ page, scrolled to the question, its answer readable.
    await box.locator('a.search-answer-more').click();
    await page.waitForURL((u) => u.pathname + u.hash === c.url);
    const entry = page.locator(`details.faq-item[id="${decodeURIComponent(c.url.split('#')[1])}"]`);
    assert.equal(await entry.locator('.faq-question').innerText(), c.question);
    assert.equal(await entry.evaluate((el) => el.open), true, 'the entry is open at the link');
    assert.equal(await entry.locator('.faq-answer').isVisible(), true);
    await page.assertClean();
    await page.context().close();
  });
}

test('the drop-down with an answer on a 360 px phone in dark mode: readable, fits, axe finds nothing', async () => {
  const page = await openPage(site.browser, { colorScheme: 'dark', viewport: { width: 360, height: 800 } });
  await page.goto(`${site.server.url}/zh-CN/`);
  await typeIn(page, '#hero-q', '银行提现要多久');
  const box = page.locator('.search-popup:not([hidden]) .search-answer');
  assert.equal(await box.locator('.search-answer-question').innerText(), '银行提现要多久？');
  const { right } = await box.evaluate((el) => el.getBoundingClientRect().toJSON());
  assert.ok(right <= 360, `the box ends at ${right} px`);
  assert.deepEqual(await axeViolations(page), []);
  await page.assertClean();
  await page.context().close();
});

test('a vague query shows no answer box; the box comes and goes as the query changes', async () => {
  const page = await openPage(site.browser);
  await page.goto(`${site.server.url}/en/`);
  await typeIn(page, '#hero-q', 'memo');
  const popup = page.locator('.search-popup:not([hidden])');
  await popup.locator('[role=option]').first().waitFor();
  assert.equal(await popup.locator('.search-answer').count(), 0);
  await typeIn(page, '#hero-q', ' forgot');
  assert.equal(await popup.locator('.search-answer').count(), 1);
  await page.locator('#hero-q').fill('');
  await typeIn(page, '#hero-q', 'withdrawal');
  await popup.locator('[role=option]').first().waitFor();
  assert.equal(await page.locator('.search-answer').count(), 0);
  await page.assertClean();
  await page.context().close();
});

for (const c of CASES) {
  test(`${c.locale}: the full results page shows the answer above the list`, async () => {
    for (const colorScheme of ['light', 'dark']) {
      const page = await openPage(site.browser, { colorScheme });
      await page.goto(`${site.server.url}/${c.locale}/search/?q=${encodeURIComponent(c.query)}`);
      const box = page.locator('[data-search-results] .search-answer');
      await box.waitFor({ state: 'visible', timeout: 10000 });
      await checkBox(box, c);
      assert.ok(await page.locator('[data-search-results] .search-result').count() > 0);
      assert.deepEqual(await axeViolations(page), [], colorScheme);
      // The index data is text: no element came from it.
      assert.equal(await box.locator('.search-answer-text *').count(), 0);
      await page.assertClean();
      await page.context().close();
    }
  });

  test(`${c.locale}: the ticket assistant asks "does this answer it?" before the ticket`, async () => {
    const page = await openPage(site.browser);
    await page.goto(`${site.server.url}/${c.locale}/contact/?topic=${c.topic}`);
    await page.waitForFunction(() => typeof window.pharos?.search === 'function', null, { timeout: 10000 });
    await page.locator('[data-describe]').fill(c.query);
    const box = page.locator('[data-answer-box]');
    await box.waitFor({ state: 'visible', timeout: 10000 });
    assert.equal(await box.locator('h3').textContent(), c.assistantTitle);
    await checkBox(box, c);
    assert.deepEqual(await axeViolations(page), []);
    // A description that no question matches hides it again.
    await page.locator('[data-describe]').fill(c.locale === 'en' ? 'fees' : '手续费');
    await box.waitFor({ state: 'hidden', timeout: 10000 });
    await page.assertClean();
    await page.context().close();
  });
}
