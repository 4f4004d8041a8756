// Screenshots of the built sample site for the README: home, an article, search results and the contact page, in
// every locale, at 360 and 1280 px (plus two in dark mode). Serves content/target/site (or PHAROS_SITE) with the
// repository's nginx config and drives Debian's Chromium; builds nothing itself.
//
//   npm --prefix e2e run screenshots
import { mkdirSync, readdirSync, rmSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from '../lib/browser.js';
import { startNginx } from '../lib/nginx.js';
import { REPO, siteDir, pagesByKind, locales } from '../lib/site.js';

const OUT = join(REPO, 'docs', 'screenshots');
const WIDTHS = { 360: 780, 1280: 880 };
const QUERIES = { en: 'withdrawal pending', 'zh-CN': '提币' };
const ARTICLE = 'deposits-withdrawals/crypto/deposit-not-credited/';

const dir = siteDir();
const pages = pagesByKind(dir);
const notes = [];

function articlePath(locale) {
  const list = pages.get('article')?.get(locale) ?? [];
  return (list.find((p) => p.path === `/${locale}/${ARTICLE}`) ?? list[0])?.path;
}

/** Types a query into the search page; true when a search script showed results for it. */
async function searchFor(page, url, locale) {
  await page.goto(`${url}/${locale}/search/`);
  const input = page.locator('.search-page .search-input, main .search-input').first();
  await input.fill('');
  await input.pressSequentially(QUERIES[locale] ?? 'password', { delay: 30 });
  await input.press('Enter');
  await page.waitForLoadState('networkidle');
  try {
    await page.locator('#search-results > *').first().waitFor({ state: 'visible', timeout: 4000 });
    return true;
  } catch {
    return false;
  }
}

mkdirSync(OUT, { recursive: true });
for (const name of readdirSync(OUT)) if (name.endsWith('.png')) rmSync(join(OUT, name));

const server = await startNginx(dir);
const browser = await launch();
try {
  const shots = [];
  for (const locale of locales(pages)) {
    for (const [width, height] of Object.entries(WIDTHS)) {
      shots.push({ name: `home-${locale}-${width}`, locale, width, height, path: `/${locale}/` });
      shots.push({ name: `article-${locale}-${width}`, locale, width, height, path: articlePath(locale) });
      shots.push({ name: `search-${locale}-${width}`, locale, width, height, search: true });
      if (pages.get('contact')?.get(locale)) {
        shots.push({ name: `contact-${locale}-${width}`, locale, width, height, path: pages.get('contact').get(locale)[0].path });
      } else if (width === '360') {
        notes.push(`no contact page in ${locale} yet: not captured`);
      }
    }
  }
  shots.push({ name: 'home-en-1280-dark', locale: 'en', width: 1280, height: 880, path: '/en/', dark: true });
  shots.push({ name: 'article-en-360-dark', locale: 'en', width: 360, height: 780, path: articlePath('en'), dark: true });

  for (const shot of shots) {
    const context = await browser.newContext({
      viewport: { width: Number(shot.width), height: Number(shot.height) },
      deviceScaleFactor: 1,
      colorScheme: shot.dark ? 'dark' : 'light',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    if (shot.search) {
      const found = await searchFor(page, server.url, shot.locale);
      if (!found) notes.push(`${shot.name}: no search results appeared (no search script yet); captured the search page and its article list`);
    } else {
      await page.goto(`${server.url}${shot.path}`, { waitUntil: 'networkidle' });
    }
    await page.evaluate(() => document.fonts.ready);
    const file = join(OUT, `${shot.name}.png`);
    await page.screenshot({ path: file });
    console.log(`${file.slice(REPO.length + 1)}  ${(statSync(file).size / 1024).toFixed(0)} KB`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
for (const note of notes) console.log(`note: ${note}`);
if (!existsSync(join(OUT, 'home-en-360.png'))) process.exitCode = 1;
