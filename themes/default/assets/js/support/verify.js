// The official-channel checker page: runs check() on what the reader pastes and explains the verdict in the
// reader's language. Nothing typed here leaves the browser. Without JavaScript the page shows the official list.
import { check } from './checker.js';

const MAX_ECHO = 120;

export function format(template, params = []) {
  return String(template ?? '').replace(/\{(\d)\}/g, (_, i) => params[Number(i)] ?? '');
}

/** The verdict as text: { verdict, title, reasons: [text], advice }. */
export function describe(input, official, strings) {
  const shown = [...String(input).trim()].slice(0, MAX_ECHO).join('');
  const result = check(input, official);
  if (result.kind === 'empty') return { verdict: 'empty', title: strings['verdict.empty'] ?? '', reasons: [], advice: '' };
  return {
    verdict: result.verdict,
    title: format(strings[`verdict.${result.verdict}`], [shown]),
    reasons: result.reasons.map((r) => format(strings[`reason.${r.code}`], r.params)).filter(Boolean),
    advice: strings[`advice.${result.verdict}`] ?? '',
  };
}

function render(box, text, doc) {
  box.className = `verify-result verdict-${text.verdict}`;
  box.dataset.verdict = text.verdict;
  const title = doc.createElement('p');
  title.className = 'verdict';
  title.textContent = text.title;
  const parts = [title];
  if (text.reasons.length) {
    const list = doc.createElement('ul');
    for (const reason of text.reasons) {
      const item = doc.createElement('li');
      item.textContent = reason;
      list.append(item);
    }
    parts.push(list);
  }
  if (text.advice) {
    const advice = doc.createElement('p');
    advice.textContent = text.advice;
    parts.push(advice);
  }
  box.replaceChildren(...parts);
}

export function init(doc) {
  const form = doc.querySelector('[data-verify]');
  const box = doc.querySelector('[data-verify-result]');
  const input = form?.querySelector('[data-verify-input]');
  if (!form || !box || !input) return;
  let official;
  let strings;
  try {
    official = JSON.parse(form.dataset.official || '{}');
    strings = JSON.parse(form.dataset.strings || '{}');
  } catch {
    return; // The official list stays on the page.
  }
  form.hidden = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    render(box, describe(input.value, official, strings), doc);
  });
  const preset = new URLSearchParams(doc.location?.search ?? '').get('check');
  if (preset) {
    input.value = preset;
    render(box, describe(preset, official, strings), doc);
  }
}
