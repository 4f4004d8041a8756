// Live reload for `pharos serve`: listens to the preview server's events, reloads the page after each good build
// (keeping the scroll position) and shows build errors in an overlay, with file and line, until they are fixed.
// Loaded only by the preview partial; published sites never include it.

const SCROLL_KEY = 'pharos-dev-scroll';

/** The overlay's lines for a failed build: "file:line" and "error: message" for each problem. */
export function describeProblems(problems) {
  return problems.map((p) => ({
    location: p.location || '',
    severity: p.severity === 'warning' ? 'warning' : 'error',
    text: `${p.severity === 'warning' ? 'warning' : 'error'}: ${p.message}`,
  }));
}

/** Where to scroll after a reload: the saved position when it was saved for this very page. */
export function restoredScroll(saved, path) {
  if (!saved) {
    return null;
  }
  try {
    const value = JSON.parse(saved);
    return value && value.path === path && Number.isFinite(value.y) ? value.y : null;
  } catch {
    return null;
  }
}

function showOverlay(doc, problems) {
  hideOverlay(doc);
  const template = doc.getElementById('pharos-dev-overlay');
  if (!template) {
    return;
  }
  const overlay = template.content.firstElementChild.cloneNode(true);
  overlay.dataset.pharosDev = 'overlay';
  const list = overlay.querySelector('.dev-overlay-problems');
  for (const item of describeProblems(problems)) {
    const li = doc.createElement('li');
    li.className = `dev-overlay-severity-${item.severity}`;
    if (item.location) {
      const where = doc.createElement('span');
      where.className = 'dev-overlay-location';
      where.textContent = `${item.location}: `;
      li.append(where);
    }
    li.append(doc.createTextNode(item.text));
    list.append(li);
  }
  overlay.querySelector('.dev-overlay-close')?.addEventListener('click', () => overlay.remove());
  doc.body.append(overlay);
}

function hideOverlay(doc) {
  doc.querySelector('[data-pharos-dev="overlay"]')?.remove();
}

function start() {
  const script = document.querySelector('script[data-pharos-events]');
  if (!script || typeof EventSource === 'undefined') {
    return;
  }
  const y = restoredScroll(sessionStorage.getItem(SCROLL_KEY), location.pathname);
  sessionStorage.removeItem(SCROLL_KEY);
  if (y !== null) {
    window.scrollTo(0, y);
  }
  const events = new EventSource(script.dataset.pharosEvents);
  events.addEventListener('reload', () => {
    sessionStorage.setItem(SCROLL_KEY, JSON.stringify({ path: location.pathname, y: window.scrollY }));
    location.reload();
  });
  events.addEventListener('failed', (event) => {
    showOverlay(document, JSON.parse(event.data).problems);
  });
}

if (typeof document !== 'undefined') {
  start();
}
