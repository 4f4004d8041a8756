// Phone first: nothing scrolls sideways at 360 px, menus stay on screen, focus is visible, the skip link works,
// and printing leaves only the answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, horizontalOverflow } from '../lib/browser.js';
import { useSite } from '../lib/fixture.js';
import { representativePages, pagesByKind } from '../lib/site.js';

const site = useSite();
const pages = representativePages();

test('no page of the site scrolls sideways at 360 px, and whatever scrolls inside it takes keyboard focus', async () => {
  const page = await openPage(site.browser, { viewport: { width: 360, height: 800 } });
  const all = [...pagesByKind().values()].flatMap((byLocale) => [...byLocale.values()].flat()).map((p) => p.path).sort();
  assert.ok(all.length > 100, `${all.length} pages`);
  const problems = [];
  for (const path of all) {
    await page.goto(`${site.server.url}${path}`);
    const overflow = await horizontalOverflow(page);
    if (overflow > 0) problems.push(`${path}: ${overflow} px wider than the screen`);
    const unreachable = await page.evaluate(() => [...document.querySelectorAll('main *')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1 && /auto|scroll/.test(getComputedStyle(el).overflowX))
      .filter((el) => el.tabIndex < 0 && !el.querySelector('a[href], button, input, [tabindex]'))
      .map((el) => el.tagName.toLowerCase()));
    if (unreachable.length) problems.push(`${path}: scrolls sideways without keyboard access: ${unreachable.join(', ')}`);
  }
  assert.deepEqual(problems, []);
  await page.assertClean();
  await page.context().close();
});

test('no kind of page scrolls sideways at 1280 px, in any locale', async () => {
  const page = await openPage(site.browser, { viewport: { width: 1280, height: 800 } });
  for (const { kind, locale, path } of pages) {
    await page.goto(`${site.server.url}${path}`);
    assert.equal(await horizontalOverflow(page), 0, `${kind} ${locale} ${path} at 1280 px`);
  }
  await page.assertClean();
  await page.context().close();
});

test('at 360 px the header fits on screen and its menus open inside the viewport', async () => {
  const page = await openPage(site.browser, { viewport: { width: 360, height: 740 } });
  for (const locale of ['en', 'zh-CN']) {
    await page.goto(`${site.server.url}/${locale}/deposits-withdrawals/crypto/deposit-not-credited/`);
    await page.locator('.theme-toggle').waitFor({ state: 'visible' });
    for (const selector of ['.brand', '.topics-menu summary', '.language-menu summary', '.theme-toggle', '.header-search .search-input']) {
      const box = await page.locator(selector).boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= 360, `${locale}: ${selector} is on screen (${JSON.stringify(box)})`);
      assert.ok(box.height >= 44 || selector === '.brand', `${locale}: ${selector} is at least 44 px tall`);
    }
    for (const menu of ['.topics-menu', '.language-menu']) {
      await page.locator(`${menu} summary`).click();
      const box = await page.locator(`${menu} .menu-list`).boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= 360, `${locale}: ${menu} opens on screen (${JSON.stringify(box)})`);
      assert.equal(await horizontalOverflow(page), 0);
      await page.keyboard.press('Escape');
    }
  }
  await page.assertClean();
  await page.context().close();
});

test('the first Tab shows the skip link, which moves focus to the content', async () => {
  const page = await openPage(site.browser);
  await page.goto(`${site.server.url}/en/deposits-withdrawals/crypto/deposit-not-credited/`);
  await page.keyboard.press('Tab');
  const skip = page.locator('.skip-link');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  const box = await skip.boundingBox();
  assert.ok(box.y >= 0, 'the focused skip link is on screen');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  await page.assertClean();
  await page.context().close();
});

test('focus is visible on links, buttons, menus and fields in both colour schemes', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await openPage(site.browser, { colorScheme });
    await page.goto(`${site.server.url}/en/deposits-withdrawals/crypto/deposit-not-credited/`);
    const seen = new Set();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        // A card-wide link draws its ring on a pseudo-element; everything else on itself.
        const after = getComputedStyle(el, '::after');
        const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2
          ? style.outlineColor : (after.outlineStyle !== 'none' ? after.outlineColor : null);
        return { tag: el.tagName, cls: el.className, ring, bg: getComputedStyle(document.body).backgroundColor };
      });
      assert.ok(focus.ring, `${colorScheme}: ${focus.tag}.${focus.cls} shows a focus ring`);
      assert.notEqual(focus.ring, focus.bg, `${colorScheme}: the ring differs from the page background`);
      seen.add(focus.tag);
    }
    assert.ok(seen.has('A') && seen.has('INPUT') && seen.has('BUTTON') && seen.has('SUMMARY'), [...seen].join());
    await page.assertClean();
    await page.context().close();
  }
});

test('print shows the article and every FAQ answer, without the site chrome', async () => {
  const page = await openPage(site.browser, { javaScriptEnabled: false });
  const faq = pages.find((p) => p.kind === 'faq' && p.locale === 'en');
  await page.goto(`${site.server.url}${faq.path}`);
  await page.emulateMedia({ media: 'print' });
  for (const chrome of ['.site-header', '.site-footer', '.breadcrumbs', '.pager']) {
    if (await page.locator(chrome).count()) assert.equal(await page.locator(chrome).first().isVisible(), false, `${chrome} is not printed`);
  }
  const answers = page.locator('.faq-answer');
  const count = await answers.count();
  for (let i = 0; i < count; i++) {
    assert.ok((await answers.nth(i).boundingBox())?.height > 0, `answer ${i + 1} of ${count} is printed, though closed`);
  }
  assert.ok(await page.locator('h1').isVisible());
  await page.context().close();
});

test('Chinese pages get CJK typography: looser lines, no faux bold, CJK faces, and code stays monospace', async () => {
  const page = await openPage(site.browser, { viewport: { width: 360, height: 800 } });
  const style = (selector) => page.locator(selector).first().evaluate((el) => {
    const c = getComputedStyle(el);
    return { ratio: parseFloat(c.lineHeight) / parseFloat(c.fontSize), synthesis: c.fontSynthesis, family: c.fontFamily };
  });
  await page.goto(`${site.server.url}/zh-CN/deposits-withdrawals/crypto/deposit-not-credited/`);
  for (const selector of ['.prose p', '.prose li', '.summary p:not(.summary-label)']) {
    const s = await style(selector);
    assert.ok(s.ratio >= 1.75, `${selector}: line height ${s.ratio.toFixed(2)}`);
    assert.equal(s.synthesis, 'none', `${selector}: no synthesized bold or italics`);
    assert.match(s.family, /Noto Sans CJK SC|PingFang SC/, selector);
  }
  assert.match((await style('.prose code')).family, /^ui-monospace/);
  await page.goto(`${site.server.url}/en/deposits-withdrawals/crypto/deposit-not-credited/`);
  const en = await style('.prose p');
  assert.ok(en.ratio >= 1.6 && en.ratio < 1.75, `English line height ${en.ratio.toFixed(2)}`);
  assert.notEqual(en.synthesis, 'none');
  await page.assertClean();
  await page.context().close();
});
