// Self-contained: under `Content-Security-Policy: default-src 'self'` nothing is blocked, because the theme has no
// inline scripts or styles and loads nothing from another origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { openPage } from '../lib/browser.js';
import { useSite } from '../lib/fixture.js';
import { siteDir, representativePages } from '../lib/site.js';

const site = useSite();

function files(dir, ext) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path, ext));
    else if (name.endsWith(ext)) out.push(path);
  }
  return out;
}

test('no page has an inline script, inline style, event handler attribute or resource from another origin', () => {
  const dir = siteDir();
  const pages = files(dir, '.html');
  assert.ok(pages.length > 50);
  const problems = [];
  for (const file of pages) {
    const html = readFileSync(file, 'utf8');
    const where = relative(dir, file);
    for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
      // JSON-LD is data, never executed, and CSP does not apply to it.
      if (!/\bsrc="/.test(tag) && !/type="application\/ld\+json"/.test(tag)) problems.push(`${where}: inline ${tag}`);
    }
    if (/<style\b/i.test(html)) problems.push(`${where}: <style> element`);
    for (const [attr] of html.matchAll(/<[a-z][^>]*\s(style|on[a-z]+)=["'][^>]*>/gi)) problems.push(`${where}: ${attr.slice(0, 80)}`);
    // Only the page's own origin may serve what a page loads (links to other sites are fine).
    for (const [tag] of html.matchAll(/<(?:script|img|iframe|source|video|audio|use|link\b[^>]*rel="(?:stylesheet|icon|preload|modulepreload|manifest)")[^>]*>/g)) {
      const url = /\b(?:src|href)="([^"]*)"/.exec(tag)?.[1] ?? '';
      if (/^(?:[a-z]+:)?\/\//i.test(url)) problems.push(`${where}: loads ${url}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('theme assets reach nothing outside the site: no @import, url() or fetch to other origins, no web fonts', () => {
  const assets = join(siteDir(), '_pharos');
  const problems = [];
  for (const file of [...files(assets, '.css'), ...files(assets, '.js'), ...files(assets, '.svg')]) {
    const text = readFileSync(file, 'utf8');
    if (/@import|@font-face/.test(text)) problems.push(`${relative(assets, file)}: @import or @font-face`);
    // Requests start in a string or url(...); SVG namespaces are names, not requests, and regular expression
    // literals such as /^https?:\/\//i are code, not addresses.
    const stripped = text.replace(/xmlns(:\w+)?="[^"]*"/g, '');
    for (const [, url] of stripped.matchAll(/(?:["'`]|url\(\s*)((?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"'`)]*)/gi)) {
      problems.push(`${relative(assets, file)}: ${url}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('nginx sends the CSP and Chromium reports no violation or console error on any kind of page', async () => {
  const res = await fetch(`${site.server.url}/en/`);
  assert.equal(res.headers.get('content-security-policy'), "default-src 'self'");
  const page = await openPage(site.browser);
  for (const { kind, locale, path } of representativePages()) {
    // The load event waits for the async modules, so whatever they do has happened.
    await page.goto(`${site.server.url}${path}`, { waitUntil: 'load' });
    const csp = await page.cspViolations();
    assert.deepEqual(csp, [], `${kind} ${locale} ${path}`);
  }
  await page.goto(`${site.server.url}/`); // the root page, which redirects by script
  await page.waitForURL(/\/(en|zh-CN)\/$/);
  await page.assertClean();
  await page.context().close();
});
