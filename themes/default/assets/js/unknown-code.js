// An error code link the help center does not know (/go/NOPE-123/ or /en/go/NOPE-123/) ends on the 404 page, since
// the host is static: send the reader to the search page with the code as the query rather than leave them there.
// Codes are published in upper case, so a lower-case link first tries its upper-case form.

import { pickLocale } from './pick-locale.js';

/**
 * Where a 404'd path should go instead, or null when it is no error code link.
 * @param {string} pathname  location.pathname
 * @param {string} base      the site's base path, ending in '/'
 * @param {string[]} locales the site's locale codes
 * @param {() => string} chooseLocale the reader's language, for a link without one
 * @returns {{ code: string, locale: string, url: string, search: boolean } | null}
 */
export function codeTarget(pathname, base, locales, chooseLocale) {
  if (!pathname.startsWith(base)) return null;
  const match = /^(?:([^/]+)\/)?go\/([^/]+)\/?(?:index\.html)?$/.exec(pathname.slice(base.length));
  if (!match) return null;
  let code;
  try {
    code = decodeURIComponent(match[2]);
  } catch {
    return null;
  }
  const written = match[1];
  const locale = written === undefined ? chooseLocale() : locales.find((l) => l.toLowerCase() === written.toLowerCase());
  if (!locale || !code.trim()) return null;
  const prefix = written === undefined ? base : `${base}${written}/`;
  if (code !== code.toUpperCase() && /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(code)) {
    return { code, locale, url: `${prefix}go/${code.toUpperCase()}/`, search: false };
  }
  return { code, locale, url: `${base}${locale}/search/?q=${encodeURIComponent(code)}`, search: true };
}

if (typeof document !== 'undefined') {
  const slot = document.querySelector('[data-code-search]');
  if (slot) {
    const locales = slot.dataset.locales.split(' ');
    const choose = () => {
      let saved = null;
      try {
        saved = localStorage.getItem('pharos.lang');
      } catch {
        saved = null;
      }
      return pickLocale(locales, saved, navigator.languages || [navigator.language], slot.dataset.defaultLocale);
    };
    const target = codeTarget(location.pathname, document.body.dataset.base || '/', locales, choose);
    if (target) {
      const link = slot.querySelector('a');
      link.href = target.url;
      link.textContent = slot.dataset.label.replace('{0}', target.code);
      slot.hidden = false;
      location.replace(target.url);
    }
  }
}
