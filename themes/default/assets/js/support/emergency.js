// The emergency banner above search results when a query holds a trigger word ("hacked", "被盗"), and in the
// contact assistant while the reader types. The banner itself is rendered by the generator into
// <template id="pharos-emergency" data-triggers="[...]">; this module only clones it into place.

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

/** Full-width forms to ASCII (NFKC), lower case, runs of spaces to one. */
export function normalize(text) {
  return String(text ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The first trigger found in the query, or null. Chinese, Japanese, Korean and Thai triggers match anywhere (those
 * scripts have no spaces between words); others match whole words, next to any non-Latin text.
 */
export function findTrigger(query, triggers) {
  const q = normalize(query);
  if (!q) return null;
  for (const trigger of triggers ?? []) {
    const t = normalize(trigger);
    if (!t) continue;
    if (CJK.test(t)) {
      if (q.includes(t)) return trigger;
    } else if (new RegExp(`(?<![\\p{Script=Latin}\\p{N}])${escape(t)}(?![\\p{Script=Latin}\\p{N}])`, 'u').test(q)) {
      return trigger;
    }
  }
  return null;
}

function banner(doc) {
  const template = doc.getElementById('pharos-emergency');
  if (!template) return null;
  let triggers = [];
  try {
    triggers = JSON.parse(template.dataset.triggers || '[]');
  } catch {
    triggers = [];
  }
  return { template, triggers };
}

/** Fills (or empties) a banner slot for a query; returns whether the banner is shown. */
export function fillSlot(slot, query, doc = document) {
  const b = banner(doc);
  if (!slot || !b) return false;
  const show = findTrigger(query, b.triggers) !== null;
  if (show && slot.childElementCount) return true;
  slot.replaceChildren();
  if (show) slot.append(b.template.content.cloneNode(true));
  return show;
}

export function init(doc) {
  if (!banner(doc)) return;
  // The search module's contract: after rendering results it dispatches pharos:search with the query and the
  // container, whose list has an empty <div data-search-banner> at its top.
  doc.addEventListener('pharos:search', (event) => {
    const { query, container } = event.detail ?? {};
    const root = container instanceof Element ? container : doc;
    const slot = root.matches?.('[data-search-banner]') ? root : root.querySelector('[data-search-banner]');
    fillSlot(slot, query ?? '', doc);
  });
}
