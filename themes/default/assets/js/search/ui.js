// Search as you type: an ARIA 1.2 combobox (input + listbox popup) under every search box, and the full
// results page at /<locale>/search/?q=. Both render through render(), add an empty [data-search-banner] slot
// at the top of the list, then the instant answer when the engine gives one, and announce the result count in a
// live region. After each render the document gets a `pharos:search` event {query, lang, results, container}.
// CSP-safe: no inline styles; state is classes, `hidden` and ARIA attributes.
//
// Why a combobox with a listbox, not a list of links: focus stays in the input while the reader types, arrows
// move through the suggestions and screen readers announce each as "option n of m" through aria-activedescendant
// (the WAI-ARIA Authoring Practices pattern for search suggestions). A list of links would take focus out of the
// box on every arrow press, so the reader could not type on. An option is therefore not a link (a link inside an
// option is interactive content nested in an interactive role, which screen readers announce badly or not at
// all): it keeps its URL in data-href, and Enter or a click goes there; a middle click, or a click or Enter with
// Ctrl/Cmd/Shift, opens it in a new tab. Everything else that can be operated (the instant answer's "Read more",
// "Also search …", "See all results") stays outside the listbox as ordinary links and buttons.
import { search, warm } from './client.js';

const DEBOUNCE_MS = 120;
const PAGE_LIMIT = 30;

const settings = document.getElementById('pharos-search').dataset;
const pageLang = document.body.dataset.locale;

