// The contact page's ticket assistant: the reader picks a topic, sees what to have ready, describes the problem in
// one line, sees an instant answer and articles that may already answer it (from the search module's
// window.pharos.search), and gets a ticket link prefilled with their words. Without JavaScript the page lists every topic with its own link instead.
import { ticketUrl, composeDraft, description } from './tickets.js';
import { fillSlot } from './emergency.js';

const SUGGEST_DELAY = 200;
const MIN_QUERY = 2;

/** The ticket for a topic and the reader's words: { url, copyText }. */
export function ticketFor(data, categoryId, typed) {
  const category = data.categories.find((c) => c.id === categoryId) ?? data.categories[0];
  const draft = composeDraft(data.text, {
    category: category.id,
    categoryLabel: category.label,
    summary: typed,
    message: typed,
    blanks: category.details,
    locale: data.locale,
    localeLabel: data.localeLabel,
  });
  return { url: ticketUrl(data.provider, draft, data.maxLength), copyText: `${draft.subject}\n\n${description(draft)}` };
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Excerpt HTML from the search index as [{ text, mark }]: only text and <mark> survive, and nothing is parsed as
 * HTML (no element of it ever exists in the page, so no attribute of it can run).
 */
export function excerptParts(html) {
  const parts = [];
  let marked = false;
  for (const token of String(html ?? '').split(/(<\/?mark\b[^>]*>)/i)) {
    if (/^<mark/i.test(token)) marked = true;
    else if (/^<\/mark/i.test(token)) marked = false;
    else {
      const text = decodeEntities(token.replace(/<[^>]*>/g, ''));
      if (text) parts.push({ text, mark: marked });
    }
  }
  return parts;
}

function excerptNodes(html, doc) {
  const out = doc.createDocumentFragment();
  for (const part of excerptParts(html)) {
    if (part.mark) {
      const mark = doc.createElement('mark');
      mark.textContent = part.text;
      out.append(mark);
    } else {
      out.append(doc.createTextNode(part.text));
    }
  }
  return out;
}

/** The instant answer of the results ({question, text, url} from the search), or none: text only, never HTML. */
function renderAnswer(form, answer) {
  const box = form.querySelector('[data-answer-box]');
  if (!box) return;
  box.hidden = !answer;
  if (!answer) return;
  box.querySelector('[data-answer-question]').textContent = answer.question;
  box.querySelector('[data-answer-text]').textContent = answer.text;
  box.querySelector('[data-answer-link]').href = answer.url;
}

function renderSuggestions(form, results, doc) {
  renderAnswer(form, results[0]?.answer);
  const box = form.querySelector('[data-suggestions-box]');
  const list = form.querySelector('[data-suggestion-list]');
  if (!box || !list) return;
  list.replaceChildren(...results.map((r) => {
    const item = doc.createElement('li');
    const link = doc.createElement('a');
    link.href = r.url;
    link.textContent = r.title;
    item.append(link);
    if (r.excerpt) {
      const excerpt = doc.createElement('p');
      excerpt.append(excerptNodes(r.excerpt, doc));
      item.append(excerpt);
    }
    return item;
  }));
  box.hidden = results.length === 0;
}

export async function init(doc) {
  const form = doc.querySelector('[data-assistant]');
  if (!form) return;
  let data;
  try {
    const response = await fetch(form.dataset.tickets);
    if (!response.ok) return;
    data = await response.json();
  } catch {
    return; // The plain list of topics stays.
  }
  const fallback = doc.querySelector('[data-assistant-fallback]');
  const details = form.querySelector('[data-step="details"]');
  const describeStep = form.querySelector('[data-step="describe"]');
  const input = form.querySelector('[data-describe]');
  const submit = form.querySelector('[data-submit]');
  const copyText = form.querySelector('[data-copy-text]');
  const emergencySlot = form.querySelector('[data-emergency-slot]');
  const lang = form.dataset.lang;
  form.hidden = false;
  if (fallback) fallback.hidden = true;

  const topic = () => form.querySelector('input[name="topic"]:checked')?.value;
  const update = () => {
    const id = topic();
    if (!id) return;
    details.hidden = false;
    describeStep.hidden = false;
    for (const block of details.querySelectorAll('[data-details-for]')) block.hidden = block.dataset.detailsFor !== id;
    const ticket = ticketFor(data, id, input.value);
    submit.href = ticket.url;
    if (copyText) copyText.value = ticket.copyText;
    fillSlot(emergencySlot, input.value, doc);
  };

  let sequence = 0;
  let timer = 0;
  const suggest = async () => {
    const query = input.value.trim();
    const mine = ++sequence;
    const search = globalThis.pharos?.search;
    if ([...query].length < MIN_QUERY || typeof search !== 'function') {
      renderSuggestions(form, [], doc);
      return;
    }
    let results = [];
    try {
      results = (await search(query, { lang, limit: 5 })) ?? [];
    } catch {
      results = [];
    }
    if (mine === sequence) renderSuggestions(form, results.slice(0, 5), doc);
  };

  form.addEventListener('change', (event) => {
    if (event.target.name === 'topic') update();
  });
  input.addEventListener('input', () => {
    update();
    clearTimeout(timer);
    timer = setTimeout(suggest, SUGGEST_DELAY);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault(); // Enter in the description moves to the link; the reader follows it themselves.
    submit.focus();
  });

  const preset = new URLSearchParams(doc.location?.search ?? '').get('topic');
  const radio = preset && [...form.querySelectorAll('input[name="topic"]')].find((r) => r.value === preset);
  if (radio) {
    radio.checked = true;
    update();
  }
}
