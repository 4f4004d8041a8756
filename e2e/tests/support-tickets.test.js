// Ticket links and the contact page's assistant in a real browser: every link's target decodes back to the
// subject and description a support agent needs, with and without JavaScript, in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from '../lib/browser.js';
import { useSite } from '../lib/fixture.js';

const site = useSite();

/** The subject and description a Zendesk link prefills, decoded by the browser's own URL parser. */
async function prefill(link) {
  return link.evaluate((a) => {
    const url = new URL(a.href);
    return { host: url.host, path: url.pathname, subject: url.searchParams.get('tf_subject'), description: url.searchParams.get('tf_description'), length: a.href.length };
  });
}

test('an article\'s ticket link opens Zendesk with the article, the checklist as blanks and the reader\'s language', async () => {
  const page = await openPage(site.browser);
  await page.goto(`${site.server.url}/en/deposits-withdrawals/crypto/withdrawal-pending/`);
  const link = page.locator('.still-need-help a[data-ticket-link="withdrawals"]');
  assert.equal(await link.textContent(), 'Submit a ticket');
  const t = await prefill(link);
  assert.equal(t.host, 'tidewell.zendesk.com');
  assert.equal(t.path, '/hc/en-us/requests/new');
  assert.equal(t.subject, 'Withdrawals: Why is my withdrawal pending?');
  assert.equal(t.description, [
    'Problem:',
    '',
    'Your UID:',
    'Coin and network:',
    'Amount:',
    'Withdrawal ID or TxID:',
    'Destination address (and memo):',
    'Date and time, with time zone:',
    'Screenshot of the record: attach it to the ticket',
    '',
    'Help article: https://help.tidewell.example/en/deposits-withdrawals/crypto/withdrawal-pending/',
    'Language: English (en)',
  ].join('\n'));
  assert.deepEqual(await page.locator('.still-need-help .ticket-checklist label').allInnerTexts(), [
    'Your UID\n8 digits, under Profile', 'Coin and network\nfor example USDT on Tron (TRC20)', 'Amount', 'Withdrawal ID or TxID',
    'Destination address (and memo)', 'Date and time, with time zone\nfor example 2026-10-14 09:32 UTC+1', 'Screenshot of the record screenshot or file',
  ]);
  page.assertClean();
  await page.context().close();
});

test('every article and section page ends with a working ticket link', async () => {
  const page = await openPage(site.browser);
  for (const path of ['/en/account/account-frozen/', '/zh-CN/deposits-withdrawals/crypto/deposit-not-credited/', '/en/getting-started/', '/zh-CN/announcements/']) {
    await page.goto(`${site.server.url}${path}`);
    const link = page.locator('.still-need-help .ticket-action a[data-ticket-link]');
    assert.equal(await link.count(), 1, path);
    const t = await prefill(link);
    assert.match(t.subject, /\S/, path);
    assert.match(t.description, new RegExp(`\\(${path.split('/')[1]}\\)$`), path);
    assert.ok(t.length <= 2000, path);
  }
  page.assertClean();
  await page.context().close();
});

test('Chinese readers get a Chinese ticket at Zendesk\'s zh-cn form', async () => {
  const page = await openPage(site.browser);
  await page.goto(`${site.server.url}/zh-CN/deposits-withdrawals/crypto/withdrawal-pending/`);
  const t = await prefill(page.locator('.still-need-help .ticket-action a[data-ticket-link]'));
  assert.equal(t.path, '/hc/zh-cn/requests/new');
  assert.match(t.subject, /^提币：/);
  assert.match(t.description, /^问题：\n\n您的 UID：\n币种和网络：/);
  assert.match(t.description, /\n帮助文章：https:\/\/help\.tidewell\.example\/zh-CN\/deposits-withdrawals\/crypto\/withdrawal-pending\/\n语言：简体中文 \(zh-CN\)$/);
  page.assertClean();
  await page.context().close();
});