/** Interface text from the page (data-t-* attributes, from the theme's i18n files), with {0} filled in. */
function t(key, ...args) {
  const text = settings[`t${key[0].toUpperCase()}${key.slice(1)}`] ?? key;
  return text.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Too short to mean anything yet: one Latin letter (a CJK character is a word). */
function tooShort(query) {
  const q = query.trim();
  return q.length === 0 || (q.length < 2 && !/[\u2E80-\uA4CF\uAC00-\uD7AF\uF900-\uFAFF]/.test(q));
}

function countText(n) {
  return n === 1 ? t('resultsOne') : t('resultsMany', n);
}

let ids = 0;

/**
 * The HTML of a result list: the banner slot, the items (options in the drop-down, links on the page), and the
 * "no results" text. `fallback` are results from the default locale, after the reader asked for them.
 */
function listHtml(query, results, fallback, { option, listId }) {
  const item = (r, i) => {
    const where = [esc(r.section || ''), r.headingHtml].filter(Boolean).join(' › ');
    const lang = r.lang && r.lang !== pageLang ? esc(r.lang) : '';
    const body = `<span class="search-hit-title">${r.titleHtml}</span>`
      + (where ? `<span class="search-hit-where">${where}</span>` : '')
      + (r.excerpt ? `<span class="search-hit-excerpt">${r.excerpt}</span>` : '');
    if (!option) {
      return `<li class="search-result"${lang ? ` lang="${lang}"` : ''}><a class="search-hit" href="${esc(r.url)}"${lang ? ` hreflang="${lang}"` : ''}>${body}</a></li>`;
    }
    // Named by its content (title, place, excerpt), as the link it replaces was: the name holds all the visible
    // text, so a reader using voice control can say what they see (WCAG 2.5.3).
    return `<li role="option" id="${listId}-${i}" class="search-option search-hit" aria-selected="false"`
      + ` data-href="${esc(r.url)}"${lang ? ` lang="${lang}"` : ''}>${body}</li>`;
  };
  // Results from the default locale: on the page a heading line in the list; in the listbox a named group, so a
  // screen reader says which language the options below are in.
  const group = (items, start) => {
    const label = esc(t('fromLang', settings.fallbackLabel));
    if (!option) return `<li role="presentation" class="search-group">${label}</li>${items.map((r, i) => item(r, start + i)).join('')}`;
    // The label is read once, as the group's name, not again as loose text between the options.
    return `<li role="presentation"><span class="search-group" id="${listId}-group" aria-hidden="true">${label}</span>`
      + `<ul role="group" class="search-list" aria-labelledby="${listId}-group">${items.map((r, i) => item(r, start + i)).join('')}</ul></li>`;
  };
  const open = option ? `<ul role="listbox" id="${listId}" class="search-list" aria-label="${esc(t('suggestions'))}">` : '<ol class="search-list">';
  const close = option ? '</ul>' : '</ol>';
  let html = '<div data-search-banner></div>';
  if (results.length) {
    html += open + results.map(item).join('');
    if (fallback && fallback.length) html += group(fallback, results.length);
    html += close;
  } else {
    html += `<p class="search-empty">${esc(t('none', query.trim()))} ${esc(t('noneHint'))}</p>`;
    if (fallback && fallback.length) {
      html += open + group(fallback, 0) + close;
    } else if (option) {
      // The combobox's aria-controls always names a listbox, empty or not.
      html += `<ul role="listbox" id="${listId}" class="search-list" aria-label="${esc(t('suggestions'))}" hidden></ul>`;
    }
  }
  return html;
}

/** Offer the default locale when this one finds little, until the reader has asked once. */
function offersFallback(results, fallback) {
  return settings.fallbackLang && fallback === null && results.length < Number(settings.fallbackBelow || 0);
}

let answerIds = 0;

/**
 * Puts the instant answer of the results, if any, above the list (after the banner slot): a region named by its
 * label ("Answer"), the question, the text (its line breaks kept by CSS) and "Read more" to the entry. Built with
 * textContent only: the answer is index data and is never parsed as HTML.
 */
function placeAnswer(container, results) {
  const answer = results[0]?.answer;
  if (!answer) return false;
  const id = `pharos-answer-${++answerIds}`;
  const element = (tag, className, text) => {
    const e = document.createElement(tag);
    e.className = className;
    e.textContent = text;
    return e;
  };
  const box = element('section', 'search-answer', '');
  box.setAttribute('aria-labelledby', `${id}-label`);
  const label = element('p', 'search-answer-label', t('answer'));
  label.id = `${id}-label`;
  const question = element('p', 'search-answer-question', answer.question);
  question.id = `${id}-question`;
  const more = element('a', 'search-answer-more', t('readMore'));
  more.href = answer.url;
  // "Read more" says where only with the question it belongs to.
  more.setAttribute('aria-describedby', question.id);
  box.append(label, question, element('p', 'search-answer-text', answer.text), more);
  const banner = container.querySelector('[data-search-banner]');
  if (banner) banner.after(box);
  else container.prepend(box);
  return true;
}

function announce(region, text) {
  // Cleared first so the same count is read again after a new query.
  region.textContent = '';
  setTimeout(() => { region.textContent = text; }, 50);
}

function dispatch(query, lang, results, container) {
  document.dispatchEvent(new CustomEvent('pharos:search', { detail: { query, lang, results, container } }));
}

/** The drop-down of one search box. */
class Combobox {
  constructor(input) {
    this.input = input;
    this.form = input.closest('form');
    this.id = `pharos-search-${++ids}`;
    this.seq = 0;
    this.active = -1;
    this.results = [];
    this.fallback = null;
    this.query = '';

    this.popup = document.createElement('div');
    this.popup.className = 'search-popup';
    this.popup.hidden = true;
    this.popup.id = `${this.id}-popup`;
    this.status = document.createElement('div');
    this.status.className = 'visually-hidden';
    this.status.setAttribute('role', 'status');
    this.form.append(this.popup, this.status);

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', `${this.id}-list`);

    input.addEventListener('input', () => this.schedule());
    input.addEventListener('keydown', (e) => this.key(e));
    input.addEventListener('focus', () => { if (this.results.length || this.query) this.open(); });
    this.form.addEventListener('focusout', (e) => {
      if (!this.form.contains(e.relatedTarget)) this.close();
    });
    document.addEventListener('pointerdown', (e) => {
      if (!this.form.contains(e.target)) this.close();
    });
    const optionAt = (e) => (e.target instanceof Element ? e.target.closest('[role=option]') : null);
    // Pressing on an option must not take focus from the input (it would close the drop-down before the click).
    this.popup.addEventListener('mousedown', (e) => { if (optionAt(e)) e.preventDefault(); });
    // On Linux a middle click also pastes the primary selection into the focused box, which would change the query
    // (and the results) under the reader while the option opens in a new tab.
    this.popup.addEventListener('mouseup', (e) => { if (e.button === 1 && optionAt(e)) e.preventDefault(); });
    this.popup.addEventListener('click', (e) => {
      const also = e.target instanceof Element ? e.target.closest('.search-also') : null;
      if (also) {
        e.preventDefault();
        this.searchFallback();
        return;
      }
      const option = optionAt(e);
      if (option && e.button === 0) this.go(option, e.ctrlKey || e.metaKey || e.shiftKey);
    });
    this.popup.addEventListener('auxclick', (e) => {
      const option = optionAt(e);
      if (option && e.button === 1) this.go(option, true);
    });
    this.popup.addEventListener('pointermove', (e) => {
      const li = e.target instanceof Element ? e.target.closest('[role=option]') : null;
      if (li) this.highlight(this.options().indexOf(li), false);
    });
    if (input.value && !tooShort(input.value)) this.schedule(0);
  }

  schedule(delay = DEBOUNCE_MS) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(this.input.value), delay);
  }

  async run(query) {
    const seq = ++this.seq;
    if (tooShort(query)) {
      this.query = '';
      this.results = [];
      this.close();
      return;
    }
    this.form.classList.add('search-busy');
    try {
      const results = await search(query, { limit: Number(settings.results || 6) });
      if (seq !== this.seq) return;
      this.query = query;
      this.results = results;
      this.fallback = null;
      this.render();
    } catch (e) {
      if (seq !== this.seq) return;
      this.popup.innerHTML = `<div data-search-banner></div><p class="search-empty">${esc(t('error'))}</p>`;
      this.open();
      announce(this.status, t('error'));
    } finally {
      if (seq === this.seq) this.form.classList.remove('search-busy');
    }
  }

  async searchFallback() {
    const seq = this.seq;
    const fallback = await search(this.query, { lang: settings.fallbackLang, limit: Number(settings.results || 6) });
    if (seq !== this.seq) return;
    this.fallback = fallback;
    this.render();
    if (fallback.length) this.highlight(this.results.length, true);
  }

  render() {
    const listId = `${this.id}-list`;
    let html = listHtml(this.query, this.results, this.fallback, { option: true, listId });
    const all = `${this.form.getAttribute('action') || ''}?q=${encodeURIComponent(this.query.trim())}`;
    html += '<div class="search-footer">';
    if (offersFallback(this.results, this.fallback)) {
      html += `<button type="button" class="search-also" lang="${esc(settings.fallbackLang)}">${esc(t('alsoIn', settings.fallbackLabel))}</button>`;
    }
    html += `<a class="search-all" href="${esc(all)}">${esc(t('seeAll'))}</a></div>`;
    this.popup.innerHTML = html;
    const answered = placeAnswer(this.popup, this.results);
    this.active = -1;
    this.input.removeAttribute('aria-activedescendant');
    this.open();
    const total = this.results.length + (this.fallback ? this.fallback.length : 0);
    announce(this.status, `${answered ? `${t('answerShown')} ` : ''}${total ? countText(total) : t('none', this.query.trim())}`);
    dispatch(this.query, pageLang, this.fallback ? [...this.results, ...this.fallback] : this.results, this.popup);
  }

  options() {
    return [...this.popup.querySelectorAll('[role=option]')];
  }

  open() {
    if (!this.query) return;
    this.popup.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  close() {
    this.popup.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
    this.highlight(-1, false);
  }

  highlight(index, scroll) {
    const options = this.options();
    options.forEach((o, i) => o.setAttribute('aria-selected', String(i === index)));
    this.active = index;
    if (index >= 0 && options[index]) {
      this.input.setAttribute('aria-activedescendant', options[index].id);
      if (scroll) options[index].scrollIntoView({ block: 'nearest' });
    } else {
      this.input.removeAttribute('aria-activedescendant');
    }
  }

  /** Opens an option's page, here or (as a link would with a modifier or the middle button) in a new tab. */
  go(option, newTab) {
    const url = option.dataset.href;
    if (!url) return;
    // Options are not links: listeners on opened results (search analytics) hear of them through this event.
    const rank = this.options().indexOf(option) + 1;
    document.dispatchEvent(new CustomEvent('pharos:open', { detail: { url, rank } }));
    if (newTab) window.open(url, '_blank', 'noopener');
    else location.assign(url);
  }

  key(e) {
    const options = this.options();
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!options.length) return;
      e.preventDefault();
      if (this.popup.hidden) {
        this.open();
        this.highlight(e.key === 'ArrowDown' ? 0 : options.length - 1, true);
        return;
      }
      const step = e.key === 'ArrowDown' ? 1 : -1;
      let next = this.active + step;
      if (next >= options.length) next = -1;
      if (next < -1) next = options.length - 1;
      this.highlight(next, true);
    } else if (e.key === 'Enter') {
      const chosen = !this.popup.hidden && this.active >= 0 ? options[this.active] : null;
      if (chosen) {
        e.preventDefault();
        this.go(chosen, e.ctrlKey || e.metaKey || e.shiftKey);
      }
    } else if (e.key === 'Escape') {
      if (!this.popup.hidden) {
        e.preventDefault();
        this.close();
      } else if (this.input.value) {
        e.preventDefault();
        this.input.value = '';
        this.query = '';
        this.results = [];
      }
    }
  }
}

