// Opt-in search analytics: loaded only on sites that set search.analytics.endpoint in pharos.yml. It reports, with
// navigator.sendBeacon, the query a reader settled on (not every keystroke), how many results it found, and which
// result was opened, so writers can see what readers looked for and did not find. Nothing identifies the reader:
// no cookie is set, no id is made, and the time is the only other field. Readers who ask not to be tracked (Do Not
// Track, Global Privacy Control) send nothing.

/** How long the reader must stop typing before a query counts as the one they searched for. */
export const SETTLE_MS = 1500;

/** False when the reader asked not to be tracked, or the browser cannot send beacons. */
export function allowed(nav) {
  return Boolean(nav) && typeof nav.sendBeacon === 'function'
    && nav.doNotTrack !== '1' && nav.globalPrivacyControl !== true;
}

/**
 * A tracker for one page, or null when there is nothing to send to or the reader opted out. `searched` is called
 * after each render of results; the last one within `settleMs` is sent. `opened` sends the settled search first (a
 * reader may click before it settles), then the opened result with its 1-based rank.
 */
export function createTracker({ endpoint, nav = globalThis.navigator, now = () => new Date(), settleMs = SETTLE_MS } = {}) {
  if (!endpoint || !allowed(nav)) return null;
  let pending = null;
  let sent = null;
  let timer;
  const send = (event) => {
    try {
      nav.sendBeacon(endpoint, JSON.stringify(event));
    } catch {
      // A beacon the browser refuses (a blocked or invalid URL) must not break search.
    }
  };
  const flush = () => {
    clearTimeout(timer);
    if (!pending) return;
    // The same search rendered again (the box refocused, the fallback asked for) is still one search.
    if (!sent || sent.q !== pending.q || sent.lang !== pending.lang || sent.results !== pending.results) send(pending);
    sent = pending;
    pending = null;
  };
  return {
    searched(query, lang, results) {
      const q = String(query ?? '').trim();
      if (!q) return;
      pending = { v: 1, t: now().toISOString(), q, lang: String(lang ?? ''), results: Number(results) || 0 };
      clearTimeout(timer);
      timer = setTimeout(flush, settleMs);
    },
    opened(url, rank) {
      flush();
      if (!sent) return;
      send({ v: 1, t: now().toISOString(), q: sent.q, lang: sent.lang, results: sent.results, opened: String(url), rank });
    },
    flush,
  };
}

/**
 * Wires a tracker to the search UI's `pharos:search` events, its `pharos:open` events (a drop-down option opened
 * by mouse or keyboard: options are not links) and clicks on the results page's links.
 */
export function start(doc, nav = globalThis.navigator) {
  const settings = doc.getElementById('pharos-search');
  const tracker = createTracker({ endpoint: settings?.dataset.analytics, nav });
  if (!tracker) return null;
  doc.addEventListener('pharos:search', (event) => {
    const { query, lang, results } = event.detail || {};
    tracker.searched(query, lang, Array.isArray(results) ? results.length : 0);
  });
  // The page and heading opened; never a query string, which could carry more than the reader chose to send.
  const opened = (href, rank) => {
    const url = new URL(href, doc.baseURI);
    tracker.opened(url.pathname + url.hash, rank);
  };
  doc.addEventListener('pharos:open', (event) => {
    const { url, rank } = event.detail || {};
    if (url) opened(url, rank);
  });
  const open = (event) => {
    if (event.type === 'auxclick' && event.button !== 1) return;
    const link = event.target instanceof Element ? event.target.closest('a.search-hit') : null;
    const list = link?.closest('[data-search-results]');
    if (!list) return;
    opened(link.href, [...list.querySelectorAll('a.search-hit')].indexOf(link) + 1);
  };
  doc.addEventListener('click', open, true);
  doc.addEventListener('auxclick', open, true);
  // A reader who leaves without opening anything still searched.
  doc.addEventListener('visibilitychange', () => { if (doc.visibilityState === 'hidden') tracker.flush(); });
  globalThis.addEventListener?.('pagehide', () => tracker.flush());
  return tracker;
}

if (typeof document !== 'undefined') start(document);
