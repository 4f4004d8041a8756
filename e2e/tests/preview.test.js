// The writer's daily loop in a real browser: `pharos serve` on a copy of the sample, an article open in Chromium
// and scrolled down, then saves. An edit to the body (patched: only that page is made again) and a title change
// (a whole rebuild) both reload the open page by themselves, at the same scroll position, with the new text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage } from '../lib/browser.js';
import { JAR } from '../lib/hostile.js';
import { REPO } from '../lib/site.js';

const ARTICLE = 'en/account/reset-password.md';
let work;
let server;
let url;
let browser;

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'pharos-preview-'));
  cpSync(join(REPO, 'content'), join(work, 'content'), { recursive: true, filter: (src) => !src.includes(`${join('content', 'target')}`) });
  server = spawn('java', ['-jar', JAR, 'serve', '--source', join(work, 'content'), '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`pharos serve did not start within 120 s:\n${output}`)), 120_000);
    const read = (chunk) => {
      output += chunk;
      const found = /Serving (http:\/\/\S+)/.exec(output);
      if (found) { clearTimeout(timer); resolve(found[1]); }
    };
    server.stdout.on('data', read);
    server.stderr.on('data', read);
    server.on('exit', (code) => reject(new Error(`pharos serve exited with ${code}:\n${output}`)));
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Saves `text` as the article, then waits until the open page shows `expected`; returns the milliseconds taken. */
async function saveAndWait(page, save, expected) {
  const reloaded = page.waitForEvent('load', { timeout: 30_000 });
  const start = Date.now();
  save();
  await reloaded;
  await page.waitForFunction((text) => document.body.innerText.includes(text), expected, { timeout: 30_000 });
  return Date.now() - start;
}

test('a saved edit reloads the open article at the same scroll position, patched or rebuilt whole', async () => {
  const page = await openPage(browser, { viewport: { width: 1280, height: 700 } });
  await page.goto(new URL('en/account/reset-password/', url).href);
  await page.evaluate(() => window.scrollTo(0, 600));
  await page.waitForFunction(() => Math.abs(window.scrollY - 600) < 2);
  const file = join(work, 'content', ARTICLE);

  const sentence = `Checked in the preview at ${Date.now()}.`;
  const bodyMillis = await saveAndWait(page, () => appendFileSync(file, `\n${sentence}\n`), sentence);
  assert.ok(Math.abs(await page.evaluate(() => window.scrollY) - 600) < 2, 'the scroll position is kept');

  const title = `Reset your password (edited ${Date.now()})`;
  const original = readFileSync(file, 'utf8');
  const titleMillis = await saveAndWait(page, () => writeFileSync(file, original.replace(/^title: .*$/m, `title: "${title}"`)), title);
  assert.equal(await page.locator('h1').first().innerText(), title);
  assert.ok(Math.abs(await page.evaluate(() => window.scrollY) - 600) < 2, 'the scroll position is kept');

  // The section's listing shows the new title too: that save was built whole.
  const listing = await openPage(browser);
  await listing.goto(new URL('en/account/', url).href);
  assert.ok((await listing.locator('main').innerText()).includes(title));
  console.log(`[preview] save -> page reloaded with the new text: body edit ${bodyMillis} ms, title edit ${titleMillis} ms`);
  await page.assertClean();
  await listing.assertClean();
});
