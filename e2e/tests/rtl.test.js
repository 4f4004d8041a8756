// Right-to-left: a tiny Arabic help center, built with the real generator, lays out mirrored in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { openPage, horizontalOverflow } from '../lib/browser.js';
import { startNginx } from '../lib/nginx.js';
import { launch } from '../lib/browser.js';
import { REPO } from '../lib/site.js';
import { axeViolations } from '../lib/axe.js';

const JAR = resolve(process.env.PHAROS_JAR || join(REPO, 'generator', 'target', 'pharos.jar'));

const CONTENT = {
  'pharos.yml': 'title: مركز المساعدة\nbaseUrl: https://help.example/\ndefaultLocale: ar\nlocales:\n  - code: ar\n',
  'ar/_index.md': '---\ntitle: مركز المساعدة\ndescription: إجابات عن حسابك وإيداعاتك وسحوباتك.\n---\n',
  'ar/money/_index.md': '---\ntitle: الإيداع والسحب\ndescription: نقل الأموال إلى حسابك ومنه.\nicon: wallet\nweight: 10\n---\n',
  'ar/money/deposit.md': [
    '---', 'title: لماذا لم يصل إيداعي؟', 'description: أسباب تأخر الإيداع وما يمكنك فعله.', 'weight: 10', 'lastmod: 2026-10-01',
    'summary: معظم الإيداعات المتأخرة لا تزال قيد التأكيد على الشبكة.', '---',
    'تحقق أولاً.', '',
    '## تحقق من المعاملة', '', '1. افتح المحفظة المرسلة.', '2. انسخ معرّف المعاملة.', '',
    '## كم تأكيداً تحتاج كل شبكة', '', '| العملة | الشبكة | التأكيدات | الوقت المعتاد |', '| --- | --- | --- | --- |',
    '| BTC | Bitcoin | 2 | من 20 إلى 40 دقيقة |', '| ETH | Ethereum | 12 | من 3 إلى 15 دقيقة |', '',
    '## متى تتواصل مع الدعم', '', 'إذا مرت ساعة كاملة بعد اكتمال التأكيدات ولم يظهر المبلغ في رصيدك، افتح تذكرة دعم.', '',
  ].join('\n'),
  'ar/money/withdraw.md': '---\ntitle: كيف أسحب العملات؟\ndescription: خطوات السحب.\nweight: 20\n---\nاختر العملة.\n',
  'ar/money/faq.md': '---\ntitle: أسئلة شائعة\ntype: faq\nweight: 30\n---\n## هل أموالي آمنة؟\n\nنعم.\n\n## كم يستغرق السحب؟\n\nبضع دقائق عادة.\n',
};

let root;
let server;
let browser;

before(async () => {
  if (!existsSync(JAR)) {
    throw new Error(`${JAR} is missing: build it with mvn -B -q -pl generator package -DskipTests (or set PHAROS_JAR)`);
  }
  root = mkdtempSync(join(tmpdir(), 'pharos-rtl-'));
  for (const [path, text] of Object.entries(CONTENT)) {
    mkdirSync(dirname(join(root, 'content', path)), { recursive: true });
    writeFileSync(join(root, 'content', path), text);
  }
  execFileSync('java', ['-jar', JAR, 'build', '--source', join(root, 'content'), '--out', join(root, 'site')], { stdio: 'pipe' });
  server = await startNginx(join(root, 'site'));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

const PAGES = ['/ar/', '/ar/money/', '/ar/money/deposit/', '/ar/money/faq/', '/ar/search/', '/ar/404.html'];
const box = (page, selector) => page.locator(selector).first().boundingBox();

test('Arabic pages are right-to-left and never scroll sideways', async () => {
  for (const width of [360, 1280]) {
    const page = await openPage(browser, { viewport: { width, height: 800 } });
    for (const path of PAGES) {
      await page.goto(`${server.url}${path}`);
      assert.equal(await page.locator('html').getAttribute('dir'), 'rtl', path);
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).direction), 'rtl', path);
      assert.equal(await horizontalOverflow(page), 0, `${path} at ${width} px`);
    }
    await page.assertClean();
    await page.context().close();
  }
});

