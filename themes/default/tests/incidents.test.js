import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { isExpired, hideExpired, watch } from '../assets/js/incidents.js';

const at = (iso) => Date.parse(iso);

/** The markup partials/incident-banner.peb writes, as far as the module reads it. */
function page(...expiries) {
  const banners = expiries.map((expires) => ({ dataset: { expires }, hidden: false }));
  const region = { hidden: false, querySelectorAll: (s) => (s === '[data-expires]' ? banners : []) };
  return { region, banners, querySelectorAll: (s) => (s === '.incidents' ? [region] : []) };
}

test('a banner expires at its instant, in any time zone it was written in', () => {
  assert.equal(isExpired('2027-06-30T00:00:00Z', at('2027-06-29T23:59:59Z')), false);
  assert.equal(isExpired('2027-06-30T00:00:00Z', at('2027-06-30T00:00:00Z')), true);
  assert.equal(isExpired('2027-06-30T08:00:00+08:00', at('2027-06-30T00:00:01Z')), true);
  assert.equal(isExpired('not a time', at('2099-01-01T00:00:00Z')), false);
});

test('expired banners are hidden, and the region with them once none is left', () => {
  const site = page('2027-01-01T00:00:00Z', '2027-06-30T00:00:00Z');
  assert.equal(hideExpired(site, at('2026-12-31T00:00:00Z')), at('2027-01-01T00:00:00Z'));
  assert.deepEqual(site.banners.map((b) => b.hidden), [false, false]);

  assert.equal(hideExpired(site, at('2027-03-01T00:00:00Z')), at('2027-06-30T00:00:00Z'));
  assert.deepEqual(site.banners.map((b) => b.hidden), [true, false]);
  assert.equal(site.region.hidden, false);

  assert.equal(hideExpired(site, at('2027-07-01T00:00:00Z')), Infinity);
  assert.deepEqual(site.banners.map((b) => b.hidden), [true, true]);
  assert.equal(site.region.hidden, true);
});

test('an open page hides a banner when its time comes (faked clock)', () => {
  mock.timers.enable({ apis: ['setTimeout', 'Date'], now: at('2027-06-29T23:00:00Z') });
  try {
    const site = page('2027-06-30T00:00:00Z', '2099-01-01T00:00:00Z');
    watch(site);
    assert.deepEqual(site.banners.map((b) => b.hidden), [false, false]);
    mock.timers.tick(59 * 60 * 1000);
    assert.equal(site.banners[0].hidden, false);
    mock.timers.tick(60 * 1000);
    assert.deepEqual(site.banners.map((b) => b.hidden), [true, false]);
    // The next expiry is decades away: the wait is capped at what setTimeout takes, then measured again.
    mock.timers.tick(2 ** 31 - 1);
    assert.equal(site.banners[1].hidden, false);
  } finally {
    mock.timers.reset();
  }
});
