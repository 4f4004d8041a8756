// Loaded on every page and kept tiny: it exposes window.pharos.search and loads the search code only when the
// reader focuses or types in a search box (or opens the results page with ?q=), so article pages stay light.

const load = () => import('./ui.js');

/** window.pharos.search(query, {lang, limit}) → Promise of [{url, title, excerpt, section}], best first. */
function installApi() {
  const pharos = (window.pharos = window.pharos || {});
  pharos.search = (query, options = {}) => import('./client.js').then((m) => m.search(query, options));
}

function enhanceOnDemand() {
  const wake = (event) => {
    const input = event.target instanceof Element ? event.target.closest('.search-input') : null;
    if (input) load().then((ui) => ui.enhance(input));
  };
  document.addEventListener('focusin', wake);
  document.addEventListener('input', wake);
  document.addEventListener('pointerdown', wake);
  // A box focused before this module ran (autofocus, a fast "/") is enhanced now.
  if (document.activeElement && document.activeElement.matches('.search-input')) load().then((ui) => ui.enhance(document.activeElement));
  const page = document.querySelector('[data-search-results]')?.closest('.search-page');
  if (page && new URLSearchParams(location.search).get('q')) {
    document.documentElement.classList.add('search-pending');
    load().then((ui) => ui.resultsPage(page));
  }
}

if (typeof document !== 'undefined' && document.getElementById('pharos-search')) {
  installApi();
  enhanceOnDemand();
}