const enhanced = new WeakSet();

/** Adds the drop-down to a search box (once). The results page's own box updates the page instead. */
export function enhance(input) {
  if (enhanced.has(input)) return;
  enhanced.add(input);
  warm();
  const page = input.closest('.search-page');
  if (page && page.querySelector('[data-search-results]')) {
    resultsPage(page);
    return;
  }
  new Combobox(input);
}

let pageState = null;

/** The results page: renders ?q= at load, and follows its own box as the reader types. */
export function resultsPage(page) {
  if (pageState) return pageState;
  const input = page.querySelector('.search-input');
  const form = input.closest('form');
  const container = page.querySelector('[data-search-results]');
  const status = document.createElement('div');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  page.append(status);
  enhanced.add(input);
  const state = { seq: 0, query: '', results: [], fallback: null };
  pageState = state;

  const render = () => {
    let html = state.query ? `<h2 class="search-heading">${esc(t('resultsFor', state.query.trim()))}</h2>` : '';
    html += listHtml(state.query, state.results, state.fallback, { option: false });
    if (offersFallback(state.results, state.fallback)) {
      html += `<p class="search-footer"><button type="button" class="search-also" lang="${esc(settings.fallbackLang)}">${esc(t('alsoIn', settings.fallbackLabel))}</button></p>`;
    }
    container.innerHTML = html;
    const answered = placeAnswer(container, state.results);
    page.classList.toggle('has-results', Boolean(state.query));
    document.documentElement.classList.remove('search-pending');
    const total = state.results.length + (state.fallback ? state.fallback.length : 0);
    announce(status, `${answered ? `${t('answerShown')} ` : ''}${total ? countText(total) : t('none', state.query.trim())}`);
    dispatch(state.query, pageLang, state.fallback ? [...state.results, ...state.fallback] : state.results, container);
  };

  const run = async (query, push) => {
    const seq = ++state.seq;
    const url = new URL(location.href);
    if (query.trim()) url.searchParams.set('q', query.trim());
    else url.searchParams.delete('q');
    history[push ? 'pushState' : 'replaceState'](null, '', url);
    if (!query.trim()) {
      state.query = '';
      state.results = [];
      state.fallback = null;
      container.innerHTML = '';
      page.classList.remove('has-results');
      document.documentElement.classList.remove('search-pending');
      return;
    }
    try {
      const results = await search(query, { limit: PAGE_LIMIT });
      if (seq !== state.seq) return;
      Object.assign(state, { query, results, fallback: null });
      render();
    } catch (e) {
      if (seq !== state.seq) return;
      container.innerHTML = `<div data-search-banner></div><p class="search-empty">${esc(t('error'))}</p>`;
      document.documentElement.classList.remove('search-pending');
    }
  };

  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => run(input.value, false), DEBOUNCE_MS * 2);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    run(input.value, true);
  });
  container.addEventListener('click', async (e) => {
    const also = e.target instanceof Element ? e.target.closest('.search-also') : null;
    if (!also) return;
    const seq = state.seq;
    const fallback = await search(state.query, { lang: settings.fallbackLang, limit: PAGE_LIMIT });
    if (seq !== state.seq) return;
    state.fallback = fallback;
    render();
  });
  window.addEventListener('popstate', () => {
    const q = new URLSearchParams(location.search).get('q') || '';
    input.value = q;
    run(q, false);
  });

  const initial = new URLSearchParams(location.search).get('q') || '';
  if (initial) {
    input.value = initial;
    run(initial, false);
  }
  return state;
}
