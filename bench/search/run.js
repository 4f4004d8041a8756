// Measures Pharos and Pagefind on the sites prepare.js built, in headless Debian Chromium behind nginx:
//  - first query, cold HTTP cache: bytes transferred, requests, latency (search called, results with excerpts);
//  - a 10-keystroke as-you-type sequence (a search after every keystroke), cold cache at its start;
//  - ranking quality on the public query sets (queries/*.json): MRR@10 and recall@5;
//  - index size and file count, and indexing time (from prepare.js).
// Both engines are driven through their JavaScript APIs from the same built page, showing the same number of
// results (RESULTS) with their excerpts: window.pharos.search(q, {lang, limit}) and Pagefind's search() + data().
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './lib/nginx.js';
import { rankOf, summarize } from './lib/metrics.js';

const here = dirname(fileURLToPath(import.meta.url));
const work = join(here, 'work');
const RESULTS = 5; // Pagefind's own UI shows five results at a time
const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

const SETS = {
  sample: ['sample-en', 'sample-zh', 'sample-2-en', 'sample-2-zh'],
  cloudwego: ['cloudwego-en', 'cloudwego-zh'],
  cloudwego10: ['cloudwego-en', 'cloudwego-zh'],
};

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const mean = (v) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : 0);

/** Counts what crosses the network while `fn` runs: {bytes, requests}. */
async function metered(page, fn) {
  const seen = [];
  const onFinished = (request) => seen.push(request);
  page.on('requestfinished', onFinished);
  const value = await fn();
  await page.waitForTimeout(50);
  page.off('requestfinished', onFinished);
  const items = [];
  for (const r of seen) {
    const s = await r.sizes();
    items.push({ url: r.url(), bytes: s.responseBodySize + s.responseHeadersSize });
  }
  return { value, bytes: items.reduce((a, b) => a + b.bytes, 0), requests: items.length, items };
}

/** The search call of each engine, run in the page: returns result URLs and the time it took. */
const ENGINES = {
  pharos: {
    async ready(page) {
      // The loader every page carries; its bytes count as part of the first query below.
      await page.waitForFunction(() => window.pharos && window.pharos.search);
    },
    fixedCost: (items) => items.filter((x) => /\/js\/search\/boot\.js|\/css\/search\.css/.test(x.url)),
    run: (page, q, lang, limit) => page.evaluate(async ({ q, lang, limit }) => {
      const t0 = performance.now();
      const results = await window.pharos.search(q, { lang, limit });
      return { ms: performance.now() - t0, urls: results.map((r) => r.url) };
    }, { q, lang, limit }),
  },
  pagefind: {
    async ready() {},
    fixedCost: () => [],
    run: (page, q, lang, limit) => page.evaluate(async ({ q, limit }) => {
      const t0 = performance.now();
      window.__pf ||= await import('/pagefind/pagefind.js');
      const search = await window.__pf.search(q);
      const data = await Promise.all(search.results.slice(0, limit).map((r) => r.data()));
      return { ms: performance.now() - t0, urls: data.map((d) => d.url) };
    }, { q, limit }),
  },
};

