// Budgets for a reader on a slow phone network, measured through nginx with gzip as Chromium receives it:
// an article page (the heaviest one of each locale) costs at most 60 KB of HTML, CSS and JavaScript before the
// reader touches search, no script blocks rendering, and nothing shifts once shown (CLS < 0.01).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { openPage } from '../lib/browser.js';
import { useSite } from '../lib/fixture.js';
import { siteDir, representativePages } from '../lib/site.js';

const site = useSite();
const BUDGET = 60 * 1024;
const articles = representativePages().filter((p) => p.kind === 'article' || p.kind === 'faq');
const COUNTED = new Set(['Document', 'Stylesheet', 'Script']);

/** Loads a page and returns what went over the wire, by resource type, from Chromium's network events. */
async function transferred(page, url) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const requests = new Map();
  cdp.on('Network.responseReceived', (e) => requests.set(e.requestId, {
    url: e.response.url, type: e.type, encoding: e.response.headers['Content-Encoding'] ?? e.response.headers['content-encoding'] ?? '',
  }));
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.bytes = e.encodedDataLength;
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await cdp.detach();
  return [...requests.values()].filter((r) => r.bytes !== undefined);
}

for (const { kind, locale, path } of articles) {
  test(`${kind} page ${path}: HTML+CSS+JS ≤ 60 KB transferred with gzip`, async () => {
    // Phone width: what a reader on a slow network pays. (No image or stylesheet depends on the width.)
    for (const width of [360]) {
      const page = await openPage(site.browser, { viewport: { width, height: 800 } });
      const resources = await transferred(page, `${site.server.url}${path}`);
      const counted = resources.filter((r) => COUNTED.has(r.type));
      const total = counted.reduce((sum, r) => sum + r.bytes, 0);
      const all = resources.reduce((sum, r) => sum + r.bytes, 0);
      const lines = counted.map((r) => `${r.type} ${new URL(r.url).pathname} ${r.bytes} B ${r.encoding}`).join(', ');
      console.log(`# ${locale} ${kind} ${path} at ${width} px: HTML+CSS+JS ${total} B (${(total / 1024).toFixed(1)} KB); everything incl. icons ${all} B — ${lines}`);
      assert.ok(counted.some((r) => r.type === 'Document') && counted.some((r) => r.type === 'Stylesheet'), lines);
      for (const r of counted) {
        if (r.bytes > 1024) assert.equal(r.encoding, 'gzip', `${r.url} is compressed`);
      }
      assert.ok(total <= BUDGET, `${total} B > ${BUDGET} B: ${lines}`);
      await page.assertClean();
      await page.context().close();
    }
  });
}

test('no page has a render-blocking script: scripts are modules, async or deferred', () => {
  const dir = siteDir();
  const problems = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) { if (name !== '_pharos') walk(path); continue; }
      if (!name.endsWith('.html')) continue;
      const html = readFileSync(path, 'utf8');
      for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
        if (/type="application\/ld\+json"/.test(tag)) continue;
        if (!/type="module"/.test(tag) && !/\s(async|defer)[\s>=]/.test(tag)) problems.push(`${relative(dir, path)}: ${tag}`);
      }
    }
  };
  walk(dir);
  assert.deepEqual(problems, []);
});

const clsPages = [...articles.filter((p) => p.kind === 'article'), ...representativePages().filter((p) => p.kind === 'home')];
for (const { kind, locale, path } of clsPages) {
  test(`${kind} page ${path}: cumulative layout shift < 0.01 at 360 and 1280 px, system and saved-dark theme`, async () => {
    for (const [width, saved] of [[360, null], [1280, null], [360, 'dark']]) {
      const page = await openPage(site.browser, { viewport: { width, height: 800 } });
      if (saved) {
        await page.goto(`${site.server.url}/${locale}/`);
        await page.evaluate((t) => localStorage.setItem('pharos.theme', t), saved);
      }
      await page.addInitScript(() => {
        window.__cls = 0;
        window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            if (entry.hadRecentInput) continue;
            window.__cls += entry.value;
            window.__shifts.push(`${entry.value.toFixed(4)} at ${Math.round(entry.startTime)} ms: ${entry.sources
              .map((s) => `${s.node?.nodeName ?? '?'}.${s.node?.className ?? ''} y ${s.previousRect.y}→${s.currentRect.y}`).join(', ')}`);
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`${site.server.url}${path}`, { waitUntil: 'load' });
      // Scroll through the page, as a reader does, so lazy images and sticky parts get their turn.
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += 600) {
          window.scrollTo(0, y);
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        }
      });
      const cls = await page.evaluate(() => window.__cls);
      const shifts = await page.evaluate(() => window.__shifts);
      console.log(`# ${locale} ${kind} ${path} at ${width} px, theme ${saved ?? 'system'}: CLS ${cls.toFixed(4)}${shifts.length ? ` (${shifts.join('; ')})` : ''}`);
      assert.ok(cls < 0.01, `CLS ${cls}`);
      await page.assertClean();
      await page.context().close();
    }
  });
}
