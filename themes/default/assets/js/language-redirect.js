// The site root sends readers to their language: a saved choice first, then the browser's languages,
// then the default. Without JavaScript the page is a plain list of languages.

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

if (typeof document !== 'undefined') {
  const links = [...document.querySelectorAll('[data-lang-choice]')];
  const available = links.map((a) => a.dataset.langChoice);
  let saved = null;
  try {
    saved = localStorage.getItem('pharos.lang');
  } catch {
    saved = null;
  }
  const fallback = document.body.dataset.defaultLocale;
  const chosen = pickLocale(available, saved, navigator.languages || [navigator.language], fallback);
  const link = links.find((a) => a.dataset.langChoice === chosen);
  if (link) location.replace(link.href);
  document.addEventListener('click', (event) => {
    const a = event.target instanceof Element ? event.target.closest('[data-lang-choice]') : null;
    if (a) {
      try {
        localStorage.setItem('pharos.lang', a.dataset.langChoice);
      } catch {
        // Storage unavailable: the choice lasts this visit.
      }
    }
  });
}
