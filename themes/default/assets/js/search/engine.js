// The search itself: a query becomes concepts (a word, or a synonym phrase), each with alternative term lists
// (the exact term; synonyms; completions of the word being typed; corrections of a typing mistake); postings
// carry precomputed BM25F impacts, so scoring is additions. Pages that match every concept, and whose matches
// fall under the same heading, come first; the best heading is the deep link.
// No DOM access: runs in the browser and under Node.

import { surfaces, termStep, needsFold, loadFold } from './analyze.js';
import { Index } from './index.js';

const COMPLETIONS = 6; // completions of the word being typed
const CORRECTIONS = 3; // corrections of a misspelt word
const WEIGHT = { exact: 1, synonym: 0.9, completion: 0.75, typo1: 0.7, typo2: 0.5 };
// Ranking knobs: the share of the score kept by a page matching few of the words (floor), the factor for
// matching all, and the largest factor for matching them under one heading.
export const TUNE = { floor: 0.4, all: 1.25, together: 0.15, title: 1, dip: 3, optional: 0.15, optionalScore: 0.5, others: 0.15, exactTitle: 1.5 };

/** Optimal string alignment distance (a transposition is one edit), or max + 1 when above `max`. */
export function editDistance(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = null;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[n];
}

/** Edits a word of this many letters may have: none under 4, one for 4 to 7, two from 8. */
export function allowedEdits(length) {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

function codePoints(s) {
  return [...s].length;
}

/** Synonym entries by their first term: [{terms, group}]. */
function synonymIndex(meta) {
  if (!meta.synonymIndex) {
    const byFirst = new Map();
    (meta.synonyms || []).forEach((group, g) => {
      for (const terms of group) {
        if (!byFirst.has(terms[0])) byFirst.set(terms[0], []);
        byFirst.get(terms[0]).push({ terms, group: g });
      }
    });
    meta.synonymIndex = byFirst;
  }
  return meta.synonymIndex;
}

/**
 * The plan of a query: concepts with their alternatives, before the dictionary is consulted.
 * A word is "open" when it is the last and the query does not end after it (the reader is still typing it).
 */
export function plan(query, meta) {
  const step = termStep(meta);
  const words = surfaces(query).map((s, i, all) => {
    const last = i === all.length - 1 && s.end === query.length;
    const open = last && (!s.cjk || codePoints(s.surface) === 1);
    return { surface: s.surface, term: step(s.surface), cjk: s.cjk, open };
  });
  const kept = words.filter((w) => w.term !== null || (w.open && !w.cjk));
  const concepts = [];
  const synonyms = synonymIndex(meta);
  for (let i = 0; i < kept.length;) {
    let match = null;
    for (const entry of synonyms.get(kept[i].term) || []) {
      const n = entry.terms.length;
      if (i + n > kept.length || (match && match.terms.length >= n)) continue;
      let ok = true;
      for (let k = 0; k < n; k++) if (kept[i + k].term !== entry.terms[k]) ok = false;
      if (ok) match = entry;
    }
    if (match) {
      const n = match.terms.length;
      const alts = [{ terms: match.terms, weight: WEIGHT.exact, kind: 'exact' }];
      const seen = new Set([match.terms.join(' ')]);
      // Every group holding the matched words adds its other entries.
      for (const entry of synonyms.get(match.terms[0])) {
        if (entry.terms.join(' ') !== match.terms.join(' ')) continue;
        for (const terms of meta.synonyms[entry.group]) {
          const key = terms.join(' ');
          if (!seen.has(key)) {
            seen.add(key);
            alts.push({ terms, weight: WEIGHT.synonym, kind: 'synonym' });
          }
        }
      }
      const word = kept[i + n - 1];
      concepts.push({ words: kept.slice(i, i + n), alts, open: n === 1 && word.open, cjk: word.cjk, surface: word.surface });
      i += n;
    } else {
      const w = kept[i];
      concepts.push({
        words: [w], alts: w.term === null ? [] : [{ terms: [w.term], weight: WEIGHT.exact, kind: 'exact' }],
        open: w.open, cjk: w.cjk, surface: w.surface,
      });
      i++;
    }
  }
  return concepts;
}

function idf(df, n) {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** Adds completions of an open word and corrections of unknown words to the concepts, from the dictionary. */
async function expand(index, concepts, typos) {
  const meta = index.meta;
  await Promise.all(concepts.map(async (c) => {
    const exact = await Promise.all(c.alts.map((a) => Promise.all(a.terms.map((t) => index.lookup(t)))));
    c.alts.forEach((a, i) => { a.entries = exact[i]; });
    const known = c.alts.some((a) => a.entries.every(Boolean));
    const single = c.words.length === 1;
    if ((c.open || c.loose) && single) {
      // A loose concept is a Chinese bigram no page has ("提不" in 提不出来): read as its first character typed.
      const p = c.loose ? [...c.surface][0] : c.surface;
      const minimum = c.cjk ? 1 : 2;
      if (codePoints(p) >= minimum) {
        const { entries } = await index.range(p, `${p}\uffff`, 3);
        const candidates = entries.filter((e) => e.term !== p);
        if (!c.cjk) {
          // The stem of an inflection being typed ("withdrawa" → "withdraw") is a prefix of what was typed.
          for (let k = p.length - 1; k >= Math.max(3, p.length - 3); k--) {
            const e = await index.lookup(p.slice(0, k));
            if (e) candidates.push(e);
          }
        }
        candidates.sort((a, b) => b.df - a.df || (a.term < b.term ? -1 : 1));
        const have = new Set(c.alts.flatMap((a) => a.terms));
        for (const e of candidates.slice(0, COMPLETIONS)) {
          if (have.has(e.term)) continue;
          have.add(e.term);
          const closeness = Math.min(1, p.length / e.term.length);
          c.alts.push({ terms: [e.term], entries: [e], weight: WEIGHT.completion * (0.6 + 0.4 * closeness), kind: 'completion' });
        }
      }
    }
    const word = c.words[c.words.length - 1];
    const edits = allowedEdits(codePoints(word.surface));
    if (typos && single && !c.cjk && !known && edits > 0 && word.term && c.alts.length <= 1) {
      const t = word.term;
      let found = await corrections(index, t, edits, t.slice(0, 2), 2);
      if (!found.length) found = await corrections(index, t, edits, t.slice(0, 1), 6);
      for (const { entry, distance } of found) {
        c.alts.push({ terms: [entry.term], entries: [entry], weight: distance === 1 ? WEIGHT.typo1 : WEIGHT.typo2, kind: 'typo' });
      }
    }
    // Synonyms are one concept: every alternative gets the idf of the most frequent one (as Lucene's
    // SynonymQuery does), so a page is not ranked by which of the interchangeable words it happens to use.
    const synonymous = c.alts.some((a) => a.kind === 'synonym');
    // A phrase is about as frequent as its rarest word.
    const altDf = (a) => (a.entries.every(Boolean) ? Math.min(...a.entries.map((e) => e.df)) : 0);
    const dfMax = synonymous ? Math.max(0, ...c.alts.map(altDf)) : 0;
    for (const a of c.alts) a.idf = synonymous && dfMax > 0 ? idf(dfMax, meta.docs) : null;
    // A concept's weight for coverage: how telling its best-known alternative is.
    c.weight = 0;
    for (const a of c.alts) {
      const found = a.entries.filter(Boolean);
      if (found.length) {
        const w = found.reduce((s, e) => s + (a.idf ?? idf(e.df, meta.docs)), 0) / a.terms.length;
        c.weight = Math.max(c.weight, w);
      }
    }
  }));
}

/**
 * Marks concepts that should not decide what a page is about: question words and fillers (meta.optional),
 * CJK bigrams holding a particle (了, 吗), and CJK bigrams that straddle two words. A bigram much rarer than
 * both its neighbours ("币一" between "提币" and "一直") is most likely such an accident of the query's wording:
 * true words recur, so frequency dips at word boundaries.
 */
function markOptional(concepts, meta) {
  const optional = new Set(meta.optional || []);
  const particles = new Set([...optional].filter((t) => t.length === 1));
  // A neighbour's frequency where it touches the bigram: the last word of a phrase before it, the first after it.
  const df = (c, at = 0) => {
    const a = c.alts[0];
    const e = a && a.kind === 'exact' ? a.entries[at < 0 ? a.entries.length - 1 : at] : null;
    return e ? e.df : 0;
  };
  concepts.forEach((c, i) => {
    // The last word of a sentence, still open for completion, is often a stop or question word ("…after I sent
    // it"): its completions ("item") may be what the reader is typing, but must not outweigh the words before it.
    if (c.open && concepts.length > 1 && (c.words[0].term === null || optional.has(c.words[0].term))) c.optional = true;
    const exact = c.alts[0] && c.alts[0].kind === 'exact' ? c.alts[0].terms : null;
    if (!exact || c.alts.length > 1) return;
    if (exact.every((t) => optional.has(t))) c.optional = true;
    else if (c.cjk && exact.length === 1 && [...exact[0]].some((ch) => particles.has(ch))) c.optional = true;
    else if (c.cjk && exact.length === 1 && i > 0 && i + 1 < concepts.length && concepts[i - 1].cjk && concepts[i + 1].cjk) {
      const own = df(c);
      if (own > 0 && own * TUNE.dip < Math.min(df(concepts[i - 1], -1), df(concepts[i + 1]))) c.optional = true;
    }
  });
  // A bigram that crosses into a word the site knows (a synonym entry, or a question word) is not a word of the
  // reader's: "证失" in 实名认证失败, "人冒" in 有人冒充客服. Between two known words it is always such a junction;
  // beside one, when it is rarer than that word. However rare, it must not decide the ranking.
  const known = (c) => c && c.cjk && (c.alts.length > 1 || c.words.length > 1 || (c.alts.length === 1 && c.alts[0].terms.every((t) => optional.has(t))));
  const first = (c) => [...c.words[0].surface][0];
  const last = (c) => [...c.words[c.words.length - 1].surface].pop();
  const frequency = (c) => Math.max(0, ...c.alts.map((a) => (a.entries.every(Boolean) ? Math.min(...a.entries.map((e) => e.df)) : 0)));
  concepts.forEach((c, i) => {
    if (c.optional || !c.cjk || c.words.length !== 1 || c.alts.length !== 1 || codePoints(c.surface) !== 2) return;
    const prev = known(concepts[i - 1]) && last(concepts[i - 1]) === first(c) ? concepts[i - 1] : null;
    const next = known(concepts[i + 1]) && first(concepts[i + 1]) === last(c) ? concepts[i + 1] : null;
    const own = frequency(c);
    if ((prev && next) || [prev, next].some((n) => n && own < frequency(n))) c.optional = true;
  });
}

async function corrections(index, term, edits, prefix, maxChunks) {
  const { entries } = await index.range(prefix, `${prefix}\uffff`, maxChunks);
  const out = [];
  for (const e of entries) {
    const d = editDistance(term, e.term, edits);
    if (d <= edits && d > 0) out.push({ entry: e, distance: d });
  }
  out.sort((a, b) => a.distance - b.distance || b.entry.df - a.entry.df);
  return out.slice(0, CORRECTIONS);
}

/** Scores pages; returns them best first with their matched terms and best part. */
function score(concepts, postingsOf, n, k1) {
  const pages = new Map();
  const live = concepts.filter((c) => c.weight > 0);
  const importance = (c) => c.weight * (c.optional ? TUNE.optional : 1);
  const total = live.reduce((s, c) => s + importance(c), 0);
  const required = live.filter((c) => !c.optional).length || live.length;
  live.forEach((c, ci) => {
    c.alts.forEach((a) => {
      a.terms.forEach((t, ti) => {
        const e = a.entries[ti];
        const p = e && postingsOf.get(e);
        if (!p) return;
        const w = (a.idf ?? idf(e.df, n)) * (k1 + 1) / 255;
        for (let i = 0; i < p.docs.length; i++) {
          const d = p.docs[i];
          let page = pages.get(d);
          if (!page) {
            page = { doc: d, per: new Map() };
            pages.set(d, page);
          }
          const key = ci * 64 + c.alts.indexOf(a);
          let acc = page.per.get(key);
          if (!acc) {
            acc = { sum: 0, present: 0, best: 0, part: 0, terms: [], title: 0 };
            page.per.set(key, acc);
          }
          const v = w * p.impacts[i];
          acc.sum += v;
          acc.present++;
          acc.terms.push(t);
          if (p.titles[i]) acc.title++;
          if (v > acc.best) {
            acc.best = v;
            acc.part = p.parts[i];
          }
        }
      });
    });
  });
  const out = [];
  for (const page of pages.values()) {
    let sum = 0;
    let covered = 0;
    let matched = 0;
    const votes = new Map();
    const parts = [];
    const terms = new Set();
    const fillers = new Set(); // matched question words: marked only when nothing else is
    let matchedRequired = 0;
    let titled = 0;
    live.forEach((c, ci) => {
      let best = 0;
      let others = 0;
      let quality = 0;
      let part = 0;
      let inTitle = false;
      c.alts.forEach((a, ai) => {
        const acc = page.per.get(ci * 64 + ai);
        if (!acc) return;
        // A phrase counts as one word: the mean of its words, less when some are missing.
        const fraction = acc.present / a.terms.length;
        const v = a.weight * (acc.sum / a.terms.length) * fraction * fraction;
        // Half a phrase is not a match to show: "out" alone is not "cash out".
        if (fraction === 1) for (const t of acc.terms) (c.optional ? fillers : terms).add(t);
        // The title says it in any of the concept's words: "arrived" in the title answers "credited".
        if (acc.title === a.terms.length && (a.kind === 'exact' || a.kind === 'synonym')) inTitle = true;
        if (v > best) {
          others += best;
          best = v;
          part = acc.part;
          quality = fraction * fraction * (a.kind === 'exact' ? 1 : a.weight);
          if (acc.title === a.terms.length) inTitle = true;
        } else {
          others += v;
        }
      });
      if (best > 0) {
        // Several ways of saying the same thing on one page are a little more evidence.
        const v = (best + Math.min(best / 2, TUNE.others * others)) * (c.optional ? TUNE.optionalScore : 1);
        sum += v;
        covered += importance(c) * quality;
        matched++;
        if (!c.optional) {
          matchedRequired++;
          parts.push(part);
          if (inTitle) titled++;
        }
        votes.set(part, (votes.get(part) || 0) + v);
      }
    });
    const coverage = total > 0 ? covered / total : 0;
    let s = sum * (TUNE.floor + (1 - TUNE.floor) * coverage * coverage);
    if (matchedRequired === required && required > 1) s *= TUNE.all;
    // Readers type titles: a title holding the words is the likeliest answer.
    s *= 1 + TUNE.title * (titled / required) ** 2;
    // Proximity without positions: matches under the same heading. Part 0 is the title and introduction,
    // which go with every heading. The deep link is the heading most of the weight points to.
    let part = 0;
    let top = 0;
    const atTop = votes.get(0) || 0;
    for (const [p, v] of votes) {
      if (p !== 0 && v + atTop > top) {
        top = v + atTop;
        part = p;
      }
    }
    if (part !== 0 && top - atTop < atTop) part = 0;
    if (parts.length > 1) {
      let together = 0;
      for (const p of parts) if (p === part || p === 0) together++;
      s *= 1 + TUNE.together * (together - 1) / (parts.length - 1);
    }
    out.push({ doc: page.doc, score: s, part, terms: terms.size ? terms : fillers, matched, all: matchedRequired === required, sum, coverage });
  }
  out.sort((a, b) => b.score - a.score || a.doc - b.doc);
  return { pages: out, live };
}

/**
 * Readers type titles: among the results shown, a page whose title says what was asked and nothing else ("提币"
 * for 提币, "Withdraw crypto" for "withdraw cry") moves up. Question words in the title ("why", "how") do not count.
 */
function titleFirst(top, docs, live, meta) {
  const asked = new Set(live.flatMap((c) => c.alts.filter((a) => a.entries.every(Boolean)).flatMap((a) => a.terms)));
  const optional = new Set(meta.optional || []);
  top.forEach((p, i) => {
    const words = plan(docs[i].title, meta).flatMap((c) => c.words.map((w) => w.term)).filter((t) => t && !optional.has(t));
    const said = new Set(words);
    const all = live.every((c) => c.optional || c.alts.some((a) => a.terms.every((t) => said.has(t))));
    if (words.length && all && words.every((t) => asked.has(t))) p.score *= TUNE.exactTitle;
  });
  const order = top.map((p, i) => ({ p, d: docs[i] })).sort((a, b) => b.p.score - a.p.score || a.p.doc - b.p.doc);
  order.forEach((o, i) => {
    top[i] = o.p;
    docs[i] = o.d;
  });
}

/**
 * When an instant answer is shown: the question (or the title of an article with a summary) must say at least
 * `cover` of what was asked, weighted by how telling each word is; at least `said` of its own words must have been
 * asked; and the top result must lead the next one by `margin`. Tuned on bench/search/queries/*.json.
 */
export const ANSWER = { cover: 0.8, said: 0.5, margin: 1.25 };
const ANSWER_QUALITY = { exact: 1, synonym: 1, completion: 1, typo: WEIGHT.typo1 };

/**
 * How well a question (or title) matches the query: `cover`, the share of the query's weight it says (a synonym or
 * the completion of the word being typed says it too; a corrected typo, a little less), and `said`, the share of
 * its own words the query asked. Question words ("why", "怎么") count on neither side.
 */
export function questionMatch(question, live, meta) {
  const optional = new Set(meta.optional || []);
  const all = plan(question, meta).flatMap((c) => c.words).filter((w) => w.term);
  const inQuestion = new Set(all.map((w) => w.term));
  const words = all.map((w) => w.term).filter((t) => !optional.has(t));
  const asked = new Set();
  let total = 0;
  let covered = 0;
  for (const c of live) {
    let quality = 0;
    for (const a of c.alts) {
      if (!a.entries || !a.entries.every(Boolean) || !a.terms.every((t) => inQuestion.has(t))) continue;
      quality = Math.max(quality, ANSWER_QUALITY[a.kind] ?? 0);
      for (const t of a.terms) asked.add(t);
    }
    // Words of the query that do not decide the ranking do not decide the match either, but the question's own
    // words that the query says in passing were still asked.
    if (c.optional) continue;
    total += c.weight;
    covered += c.weight * quality;
  }
  const said = words.length ? words.filter((t) => asked.has(t)).length / words.length : 0;
  return { cover: total > 0 ? covered / total : 0, said };
}

/**
 * The instant answer for the results, or null: the answer stored with the top result's part (a FAQ entry; part 0:
 * an article's summary, matched by its title) when its question matches the query strongly and the result leads.
 */
export function instantAnswer(top, docs, live, meta, runnerUp = top[1]) {
  const first = top[0];
  const d = docs[0];
  const part = d && d.parts[first.part];
  if (!part || !part[3]) return null;
  const [anchor, heading, , text] = part;
  const question = first.part === 0 ? d.title : heading;
  const match = questionMatch(question, live, meta);
  const lead = runnerUp ? first.score / runnerUp.score : Infinity;
  if (match.cover < ANSWER.cover || match.said < ANSWER.said || lead < ANSWER.margin) return null;
  const path = d.path.startsWith('/') ? d.path : meta.base + d.path;
  return { question, text, url: anchor && first.part !== 0 ? `${path}#${encodeURIComponent(anchor)}` : path, ...match, lead };
}

function answerDebug(top, docs, live, meta) {
  const part = docs[0].parts[top[0].part];
  if (!part || !part[3]) return null;
  const lead = top.length > 1 ? top[0].score / top[1].score : Infinity;
  return { shown: false, lead, ...questionMatch(top[0].part === 0 ? docs[0].title : part[1], live, meta) };
}

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** HTML of a text with the words whose terms are in `terms` marked. */
export function highlight(text, terms, meta) {
  if (!text) return '';
  const step = termStep(meta);
  const ranges = [];
  for (const s of surfaces(text)) {
    const t = step(s.surface);
    if (t !== null && terms.has(t)) {
      const last = ranges[ranges.length - 1];
      if (last && s.start <= last[1]) last[1] = Math.max(last[1], s.end);
      else ranges.push([s.start, s.end]);
    }
  }
  let html = '';
  let at = 0;
  for (const [a, b] of ranges) {
    html += `${escapeHtml(text.slice(at, a))}<mark>${escapeHtml(text.slice(a, b))}</mark>`;
    at = b;
  }
  return html + escapeHtml(text.slice(at));
}

/**
 * Runs a query against an open index: [{url, title, section, heading, excerpt, ...}], best first.
 * `excerpt`, `titleHtml` and `headingHtml` are HTML with <mark> around matched words. The first result has
 * `answer` {question, text, url} when an instant answer is to be shown above the list (text is plain text).
 */
export async function run(index, query, { limit = 10, typos, debug = false } = {}) {
  await index.open();
  const meta = index.meta;
  if (needsFold(query)) await loadFold();
  const concepts = plan(query, meta);
  if (!concepts.length) return [];
  // Pages are read through the directory: fetch it alongside the dictionary, not after the postings.
  if (meta.docs) index.directory().catch(() => {});
  await expand(index, concepts, typos ?? meta.typos);
  markOptional(concepts, meta);
  const postingsOf = new Map();
  const want = new Set();
  const read = async () => {
    for (const c of concepts) for (const a of c.alts) for (const e of a.entries) if (e && !want.has(e)) want.add(e);
    await Promise.all([...want].filter((e) => !postingsOf.has(e)).map(async (e) => postingsOf.set(e, await index.postings(e))));
  };
  await read();
  let { pages, live } = score(concepts, postingsOf, meta.docs, meta.k1);
  // Nothing matches as written: rather than no answer, read each Chinese bigram that no page has as the start of a
  // word ("u 提不出来" finds 提币 and 提现).
  const unknown = concepts.filter((c) => c.cjk && c.words.length === 1 && !c.alts.some((a) => a.entries.every(Boolean)));
  if (!pages.length && unknown.length) {
    for (const c of unknown) c.loose = true;
    await expand(index, unknown, false);
    await read();
    ({ pages, live } = score(concepts, postingsOf, meta.docs, meta.k1));
  }
  // Heads hold each term's highest impacts. With several words, pages matching all of them may have a
  // lower impact for a frequent word: read the rest of those words' postings when too few pages match all.
  const truncated = [...want].filter((e) => e.n < e.df);
  if (truncated.length && live.length > 1 && pages.filter((p) => p.all).length < limit) {
    await Promise.all(truncated.map(async (e) => postingsOf.set(e, await index.postings(e, true))));
    ({ pages } = score(concepts, postingsOf, meta.docs, meta.k1));
  }
  const top = pages.slice(0, limit);
  if (!top.length) return [];
  const docs = await Promise.all(top.map((p) => index.doc(p.doc)));
  titleFirst(top, docs, live, meta);
  const texts = docs.flatMap((d, i) => [d.title, d.parts[top[i].part]?.[1] || '', d.parts[top[i].part]?.[2] || '']);
  if (texts.some(needsFold)) await loadFold();
  // With a limit of one, the runner-up for the margin is the next page as scored.
  const answer = instantAnswer(top, docs, live, meta, top[1] ?? pages[1]);
  return top.map((p, i) => {
    const d = docs[i];
    const [anchor, heading, excerpt] = d.parts[p.part] || d.parts[0];
    const path = d.path.startsWith('/') ? d.path : meta.base + d.path;
    return {
      url: anchor ? `${path}#${encodeURIComponent(anchor)}` : path,
      title: d.title,
      section: d.section,
      heading: heading || '',
      excerpt: highlight(excerpt, p.terms, meta),
      titleHtml: highlight(d.title, p.terms, meta),
      headingHtml: highlight(heading || '', p.terms, meta),
      lang: meta.locale,
      score: p.score,
      // The top result carries the instant answer to show above the list, if any: {question, text, url}.
      ...(i === 0 && answer ? { answer: { question: answer.question, text: answer.text, url: answer.url } } : {}),
      ...(debug && i === 0 ? { answerMatch: answer ?? answerDebug(top, docs, live, meta) } : {}),
      ...(debug ? { debug: { sum: p.sum, coverage: p.coverage, matched: p.matched, part: p.part, terms: [...p.terms],
        concepts: concepts.map((c) => `${c.surface}:${c.weight.toFixed(2)}${c.optional ? '?' : ''}[${c.alts.map((a) => `${a.kind}:${a.terms.join('+')}`).join(',')}]`) } } : {}),
    };
  });
}

/** Searches by locale, opening each locale's index once. `indexUrl(lang)` gives a locale's meta.json. */
export function createSearch({ indexUrl, fetch: fetchImpl }) {
  const indexes = new Map();
  const indexFor = (lang) => {
    if (!indexes.has(lang)) indexes.set(lang, new Index(indexUrl(lang), fetchImpl));
    return indexes.get(lang);
  };
  return {
    indexFor,
    async search(query, { lang, limit = 10, debug } = {}) {
      try {
        return await run(indexFor(lang), String(query ?? ''), { limit, debug });
      } catch (e) {
        if (!e.stale) throw e;
        // A page open across a publish holds the old version's meta.json: read the new one, once.
        indexes.delete(lang);
        return run(indexFor(lang), String(query ?? ''), { limit, debug });
      }
    },
  };
}