for (const [locale, topic, typed, subject] of [
  ['en', 'Withdrawals', 'USDT withdrawal #42 stuck & 50% fee + "pending"', 'Withdrawals: USDT withdrawal #42 stuck & 50% fee + "pending"'],
  ['zh-CN', '提币', '提币 #42 一直审核中 & 手续费 50% + 没到账', '提币：提币 #42 一直审核中 & 手续费 50% + 没到账'],
]) {
  test(`the assistant (${locale}) builds the ticket from the reader's words`, async () => {
    const page = await openPage(site.browser, { viewport: { width: 360, height: 800 } });
    await page.goto(`${site.server.url}/${locale}/contact/`);
    await page.locator('[data-assistant]').waitFor({ state: 'visible' });
    assert.equal(await page.locator('[data-assistant-fallback]').isVisible(), false);
    await page.locator('label.topic').filter({ has: page.locator('input[value="withdrawals"]') }).click();
    assert.equal(await page.locator('[data-details-for="withdrawals"]').isVisible(), true);
    assert.equal(await page.locator('[data-details-for="deposits"]').isVisible(), false);
    assert.ok(await page.locator('[data-details-for="withdrawals"] label').count() >= 6);
    await page.locator('[data-describe]').fill(typed);
    const t = await prefill(page.locator('[data-submit]'));
    assert.equal(t.subject, subject);
    const problem = locale === 'en' ? 'Problem: ' : '问题：';
    assert.ok(t.description.startsWith(`${problem}${typed}\n\n`), t.description);
    assert.match(t.description, locale === 'en' ? /\nLanguage: English \(en\)$/ : /\n语言：简体中文 \(zh-CN\)$/);
    assert.equal(await page.locator('[data-topic], label.topic').first().isVisible(), true);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scrolling at 360 px');
    page.assertClean();
    await page.context().close();
  });
}

test('an over-long description is shortened cleanly to fit the URL limit', async () => {
  const page = await openPage(site.browser);
  await page.goto(`${site.server.url}/zh-CN/contact/?topic=deposits`);
  await page.locator('[data-describe]').waitFor({ state: 'visible' });
  const typed = '充值没有到账，TxID 0x12ab… 已经确认 & 金额 100% 正确 + 🚀'.repeat(8);
  await page.locator('[data-describe]').fill(typed);
  const t = await prefill(page.locator('[data-submit]'));
  assert.ok(t.length <= 2000, `URL is ${t.length} characters`);
  assert.ok(t.description.startsWith('问题：充值没有到账'), t.description.slice(0, 40));
  assert.match(t.description, /…\n\n您的 UID：/);
  assert.ok(!t.description.includes('\uFFFD'));
  page.assertClean();
  await page.context().close();
});

