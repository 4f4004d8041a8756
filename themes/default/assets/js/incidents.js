// Announcement banners carry their expiry (data-expires, an ISO-8601 instant). The build leaves out banners that
// had expired when it ran; this hides those that expired since, without a rebuild, and those that expire while the
// page is open. Without JavaScript they stay until the next build.

/** True when an ISO-8601 instant is at or before `now` (milliseconds); an unreadable one never expires. */
export function isExpired(expires, now) {
  const at = Date.parse(expires);
  return Number.isFinite(at) && at <= now;
}

/**
 * Hides expired banners, and the notices region once none is left.
 * @returns {number} when the next shown banner expires (milliseconds), or Infinity
 */
export function hideExpired(root, now) {
  let next = Infinity;
  for (const region of root.querySelectorAll('.incidents')) {
    let shown = 0;
    for (const banner of region.querySelectorAll('[data-expires]')) {
      if (isExpired(banner.dataset.expires, now)) {
        banner.hidden = true;
      } else if (!banner.hidden) {
        shown++;
        const at = Date.parse(banner.dataset.expires);
        if (at < next) next = at;
      }
    }
    if (shown === 0) region.hidden = true;
  }
  return next;
}

/** Hides what has expired, then waits for the next expiry (timers longer than about 24 days are capped). */
export function watch(root, clock = Date, timers = globalThis) {
  const next = hideExpired(root, clock.now());
  if (next !== Infinity) {
    timers.setTimeout(() => watch(root, clock, timers), Math.min(next - clock.now(), 2 ** 31 - 1));
  }
}

if (typeof document !== 'undefined') watch(document);
