// Quick quality check of Pharos alone under Node (no browser): node eval-node.js <built site> <queries.json>...
import { readFileSync } from 'node:fs';
import { createSearch, TUNE } from '../../themes/default/assets/js/search/engine.js';
import { siteFetch } from './lib/fsfetch.js';
import { rankOf, summarize, pagePath } from './lib/metrics.js';

const [site, ...sets] = process.argv.slice(2);
const verbose = process.env.VERBOSE;
if (process.env.TUNE) Object.assign(TUNE, JSON.parse(process.env.TUNE)); // for exploring the ranking knobs
for (const file of sets) {
  const set = JSON.parse(readFileSync(file, 'utf8'));
  const rows = [];
  for (const query of set.queries) {
    const engine = createSearch({ indexUrl: (l) => `http://localhost/_pharos/search/${l}/meta.json`, fetch: siteFetch(site) });
    const results = await engine.search(query.q, { lang: set.lang, limit: 10 });
    const rank = rankOf(results.map((r) => r.url), query.expect, set.lang);
    rows.push({ query, rank, count: results.length });
    if (verbose || rank !== 1) {
      console.log(`${rank === 0 ? 'MISS' : `#${rank}`.padEnd(4)} ${query.q}  → ${results.slice(0, 3).map((r) => pagePath(r.url, set.lang)).join(' | ')}`);
    }
  }
  console.log(file, JSON.stringify(summarize(rows)));
}
