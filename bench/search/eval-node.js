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
  let bytes = 0;
  let requests = 0;
  let shown = 0;
  let wrong = 0;
  for (const query of set.queries) {
    const log = [];
    const engine = createSearch({ indexUrl: (l) => `http://localhost/_pharos/search/${l}/meta.json`, fetch: siteFetch(site, log) });
    const results = await engine.search(query.q, { lang: set.lang, limit: 10 });
    // Index data of a first query showing five results (a fresh engine): bytes, plus ~400 B of headers a request.
    const first = [];
    const shownFirst = await createSearch({ indexUrl: (l) => `http://localhost/_pharos/search/${l}/meta.json`, fetch: siteFetch(site, first) })
      .search(query.q, { lang: set.lang, limit: 5 });
    // The instant answer of that first query: wrong when it is not on one of the expected pages.
    const answer = shownFirst[0]?.answer;
    if (answer) {
      shown++;
      const right = query.expect.includes(pagePath(answer.url, set.lang));
      if (!right) wrong++;
      if (verbose || !right) console.log(`${right ? 'ANSWER' : 'WRONG ANSWER'} ${query.q}  → ${pagePath(answer.url, set.lang)} ${new URL(answer.url, 'http://x').hash} «${answer.question}»`);
    }
    bytes += first.reduce((n, x) => n + x.bytes + 400, 0);
    requests += first.length;
    const rank = rankOf(results.map((r) => r.url), query.expect, set.lang);
    rows.push({ query, rank, count: results.length });
    if (verbose || rank !== 1) {
      console.log(`${rank === 0 ? 'MISS' : `#${rank}`.padEnd(4)} ${query.q}  → ${results.slice(0, 3).map((r) => pagePath(r.url, set.lang)).join(' | ')}`);
    }
  }
  console.log(file, JSON.stringify(summarize(rows)), `data ${(bytes / set.queries.length / 1024).toFixed(1)} KB in ${(requests / set.queries.length).toFixed(1)} requests`);
  console.log(`${file} instant answers: shown ${shown}/${set.queries.length}, wrong ${wrong} (${shown ? ((100 * wrong) / shown).toFixed(1) : '0.0'}% of shown)`);
}
