// First queries on the two kinds of static host, in headless Chromium: nginx as tested (Range honoured) and nginx
// with `max_ranges 0` (every range request answered 200 with the whole file, as Python's http.server and proxies
// that compress on the fly do). Per query: bytes (bodies as transferred plus headers, the loader and stylesheet
// every page carries included, as in run.js) and requests; that both hosts give the same results; that after the
// probe no request asks for a range. Also the index's files against Pagefind's (work/reports/<site>-summary.json).
//   node rangeless.js [site ...]      sites built by prepare.js (work/sites/<site>); default: sample cloudwego10
import { readFileSync, writeFileSync, existsSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './lib/nginx.js';

const here = dirname(fileURLToPath(import.meta.url));
const work = join(here, 'work');
const SETS = {
  sample: ['sample-en', 'sample-zh', 'sample-2-en', 'sample-2-zh'],
  cloudwego: ['cloudwego-en', 'cloudwego-zh'],
  cloudwego10: ['cloudwego-en', 'cloudwego-zh'],
};
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const FIXED = /\/js\/search\/boot\.js|\/css\/search\.css/;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

async function firstQuery(browser, server, lang, q) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = [];
  page.on('requestfinished', (r) => seen.push({ r, phase: 'load' }));
  await page.goto(`${server.url}/${lang}/`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.pharos && window.pharos.search);
  for (const s of seen) s.phase = FIXED.test(s.r.url()) ? 'fixed' : 'page';
  const urls = await page.evaluate(async ({ q, lang }) => (await window.pharos.search(q, { lang, limit: 5 })).map((r) => r.url), { q, lang });
  await page.waitForTimeout(50);
  const items = [];
  for (const { r, phase } of seen) {
    if (phase === 'page') continue;
    const s = await r.sizes();
    items.push({ path: new URL(r.url()).pathname, range: (await r.allHeaders()).range ?? null, status: (await r.response())?.status(),
      bytes: s.responseBodySize + s.responseHeadersSize });
  }
  await context.close();
  const index = items.filter((x) => x.path.includes('/_pharos/search/') && !x.path.endsWith('meta.json'));
  return { urls, bytes: items.reduce((n, x) => n + x.bytes, 0), requests: items.length,
    rangesAfterProbe: index.slice(1).filter((x) => x.range).length, packedWhole: index.filter((x) => x.status === 200 && /\/(dict|post|docs)\.bin$/.test(x.path)).length };
}

const mean = (v) => v.reduce((a, b) => a + b, 0) / Math.max(1, v.length);
const kb = (b) => +(b / 1024).toFixed(1);

const only = process.argv.slice(2);
const sites = (only.length ? only : ['sample', 'cloudwego10']).filter((s) => existsSync(join(work, 'sites', s)));
if (!sites.length) throw new Error('nothing to measure: run node prepare.js first');
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true, args: ARGS });
const out = [];
try {
  for (const site of sites) {
    const root = join(work, 'sites', site);
    const index = files(join(root, '_pharos', 'search'));
    const summaryFile = join(work, 'reports', `${site}-summary.json`);
    const pagefind = existsSync(summaryFile) ? JSON.parse(readFileSync(summaryFile, 'utf8')).pagefind : null;
    const result = { site, indexFiles: index.length, indexBytes: index.reduce((n, f) => n + statSync(f).size, 0),
      chunkFiles: index.filter((f) => /\/(dict|post|docs)\/\d+\.bin$/.test(f)).length, pagefind, hosts: {} };
    const rows = { ranges: [], whole: [] };
    for (const [host, ranges] of [['ranges', true], ['whole', false]]) {
      const server = await serve(root, { ranges });
      try {
        for (const name of SETS[site]) {
          const set = JSON.parse(readFileSync(join(here, 'queries', `${name}.json`), 'utf8'));
          for (const { q } of set.queries) rows[host].push({ set: name, q, ...(await firstQuery(browser, server, set.lang, q)) });
        }
      } finally {
        await server.stop();
      }
    }
    const differ = rows.ranges.filter((r, i) => JSON.stringify(r.urls) !== JSON.stringify(rows.whole[i].urls)).map((r) => r.q);
    for (const [host, list] of Object.entries(rows)) {
      const bytes = list.map((x) => x.bytes).sort((a, b) => a - b);
      result.hosts[host] = {
        firstQueryKB: { mean: kb(mean(bytes)), p50: kb(bytes[Math.floor(bytes.length / 2)]), max: kb(bytes[bytes.length - 1]) },
        requests: +mean(list.map((x) => x.requests)).toFixed(1),
        rangesAfterProbe: list.reduce((n, x) => n + x.rangesAfterProbe, 0),
        packedFilesReadWhole: list.reduce((n, x) => n + x.packedWhole, 0),
        queries: list.map(({ urls, ...x }) => x),
      };
    }
    result.queries = rows.ranges.length;
    result.resultsDiffer = differ;
    out.push(result);
    const { queries: _a, ...r } = result.hosts.ranges;
    const { queries: _b, ...w } = result.hosts.whole;
    console.log(site, JSON.stringify({ indexFiles: result.indexFiles, chunkFiles: result.chunkFiles, indexBytes: result.indexBytes,
      pagefindFiles: pagefind?.indexFiles, queries: result.queries, resultsDiffer: differ.length, ranges: r, whole: w }));
  }
} finally {
  await browser.close();
}
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'rangeless.json'), JSON.stringify(out, null, 1));
