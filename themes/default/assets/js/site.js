// Page behaviour that needs JavaScript; every page works without it.
// Loaded as an async module: it never blocks rendering, and it runs as soon as it arrives (from the cache on every
// page after the first), so a saved dark or light choice is applied before or right at the first paint.

const THEME_KEY = 'pharos.theme';
const LANG_KEY = 'pharos.lang';

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null; // Private modes may forbid storage; preferences then last one page.
  }
}

function read(key) {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key, value) {
  try {
    storage()?.setItem(key, value);
  } catch {
    // Storage full or forbidden: the choice lasts this page.
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

/** The theme to store after a click: the opposite of what shows; null when that equals the system's (follow it again). */
export function nextTheme(saved, prefersDark) {
  const next = effectiveTheme(saved, prefersDark) === 'dark' ? 'light' : 'dark';
  return next === (prefersDark ? 'dark' : 'light') ? null : next;
}

function setUpThemeToggle() {
  const button = document.querySelector('.theme-toggle');
  if (!button) return;
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  const sync = () => {
    const dark = effectiveTheme(read(THEME_KEY), media.matches) === 'dark';
    button.setAttribute('aria-pressed', String(dark));
    button.title = dark ? button.dataset.labelLight : button.dataset.labelDark;
  };
  sync();
  button.hidden = false;
  button.addEventListener('click', () => {
    const next = nextTheme(read(THEME_KEY), media.matches);
    if (next) {
      write(THEME_KEY, next);
    } else {
      try {
        storage()?.removeItem(THEME_KEY);
      } catch {
        // Nothing stored to forget.
      }
    }
    applyTheme(document.documentElement, next);
    sync();
  });
  media.addEventListener('change', sync);
  // Another tab changed the theme: follow it.
  window.addEventListener('storage', (event) => {
    if (event.key !== THEME_KEY) return;
    applyTheme(document.documentElement, event.newValue);
    sync();
  });
}

function rememberLanguageChoice() {
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('[data-lang-choice]') : null;
    if (link) write(LANG_KEY, link.dataset.langChoice);
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
  // Opening one menu closes the other, so they never overlap.
  for (const menu of document.querySelectorAll('details.menu')) {
    menu.addEventListener('toggle', () => {
      if (!menu.open) return;
      for (const other of document.querySelectorAll('details.menu[open]')) {
        if (other !== menu) other.open = false;
      }
    });
  }
}

function openAnswersForPrintAndLinks() {
  window.addEventListener('beforeprint', () => {
    for (const d of document.querySelectorAll('details.faq-item')) d.open = true;
  });
  const openTarget = () => {
    let id = '';
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch {
      return;
    }
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

/** Keyboard users can scroll a table or code block that is wider than the screen. */
function makeScrollersFocusable() {
  for (const box of document.querySelectorAll('.prose table, .prose pre')) {
    if (box.scrollWidth > box.clientWidth + 1 && !box.hasAttribute('tabindex')) {
      box.tabIndex = 0;
    }
  }
}

/** Marks the table-of-contents entry of the section being read. */
function highlightCurrentSection() {
  const toc = document.querySelector('.toc-side');
  if (!toc || !('IntersectionObserver' in window)) return;
  const links = new Map([...toc.querySelectorAll('a[href^="#"]')].map((a) => [decodeURIComponent(a.hash.slice(1)), a]));
  const headings = [...links.keys()].map((id) => document.getElementById(id)).filter(Boolean);
  const visible = new Set();
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) visible.add(entry.target);
      else visible.delete(entry.target);
    }
    const current = headings.find((h) => visible.has(h));
    if (!current) return;
    for (const a of links.values()) a.removeAttribute('aria-current');
    links.get(current.id)?.setAttribute('aria-current', 'true');
  }, { rootMargin: '0px 0px -60% 0px' });
  for (const h of headings) observer.observe(h);
}

function start() {
  setUpThemeToggle();
  rememberLanguageChoice();
  closeMenusOnOutsideClick();
  openAnswersForPrintAndLinks();
  focusSearchWithSlash();
  makeScrollersFocusable();
  window.addEventListener('resize', makeScrollersFocusable, { passive: true });
  highlightCurrentSection();
}

if (typeof document !== 'undefined') {
  applyTheme(document.documentElement, read(THEME_KEY));
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start, { once: true });
  } else {
    start();
  }
}
