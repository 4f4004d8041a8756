// The page's one search engine: indexes at <base>_pharos/search/<locale>/meta.json, shared by the UI and by
// window.pharos.search so both reuse what was downloaded.
import { createSearch } from './engine.js';

const engine = createSearch({
  indexUrl: (lang) => `${document.body.dataset.base || '/'}_pharos/search/${encodeURIComponent(lang)}/meta.json`,
});

/** The page's locale unless told otherwise; results as {url, title, excerpt, section, heading, lang, ...}. */
export function search(query, { lang, limit = 10 } = {}) {
  return engine.search(query, { lang: lang || document.body.dataset.locale, limit });
}

/** Starts downloading a locale's entry file, so the first keystroke only waits for its words. */
export function warm(lang) {
  engine.indexFor(lang || document.body.dataset.locale).open().catch(() => {});
}
