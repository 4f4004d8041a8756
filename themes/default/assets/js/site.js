// Page behaviour that needs JavaScript; every page works without it.
// Loaded as a module (deferred), so it never blocks rendering.

const THEME_KEY = 'pharos.theme';
const LANG_KEY = 'pharos.lang';

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null; // Private modes may forbid storage; preferences then last one page.
  }
}

export function applyTheme(root, theme) {
  if (theme === 'dark' || theme === 'light') {
    root.dataset.theme = theme;
  } else {
    delete root.dataset.theme;
  }
}

export function effectiveTheme(saved, prefersDark) {
  if (saved === 'dark' || saved === 'light') return saved;
  return prefersDark ? 'dark' : 'light';
}

function setUpThemeToggle() {
  const button = document.querySelector('.theme-toggle');
  const store = storage();
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  const current = () => effectiveTheme(store?.getItem(THEME_KEY), media.matches);
  const sync = () => {
    if (!button) return;
    const dark = current() === 'dark';
    button.setAttribute('aria-pressed', String(dark));
    button.title = dark ? button.dataset.labelLight : button.dataset.labelDark;
  };
  applyTheme(document.documentElement, store?.getItem(THEME_KEY));
  if (!button) return;
  button.hidden = false;
  sync();
  button.addEventListener('click', () => {
    const next = current() === 'dark' ? 'light' : 'dark';
    store?.setItem(THEME_KEY, next);
    applyTheme(document.documentElement, next);
    sync();
  });
  media.addEventListener('change', sync);
}

function rememberLanguageChoice() {
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('[data-lang-choice]') : null;
    if (link) storage()?.setItem(LANG_KEY, link.dataset.langChoice);
  });
}

function closeMenusOnOutsideClick() {
  document.addEventListener('click', (event) => {
    for (const menu of document.querySelectorAll('details.menu[open]')) {
      if (!menu.contains(event.target)) menu.open = false;
    }
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    for (const menu of document.querySelectorAll('details.menu[open]')) {
      menu.open = false;
      menu.querySelector('summary')?.focus();
    }
  });
}

function openAnswersForPrintAndLinks() {
  window.addEventListener('beforeprint', () => {
    for (const d of document.querySelectorAll('details.faq-item')) d.open = true;
  });
  const openTarget = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    const details = target?.closest('details');
    if (details) details.open = true;
  };
  window.addEventListener('hashchange', openTarget);
  openTarget();
}

function focusSearchWithSlash() {
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    const active = document.activeElement;
    if (active && (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName))) return;
    const input = document.querySelector('.search-input');
    if (input) {
      event.preventDefault();
      input.focus();
      input.select();
    }
  });
}

if (typeof document !== 'undefined') {
  setUpThemeToggle();
  rememberLanguageChoice();
  closeMenusOnOutsideClick();
  openAnswersForPrintAndLinks();
  focusSearchWithSlash();
}