test('without JavaScript the contact page lists every topic with its link, and articles keep "Still need help?"', async () => {
  const page = await openPage(site.browser, { javaScriptEnabled: false });
  await page.goto(`${site.server.url}/en/contact/`);
  assert.equal(await page.locator('[data-assistant]').isVisible(), false);
  const topics = page.locator('[data-assistant-fallback] .ticket-topic');
  assert.equal(await topics.count(), 9);
  const t = await prefill(page.locator('#topic-p2p a[data-ticket-link]'));
  assert.equal(t.subject, 'P2P trading');
  assert.match(t.description, /P2P order number:/);
  assert.equal(await page.locator('table.channels caption').textContent(), 'Contact channels, fastest first');
  assert.deepEqual(await page.locator('table.channels tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.channel)),
    ['chat', 'callback', 'ticket', 'email', 'telegram-en', 'x']);
  assert.equal(await page.locator('body > aside.emergency-banner').isVisible(), true);
  await page.goto(`${site.server.url}/en/deposits-withdrawals/crypto/withdrawal-pending/`);
  assert.equal(await page.locator('[data-feedback]').isVisible(), false);
  assert.equal(await page.locator('.still-need-help .ticket-action a[data-ticket-link]').isVisible(), true);
  await page.context().close();
});

test('the emergency banner fills the search results slot for trigger words in either language', async () => {
  const page = await openPage(site.browser);
  await page.goto(`${site.server.url}/en/search/`);
  await page.waitForLoadState('load');
  const shown = (query) => page.evaluate(async (q) => {
    const container = document.createElement('div');
    container.innerHTML = '<div data-search-banner></div><ol></ol>';
    document.querySelector('main').append(container);
    document.dispatchEvent(new CustomEvent('pharos:search', { detail: { query: q, lang: 'en', results: [], container } }));
    const slot = container.querySelector('[data-search-banner]');
    const visible = !!slot.querySelector('.emergency-banner') && slot.querySelector('.emergency-banner').getBoundingClientRect().height > 0;
    container.remove();
    return visible;
  }, query);
  await page.waitForFunction(() => document.getElementById('pharos-emergency'));
  assert.equal(await shown('my account was HACKED'), true);
  assert.equal(await shown('ｓｔｏｌｅｎ funds'), true); // full-width forms
  assert.equal(await shown('我的账户被盗了'), true);
  assert.equal(await shown('账户冻结怎么办'), true);
  assert.equal(await shown('deposit not credited'), false);
  page.assertClean();
  await page.context().close();
});

test('typing an emergency into the assistant shows the freeze banner', async () => {
  const page = await openPage(site.browser);
  await page.goto(`${site.server.url}/en/contact/?topic=security`);
  await page.locator('[data-describe]').waitFor({ state: 'visible' });
  await page.locator('[data-describe]').fill('someone logged in and my account was hacked');
  const banner = page.locator('[data-emergency-slot] .emergency-banner');
  assert.equal(await banner.isVisible(), true);
  assert.equal(await banner.locator('a.button-danger').getAttribute('href'), 'https://www.tidewell.example/en/account/freeze');
  await page.locator('[data-describe]').fill('fees are too high');
  assert.equal(await banner.count(), 0);
  page.assertClean();
  await page.context().close();
});

test('the assistant shows what window.pharos.search returns, keeping only text and <mark> from excerpts', async () => {
  const page = await openPage(site.browser);
  // The search engine is replaced by one with the same contract and results chosen here (hostile HTML, a slow
  // answer); window.pharos.search and everything between it and the assistant are the site's own.
  await page.route('**/js/search/client.js', (route) => route.fulfill({
    contentType: 'text/javascript',
    body: `export async function search(query, { lang, limit }) {
      window.searchCalls = [...(window.searchCalls ?? []), { query, lang, limit }];
      if (query.includes('slow')) await new Promise((r) => setTimeout(r, 600));
      return [
        { url: '/en/deposits-withdrawals/crypto/withdrawal-pending/', title: 'Result for ' + query, excerpt: 'Your <mark>withdrawal</mark> <img src=x onerror="window.pwned=1">is <b>pending</b>', section: 'Crypto' },
      ];
    }
    export function warm() {}`,
  }));
  await page.goto(`${site.server.url}/en/contact/?topic=withdrawals`);
  await page.locator('[data-describe]').fill('a slow query');
  await page.locator('[data-describe]').fill('withdrawal pending');
  const item = page.locator('[data-suggestion-list] li');
  await item.first().waitFor({ state: 'visible' });
  await page.waitForTimeout(800); // the slow, older answer arrives last and must not replace the newer one
  assert.equal(await item.count(), 1);
  assert.equal(await item.locator('a').innerText(), 'Result for withdrawal pending');
  assert.equal(await item.locator('p').innerHTML(), 'Your <mark>withdrawal</mark> is pending');
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.deepEqual((await page.evaluate(() => window.searchCalls)).at(-1), { query: 'withdrawal pending', lang: 'en', limit: 5 });
  page.assertClean();
  await page.context().close();
});