async function measureSite(browser, site) {
  const summary = JSON.parse(readFileSync(join(work, 'reports', `${site}-summary.json`), 'utf8'));
  const roots = { pharos: join(work, 'sites', site), pagefind: join(work, 'pagefind', site) };
  const out = { site, index: summary, engines: {} };
  for (const [engine, api] of Object.entries(ENGINES)) {
    const server = await serve(roots[engine]);
    try {
      const result = { first: [], typing: [], quality: {} };
      for (const setName of SETS[site]) {
        const set = JSON.parse(readFileSync(join(here, 'queries', `${setName}.json`), 'utf8'));
        const home = `${server.url}/${set.lang}/`;
        // First query, cold cache: a fresh browser context per query.
        for (const query of set.queries) {
          const context = await browser.newContext();
          const page = await context.newPage();
          const load = await metered(page, async () => {
            await page.goto(home, { waitUntil: 'load' });
            await api.ready(page);
          });
          const fixed = api.fixedCost(load.items);
          const fixedBytes = fixed.reduce((a, b) => a + b.bytes, 0);
          const m = await metered(page, () => api.run(page, query.q, set.lang, RESULTS));
          result.first.push({ set: setName, q: query.q, bytes: m.bytes + fixedBytes, requests: m.requests + fixed.length, ms: m.value.ms });
          await context.close();
        }
        // As you type: ten keystrokes of a query, a search after each, cache cold at the start.
        for (const query of set.queries.filter((x) => [...x.q].length >= 10).slice(0, 10)) {
          const context = await browser.newContext();
          const page = await context.newPage();
          await page.goto(home, { waitUntil: 'load' });
          await api.ready(page);
          const chars = [...query.q].slice(0, 10);
          const m = await metered(page, async () => {
            for (let i = 1; i <= chars.length; i++) await api.run(page, chars.slice(0, i).join(''), set.lang, RESULTS);
          });
          result.typing.push({ set: setName, q: chars.join(''), bytes: m.bytes, requests: m.requests });
          await context.close();
        }
        // Quality: top ten of every query (one warm page; bytes are not measured here).
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(home, { waitUntil: 'load' });
        await api.ready(page);
        const rows = [];
        for (const query of set.queries) {
          const r = await api.run(page, query.q, set.lang, 10);
          rows.push({ query, rank: rankOf(r.urls, query.expect, set.lang), count: r.urls.length, top: r.urls.slice(0, 3) });
        }
        result.quality[setName] = { ...summarize(rows), misses: rows.filter((r) => r.rank !== 1).map((r) => ({ q: r.query.q, rank: r.rank })) };
        await context.close();
      }
      const bytes = result.first.map((x) => x.bytes);
      const ms = result.first.map((x) => x.ms);
      result.summary = {
        firstQueryKB: { mean: +(mean(bytes) / 1024).toFixed(1), p50: +(percentile(bytes, 50) / 1024).toFixed(1), max: +(Math.max(...bytes) / 1024).toFixed(1) },
        firstQueryRequests: +mean(result.first.map((x) => x.requests)).toFixed(1),
        latencyMs: { p50: +percentile(ms, 50).toFixed(1), p95: +percentile(ms, 95).toFixed(1) },
        typingKB: +(mean(result.typing.map((x) => x.bytes)) / 1024).toFixed(1),
        typingRequests: +mean(result.typing.map((x) => x.requests)).toFixed(1),
      };
      for (const lang of ['en', 'zh']) {
        const firsts = result.first.filter((x) => x.set.endsWith(lang));
        if (firsts.length) result.summary[`firstQueryKB_${lang}`] = +(mean(firsts.map((x) => x.bytes)) / 1024).toFixed(1);
      }
      out.engines[engine] = result;
      console.log(site, engine, JSON.stringify(result.summary), Object.entries(result.quality).map(([k, v]) => `${k}: MRR ${v.mrr} R@5 ${v.recall5}`).join('; '));
    } finally {
      await server.stop();
    }
  }
  return out;
}

const only = process.argv.slice(2);
const sites = Object.keys(SETS).filter((s) => (!only.length || only.includes(s)) && existsSync(join(work, 'reports', `${s}-summary.json`)));
if (!sites.length) throw new Error('nothing to measure: run node prepare.js first');
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
const results = [];
try {
  for (const site of sites) results.push(await measureSite(browser, site));
} finally {
  await browser.close();
}
mkdirSync(join(here, 'results'), { recursive: true });
const file = join(here, 'results', `results-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify(results, null, 1));
writeFileSync(join(here, 'results', 'latest.json'), JSON.stringify(results, null, 1));
console.log(`wrote ${resolve(file)}`);
