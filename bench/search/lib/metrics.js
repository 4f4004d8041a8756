// Ranking quality of one engine's answers: MRR@10 and recall@5 against expected pages.

/** The page path of a result URL relative to the locale root, without anchor or query. */
export function pagePath(url, lang) {
  const path = decodeURIComponent(new URL(url, 'http://x/').pathname);
  const prefix = `/${lang}/`;
  const i = path.indexOf(prefix);
  let p = i >= 0 ? path.slice(i + prefix.length) : path.replace(/^\//, '');
  if (p.endsWith('index.html')) p = p.slice(0, -'index.html'.length);
  // The 10× site holds every page ten times, under copy0/ ... copy9/: any copy is the expected page.
  return p.replace(/^copy\d+\//, '');
}

export function rankOf(urls, expect, lang) {
  const paths = urls.map((u) => pagePath(u, lang));
  for (let i = 0; i < paths.length; i++) if (expect.includes(paths[i])) return i + 1;
  return 0;
}

/** {mrr, recall5, found, n, byKind} from [{query, rank}] (rank 0 = not in the results). */
export function summarize(rows) {
  const out = { n: rows.length, mrr: 0, recall5: 0, none: 0, byKind: {} };
  for (const r of rows) {
    const rr = r.rank && r.rank <= 10 ? 1 / r.rank : 0;
    const hit = r.rank && r.rank <= 5 ? 1 : 0;
    out.mrr += rr;
    out.recall5 += hit;
    if (r.count === 0) out.none++;
    for (const k of r.query.kind) {
      const b = (out.byKind[k] ||= { n: 0, mrr: 0, recall5: 0, none: 0 });
      b.n++;
      b.mrr += rr;
      b.recall5 += hit;
      if (r.count === 0) b.none++;
    }
  }
  const fin = (o) => {
    o.mrr = +(o.mrr / o.n).toFixed(3);
    o.recall5 = +(o.recall5 / o.n).toFixed(3);
  };
  fin(out);
  Object.values(out.byKind).forEach(fin);
  return out;
}
