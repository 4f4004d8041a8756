// The reader's language among a site's locales: a saved choice first, then the browser's languages, then the
// default. Shared by the root page, /go/<CODE>/ and the 404 page's unknown-code search.

export function pickLocale(available, saved, preferred, fallback) {
  const lower = available.map((code) => code.toLowerCase());
  const exact = (tag) => {
    const i = lower.indexOf(String(tag || '').toLowerCase());
    return i >= 0 ? available[i] : null;
  };
  if (exact(saved)) return exact(saved);
  for (const tag of preferred || []) {
    if (exact(tag)) return exact(tag);
    const language = String(tag).toLowerCase().split('-')[0];
    // zh-TW readers should not land on zh-CN unless nothing closer exists; other languages match by prefix.
    const sameLanguage = available.filter((code) => code.toLowerCase().split('-')[0] === language);
    if (sameLanguage.length > 0) return sameLanguage[0];
  }
  return fallback;
}