test('the header is mirrored: brand on the right, menus on the left', async () => {
  for (const width of [360, 1280]) {
    const page = await openPage(browser, { viewport: { width, height: 800 } });
    await page.goto(`${server.url}/ar/money/deposit/`);
    const brand = await box(page, '.brand-mark');
    const nav = await box(page, '.header-nav');
    assert.ok(brand.x > width / 2, `brand mark on the right at ${width} px (x=${brand.x})`);
    assert.ok(nav.x + nav.width < width / 2 + 1, `menus on the left at ${width} px`);
    await page.locator('.topics-menu summary').click();
    const menu = await box(page, '.topics-menu .menu-list');
    assert.ok(menu.x >= 0 && menu.x + menu.width <= width, `the open menu is on screen at ${width} px`);
    await page.context().close();
  }
});

test('text starts at the right edge and the table of contents sits on the left', async () => {
  const page = await openPage(browser, { viewport: { width: 1280, height: 800 } });
  await page.goto(`${server.url}/ar/money/deposit/`);
  const article = await box(page, '.article');
  const toc = await box(page, '.toc-side');
  assert.ok(toc.x + toc.width <= article.x, 'the table of contents is left of the article');
  // A one-line paragraph hugs the right edge of its column.
  const line = await page.locator('.prose p').first().evaluate((p) => {
    const range = document.createRange();
    range.selectNodeContents(p);
    const text = range.getBoundingClientRect();
    const own = p.getBoundingClientRect();
    return { textLeft: text.left, textRight: text.right, left: own.left, right: own.right };
  });
  assert.ok(Math.abs(line.textRight - line.right) < 2, `text ends at the right edge: ${JSON.stringify(line)}`);
  assert.ok(line.textLeft > line.left + 100, 'and leaves the left side free');
  // List numbers and the summary's accent bar are on the right too.
  const summary = await page.locator('.summary').evaluate((el) => getComputedStyle(el).borderRightWidth);
  assert.equal(summary, '4px');
  const item = await box(page, '.prose ol li');
  const list = await box(page, '.prose ol');
  assert.ok(list.x + list.width - (item.x + item.width) > 10, 'list items are indented from the right');
  await page.assertClean();
  await page.context().close();
});

test('on phones the way back points right, and prev/next are mirrored', async () => {
  const page = await openPage(browser, { viewport: { width: 360, height: 800 } });
  await page.goto(`${server.url}/ar/money/withdraw/`);
  const crumb = page.locator('.breadcrumbs li:nth-last-child(2)');
  const transform = await crumb.evaluate((li) => getComputedStyle(li, '::before').transform);
  // rotate(-135deg): the chevron opens to the left, pointing right (back, in a right-to-left page).
  assert.match(transform, /^matrix\(-0\.70\d+, -0\.70\d+, 0\.70\d+, -0\.70\d+/);
  await page.setViewportSize({ width: 1280, height: 800 });
  const prev = await box(page, '.pager-prev');
  const next = await box(page, '.pager-next');
  assert.ok(prev && next, 'the middle article has both neighbours');
  assert.ok(next.x < prev.x, 'next is on the left, previous on the right');
  await page.context().close();
});

test('axe finds no serious or critical violation on right-to-left pages, light and dark', async () => {
  const failures = [];
  for (const colorScheme of ['light', 'dark']) {
    const page = await openPage(browser, { colorScheme, viewport: { width: 360, height: 800 } });
    for (const path of ['/ar/', '/ar/money/deposit/', '/ar/money/faq/', '/ar/search/']) {
      await page.goto(`${server.url}${path}`);
      for (const v of await axeViolations(page)) failures.push(`${colorScheme} ${path}: ${v}`);
    }
    await page.context().close();
  }
  assert.deepEqual(failures, []);
});
