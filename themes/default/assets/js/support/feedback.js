// "Was this helpful?" Votes go to support.feedback.endpoint with navigator.sendBeacon: the article id, the locale
// and the vote, nothing else (no cookies are set or read, nothing about the reader). Without an endpoint nothing
// is sent. Either way the reader is thanked, and "No" offers the ticket link prefilled with "This article did not
// solve my problem". Without JavaScript the section stays hidden; "Still need help?" below it still works.

/** The vote as sent: exactly these three fields. */
export function payload(box, vote) {
  return JSON.stringify({ id: box.dataset.page ?? '', locale: box.dataset.locale ?? '', vote });
}

/** Sends a vote if an endpoint is set; returns whether the browser queued it. */
export function send(box, vote, nav = globalThis.navigator) {
  const endpoint = box.dataset.endpoint;
  if (!endpoint || typeof nav?.sendBeacon !== 'function') return false;
  try {
    return nav.sendBeacon(endpoint, payload(box, vote));
  } catch {
    return false; // A bad endpoint must not break the page.
  }
}

function vote(box, value) {
  send(box, value);
  const buttons = box.querySelector('.feedback-buttons');
  const thanks = box.querySelector('[data-thanks]');
  if (buttons) buttons.hidden = true;
  if (thanks) {
    thanks.hidden = false;
    thanks.tabIndex = -1;
    thanks.focus();
  }
  if (value === 'no') {
    const followup = box.querySelector('[data-followup]');
    if (followup) followup.hidden = false;
  }
}

export function init(doc) {
  for (const box of doc.querySelectorAll('[data-feedback]')) {
    box.hidden = false;
    box.addEventListener('click', (event) => {
      const button = event.target instanceof Element ? event.target.closest('[data-vote]') : null;
      if (button) vote(box, button.dataset.vote);
    });
  }
}
