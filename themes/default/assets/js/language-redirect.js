// The site root and /go/<CODE>/ send readers to their language: a saved choice first, then the browser's languages,
// then the default. Without JavaScript each page is a plain list of languages.

import { pickLocale } from './pick-locale.js';

export { pickLocale };

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
